import { DateTime } from "luxon";
import { Types } from "mongoose";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { FreedTimeModel, WaitlistEntryModel, WaitlistOfferModel } from "../db/models/waitlist.js";
import { isDuplicateKey } from "../db/errors.js";
import type { Language } from "../domain/enums.js";
import { addDays, endOfDay, inDayPart, type DayPart } from "../domain/waitlist.js";
import { loadCalendar } from "./calendar.js";
import { findActiveService, listActiveServices, type ServiceView } from "./catalog.js";
import { releaseLease, tryLease } from "./locks.js";
import { changeDeadline } from "./manage-booking.js";
import { freeSlots, isOffered, type BookingSettings } from "./slots.js";
import { findCustomerByTelegram } from "./customers.js";

/*
 * The waitlist (W1–W3): customers' wishes to be told when a time opens, the offers made when
 * time is freed, and what the practitioner sees of them. Freed time is recorded where it is freed
 * (services/freed-time.ts); the bot's waitlist job (bot/waitlist.ts) calls `matchFreedTimes` and
 * `takeDueOffers` every few seconds on every instance.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** At most this many entries per customer, so one person cannot fill the list. */
export const MAX_ENTRIES_PER_CUSTOMER = 5;
/** At most this many times in one offer message (its buttons). */
const MAX_TIMES_PER_OFFER = 8;
/** How long a freed time's matching is leased to one process. */
const MATCH_LEASE_MS = 60_000;
const SEND_LEASE_MS = 60_000;

/**
 * What a customer asks to wait for: a time for a service (to book), or a time to move one of their
 * bookings to (`moveRef`, its reference; the booking's service).
 */
export type WaitlistWish = { fromDay: string; toDay: string; part: DayPart } & ({ serviceId: string } | { moveRef: string });

/** A waitlist entry as the customer sees it. Plain data. */
export interface WaitlistEntryView {
  id: string;
  serviceName: Record<Language, string>;
  fromDay: string;
  toDay: string;
  part: DayPart;
  /** For an entry to move a booking: that booking's current start. */
  moving?: number;
}

export type JoinResult =
  | { ok: true; entry: WaitlistEntryView }
  | { ok: false; reason: "unknown-service" | "too-many" | "bad-days" | "not-movable" };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Puts a customer on the waitlist (W1); entries expire after their last day. An entry to move a
 * booking also ends at the booking's change deadline, and replaces an earlier one for the same
 * booking.
 */
export async function joinWaitlist(settings: BookingSettings, telegramId: number, wish: WaitlistWish, now: number): Promise<JoinResult> {
  const customer = await findCustomerByTelegram(telegramId, { _id: 1 });
  if (!customer) return { ok: false, reason: "unknown-service" };
  let moving: { bookingId: Types.ObjectId; start: number; deadline: number } | undefined;
  let serviceId: string;
  if ("moveRef" in wish) {
    const booking = await BookingModel.findOne({ ref: wish.moveRef, customerId: customer._id, status: "confirmed" }, { serviceId: 1, start: 1 }).lean();
    const deadline = booking ? changeDeadline(settings, booking.start.getTime()) : 0;
    if (!booking || now > deadline) return { ok: false, reason: "not-movable" };
    moving = { bookingId: booking._id, start: booking.start.getTime(), deadline };
    serviceId = booking.serviceId.toHexString();
  } else serviceId = wish.serviceId;
  const service = await findActiveService(serviceId);
  if (!service) return { ok: false, reason: "unknown-service" };
  const today = DateTime.fromMillis(now, { zone: settings.zone }).toISODate() ?? "";
  const fromDay = wish.fromDay < today ? today : wish.fromDay;
  const lastDay = addDays(today, settings.rules.horizonDays);
  const toDay = wish.toDay > lastDay ? lastDay : wish.toDay;
  if (!ISO_DAY.test(fromDay) || !ISO_DAY.test(toDay) || toDay < fromDay) return { ok: false, reason: "bad-days" };
  if (moving) await WaitlistEntryModel.deleteMany({ customerId: customer._id, bookingId: moving.bookingId });
  const current = await WaitlistEntryModel.countDocuments({ customerId: customer._id, expiresAt: { $gt: new Date(now) } });
  if (current >= MAX_ENTRIES_PER_CUSTOMER) return { ok: false, reason: "too-many" };
  const lastInstant = endOfDay(toDay, settings.zone);
  const doc = await WaitlistEntryModel.create({
    customerId: customer._id,
    serviceId: new Types.ObjectId(service.id),
    fromDay,
    toDay,
    part: wish.part,
    ...(moving ? { bookingId: moving.bookingId } : {}),
    createdAt: new Date(now),
    expiresAt: new Date(moving ? Math.min(lastInstant, moving.deadline) : lastInstant),
  });
  const entry: WaitlistEntryView = { id: doc._id.toHexString(), serviceName: service.name, fromDay, toDay, part: wish.part };
  return { ok: true, entry: moving ? { ...entry, moving: moving.start } : entry };
}

/**
 * The bookings that entries to move a booking are for, by id, while they can still be moved:
 * confirmed and before their change deadline. An entry whose booking is not here waits for nothing.
 */
async function movableBookings(settings: BookingSettings, entries: ReadonlyArray<{ bookingId?: Types.ObjectId | null }>, now: number) {
  const ids = entries.flatMap((e) => (e.bookingId ? [e.bookingId] : []));
  const found = new Map<string, { ref: string; start: number }>();
  if (ids.length === 0) return found;
  const bookings = await BookingModel.find({ _id: { $in: ids }, status: "confirmed" }, { ref: 1, start: 1 }).lean();
  for (const b of bookings) {
    if (now <= changeDeadline(settings, b.start.getTime())) found.set(b._id.toHexString(), { ref: b.ref, start: b.start.getTime() });
  }
  return found;
}

/** Whether an entry still waits: a plain one always, one to move a booking while that booking can be moved. */
function stillWaiting(entry: { bookingId?: Types.ObjectId | null }, movable: Map<string, { ref: string; start: number }>) {
  return !entry.bookingId || movable.has(entry.bookingId.toHexString());
}

/** The customer's entries still waiting, oldest first (for /mybookings). */
export async function waitlistEntries(settings: BookingSettings, telegramId: number, now: number): Promise<WaitlistEntryView[]> {
  const customer = await findCustomerByTelegram(telegramId, { _id: 1 });
  if (!customer) return [];
  const entries = await WaitlistEntryModel.find({ customerId: customer._id, expiresAt: { $gt: new Date(now) } }).sort({ createdAt: 1, _id: 1 }).lean();
  const movable = await movableBookings(settings, entries, now);
  const views: WaitlistEntryView[] = [];
  for (const e of entries) {
    const service = await findActiveService(e.serviceId.toHexString());
    if (!service || !stillWaiting(e, movable)) continue;
    const view: WaitlistEntryView = { id: e._id.toHexString(), serviceName: service.name, fromDay: e.fromDay, toDay: e.toDay, part: e.part };
    views.push(e.bookingId ? { ...view, moving: movable.get(e.bookingId.toHexString())!.start } : view);
  }
  return views;
}

/** Removes one of the customer's own entries and its offers not yet sent; false when there was none. */
export async function leaveWaitlist(telegramId: number, entryId: string): Promise<boolean> {
  if (!Types.ObjectId.isValid(entryId)) return false;
  const customer = await findCustomerByTelegram(telegramId, { _id: 1 });
  if (!customer) return false;
  const removed = await WaitlistEntryModel.deleteOne({ _id: entryId, customerId: customer._id });
  await WaitlistOfferModel.deleteMany({ entryId, sentAt: { $exists: false } });
  return removed.deletedCount > 0;
}

/**
 * An offered time pressed: the service to book it with (or, for an entry to move a booking, that
 * booking's reference), or why it cannot be.
 */
export type OfferCheck = { ok: true; service: ServiceView; start: number; entryId: string; moveRef?: string } | { ok: false; reason: "gone" | "not-found" };

/**
 * Checks an offer the customer pressed: it must be theirs, its entry still there, and the time
 * still free and outside the minimum notice (W2). The booking's own claim decides a race later.
 */
export async function checkOffer(settings: BookingSettings, telegramId: number, entryId: string, start: number, now: number): Promise<OfferCheck> {
  if (!Types.ObjectId.isValid(entryId) || !Number.isSafeInteger(start)) return { ok: false, reason: "not-found" };
  const customer = await findCustomerByTelegram(telegramId, { _id: 1 });
  if (!customer) return { ok: false, reason: "not-found" };
  const offer = await WaitlistOfferModel.findById(`${customer._id.toHexString()}:${start}`).lean();
  const entry = await WaitlistEntryModel.findOne({ _id: entryId, customerId: customer._id }).lean();
  if (!offer || !entry || !offer.entryId.equals(entry._id)) return { ok: false, reason: "not-found" };
  const movable = await movableBookings(settings, [entry], now);
  if (!stillWaiting(entry, movable)) return { ok: false, reason: "not-found" };
  const service = await findActiveService(entry.serviceId.toHexString());
  if (!service || !(await isOffered(settings, service, start, now))) return { ok: false, reason: "gone" };
  const moving = entry.bookingId && movable.get(entry.bookingId.toHexString());
  return moving ? { ok: true, service, start, entryId, moveRef: moving.ref } : { ok: true, service, start, entryId };
}

/** A booking was made from an entry: the entry is done, and its offers not yet sent go. */
export async function bookedFromWaitlist(entryId: string): Promise<void> {
  if (!Types.ObjectId.isValid(entryId)) return;
  await WaitlistEntryModel.deleteOne({ _id: entryId });
  await WaitlistOfferModel.deleteMany({ entryId, sentAt: { $exists: false } });
}

/**
 * Turns freed time into offers (W2, W3): each freed-time record is taken by one process at a
 * time (a lease), the times still free in it are matched to every waiting entry whose service,
 * days and part of the day they fit, and one offer per (customer, start) is inserted under a
 * unique key; then the record is deleted. Running it again on the same record (after a crash)
 * inserts only what is missing. The longest-waiting entry's offers may go at once and the
 * others' `headstartMinutes` later. Returns how many offers were made.
 */
export async function matchFreedTimes(settings: BookingSettings, now: number, { headstartMinutes = 0, limit = 50 } = {}): Promise<number> {
  const freed = await FreedTimeModel.find({}).sort({ at: 1, _id: 1 }).limit(limit).lean();
  let made = 0;
  for (const f of freed) {
    const key = `freed:${f._id.toHexString()}`;
    const lease = await tryLease(key, MATCH_LEASE_MS);
    if (!lease) continue;
    try {
      if (f.end.getTime() > now) made += await matchOne(settings, { start: f.start.getTime(), end: f.end.getTime() }, now, headstartMinutes);
      await FreedTimeModel.deleteOne({ _id: f._id });
    } finally {
      await releaseLease(key, lease);
    }
  }
  return made;
}

async function matchOne(settings: BookingSettings, freed: { start: number; end: number }, now: number, headstartMinutes: number): Promise<number> {
  const firstDay = DateTime.fromMillis(freed.start, { zone: settings.zone }).toISODate() ?? "";
  const lastDay = DateTime.fromMillis(freed.end, { zone: settings.zone }).toISODate() ?? "";
  const entries = await WaitlistEntryModel.find({
    expiresAt: { $gt: new Date(now) },
    fromDay: { $lte: lastDay },
    toDay: { $gte: firstDay },
  })
    .sort({ createdAt: 1, _id: 1 })
    .lean();
  if (entries.length === 0) return 0;
  const movable = await movableBookings(settings, entries, now);
  // The free times in the freed interval, once per service asked for. Bookings up to a day
  // around it count, so a long treatment starting in it cannot run into the next booking.
  const startsByService = new Map<string, number[]>();
  const lengthByService = new Map<string, number>();
  const around = { start: freed.start - DAY, end: freed.end + DAY };
  let first = true;
  const offers: Array<Record<string, unknown>> = [];
  for (const entry of entries) {
    if (!stillWaiting(entry, movable)) continue;
    const serviceId = entry.serviceId.toHexString();
    let starts = startsByService.get(serviceId);
    if (!starts) {
      const service = await findActiveService(serviceId);
      starts = service ? (await freeSlots(settings, service, now, { within: around })).filter((s) => s >= freed.start && s < freed.end) : [];
      startsByService.set(serviceId, starts);
      if (service) lengthByService.set(serviceId, (service.durationMinutes + service.bufferAfterMinutes) * MINUTE);
    }
    const fitting = starts
      .filter((s) => {
        const day = DateTime.fromMillis(s, { zone: settings.zone }).toISODate() ?? "";
        return day >= entry.fromDay && day <= entry.toDay && inDayPart(s, entry.part, settings.zone);
      })
      .slice(0, MAX_TIMES_PER_OFFER);
    if (fitting.length === 0) continue;
    const sendAfter = new Date(first ? now : now + headstartMinutes * MINUTE);
    first = false;
    for (const start of fitting) {
      offers.push({
        _id: `${entry.customerId.toHexString()}:${start}`,
        entryId: entry._id,
        customerId: entry.customerId,
        start: new Date(start),
        end: new Date(start + (lengthByService.get(serviceId) ?? 0)),
        sendAfter,
        createdAt: new Date(now),
      });
    }
  }
  // One insert for them all; an offer made before (its id is the customer and the time) is left.
  if (offers.length === 0) return 0;
  try {
    return (await WaitlistOfferModel.insertMany(offers, { ordered: false })).length;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return (error as { insertedDocs?: unknown[] }).insertedDocs?.length ?? 0;
  }
}

/** One offer message to send: a waiting customer and the freed times for their entry. Plain data. */
export interface DueOffer {
  entryId: string;
  telegramId: number;
  language: Language;
  serviceName: Record<Language, string>;
  starts: number[];
  /** The offers the message carries, to record its message id on (`offerSent`). */
  offerIds: string[];
  /** For an entry to move a booking: that booking's current start. */
  moving?: number;
}

/** Updates per command in `setOnOffers`: FerretDB 1.24 stopped answering an update command of 100. */
const UPDATES_PER_COMMAND = 40;

/**
 * Sets fields on a few offers by their ids: updates by `_id`, which FerretDB's SQLite backend
 * finds through its index, where one update with `$in` reads every offer stored (some 290 ms a
 * message with 1,000 offers stored, in the bench). Sent in commands of a few dozen.
 */
async function setOnOffers(ids: readonly string[], set: Record<string, unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += UPDATES_PER_COMMAND) {
    await WaitlistOfferModel.bulkWrite(
      ids.slice(i, i + UPDATES_PER_COMMAND).map((_id) => ({ updateOne: { filter: { _id }, update: { $set: set } } })),
      { ordered: false },
    );
  }
}

/**
 * The offers due to go out now, each taken once (W2): under one lease, the unsent due offers of
 * up to `limit` entries (a batch, so that sending starts soon) are marked sent before they are
 * returned, so two processes
 * never send the same one (a process that dies before sending loses that message rather than
 * sending it twice; another process finds the lease taken and sends nothing that round). Times no
 * longer free, or now within the minimum notice, are marked sent and left out. A batch reads the
 * offers, entries and customers once each, not once per entry.
 */
export async function takeDueOffers(settings: BookingSettings, now: number, limit = 25): Promise<DueOffer[]> {
  const key = "waitlist-send";
  const lease = await tryLease(key, SEND_LEASE_MS);
  if (!lease) return [];
  try {
    const due = await WaitlistOfferModel.find({ sentAt: { $exists: false }, sendAfter: { $lte: new Date(now) } })
      .sort({ sendAfter: 1, _id: 1 })
      .lean();
    // Whole entries, the earliest due first: each entry's offers go out in one message.
    const byEntry = new Map<string, typeof due>();
    for (const offer of due) {
      const entryId = offer.entryId.toHexString();
      const offers = byEntry.get(entryId);
      if (offers) offers.push(offer);
      else if (byEntry.size < limit) byEntry.set(entryId, [offer]);
    }
    if (byEntry.size === 0) return [];
    const taken = [...byEntry.values()].flat();
    // One update for the round's offers: FerretDB writes a document in some 4 ms either way, and
    // one command saves the round trips (updates by `_id` one by one cost twice that).
    await WaitlistOfferModel.updateMany({ _id: { $in: taken.map((o) => o._id) } }, { $set: { sentAt: new Date(now) } });
    const entries = await WaitlistEntryModel.find({ _id: { $in: [...byEntry.keys()] } }).lean();
    const customers = await CustomerModel.find({ _id: { $in: entries.map((e) => e.customerId) } }, { telegramId: 1, language: 1 }).lean();
    const customerById = new Map(customers.map((c) => [c._id.toHexString(), c]));
    const movable = await movableBookings(settings, entries, now);
    // One look at the calendar for the whole round: the offers are only offers, the claim at
    // confirm decides.
    const calendar = await loadCalendar(now);
    const out: DueOffer[] = [];
    for (const entry of entries) {
      if (entry.expiresAt.getTime() <= now || !stillWaiting(entry, movable)) continue;
      const entryId = entry._id.toHexString();
      const service = await findActiveService(entry.serviceId.toHexString(), calendar);
      const customer = customerById.get(entry.customerId.toHexString());
      // A customer not on Telegram (a phone customer, A10) cannot be offered anything in the chat.
      if (!service || !customer || typeof customer.telegramId !== "number") continue;
      const starts: number[] = [];
      const offerIds: string[] = [];
      for (const o of [...byEntry.get(entryId)!].sort((a, b) => a.start.getTime() - b.start.getTime())) {
        if (o.goneAt || !(await isOffered(settings, service, o.start.getTime(), now, calendar))) continue;
        starts.push(o.start.getTime());
        offerIds.push(o._id);
      }
      const moving = entry.bookingId ? { moving: movable.get(entry.bookingId.toHexString())!.start } : {};
      if (starts.length > 0) out.push({ entryId, telegramId: customer.telegramId, language: customer.language, serviceName: service.name, starts, offerIds, ...moving });
    }
    // In the order the entries came due (the head start of the longest-waiting, W3).
    const order = [...byEntry.keys()];
    return out.sort((a, b) => order.indexOf(a.entryId) - order.indexOf(b.entryId));
  } finally {
    await releaseLease(key, lease);
  }
}

/** An offer message went out: its id is kept on its offers, so it can be edited when a time goes (W2). */
export async function offerSent(offerIds: string[], messageId: number): Promise<void> {
  await setOnOffers(offerIds, { messageId });
}

/** An offer message to edit because some of its times were booked by someone else. Plain data. */
export interface GoneOffer {
  entryId: string;
  telegramId: number;
  messageId: number;
  language: Language;
  serviceName: Record<Language, string>;
  /** The times still offered, whose buttons stay. */
  starts: number[];
  /** The times booked by someone else since the message was sent. */
  gone: number[];
  /** For an entry to move a booking: the start the message named. */
  moving?: number;
}

/**
 * The offer messages to edit now, each taken once (W2): offers a booking overlapped
 * (`markOffersTaken`) whose message is known and not yet edited, per message under a lease, marked
 * shown before they are returned. A message whose entry is gone (its customer booked from it or
 * left the list) is left as it is.
 */
export async function takeGoneOffers(now: number, limit = 200): Promise<GoneOffer[]> {
  const gone = await WaitlistOfferModel.find(
    { goneAt: { $exists: true }, goneShownAt: { $exists: false }, messageId: { $exists: true } },
    { customerId: 1, messageId: 1 },
  )
    .sort({ goneAt: 1, _id: 1 })
    .limit(limit)
    .lean();
  const messages = new Map(gone.map((o) => [`${o.customerId.toHexString()}:${o.messageId}`, { customerId: o.customerId, messageId: o.messageId! }]));
  const out: GoneOffer[] = [];
  for (const [key, { customerId, messageId }] of messages) {
    const lease = await tryLease(`waitlist-edit:${key}`, SEND_LEASE_MS);
    if (!lease) continue;
    try {
      const offers = await WaitlistOfferModel.find({ customerId, messageId }).sort({ start: 1 }).lean();
      const fresh = offers.filter((o) => o.goneAt && !o.goneShownAt);
      if (fresh.length === 0) continue;
      await WaitlistOfferModel.updateMany({ _id: { $in: fresh.map((o) => o._id) } }, { $set: { goneShownAt: new Date(now) } });
      const entry = await WaitlistEntryModel.findById(offers[0]!.entryId).lean();
      const customer = await CustomerModel.findById(customerId, { telegramId: 1, language: 1 }).lean();
      const service = entry && (await findActiveService(entry.serviceId.toHexString()));
      if (!service || !customer || typeof customer.telegramId !== "number") continue;
      const booking = entry.bookingId && (await BookingModel.findById(entry.bookingId, { start: 1 }).lean());
      out.push({
        entryId: entry._id.toHexString(),
        telegramId: customer.telegramId,
        messageId,
        language: customer.language,
        serviceName: service.name,
        starts: offers.filter((o) => !o.goneAt).map((o) => o.start.getTime()),
        gone: offers.filter((o) => o.goneAt).map((o) => o.start.getTime()),
        ...(booking ? { moving: booking.start.getTime() } : {}),
      });
    } finally {
      await releaseLease(`waitlist-edit:${key}`, lease);
    }
  }
  return out;
}

/** How many entries wait for each local day from `fromDay` to `toDay` (for /week, W4). */
export async function waitingPerDay(settings: BookingSettings, fromDay: string, toDay: string, now: number): Promise<Map<string, number>> {
  const entries = await WaitlistEntryModel.find(
    { expiresAt: { $gt: new Date(now) }, fromDay: { $lte: toDay }, toDay: { $gte: fromDay } },
    { fromDay: 1, toDay: 1 },
  ).lean();
  const counts = new Map<string, number>();
  if (!ISO_DAY.test(fromDay) || !ISO_DAY.test(toDay)) return counts;
  for (let day = fromDay, n = 0; day <= toDay && n < 400; day = addDays(day, 1), n++) {
    counts.set(day, entries.filter((e) => e.fromDay <= day && e.toDay >= day).length);
  }
  return counts;
}

/** Drops entries past their last day, offers of past times and freed time already past (W5). */
export async function purgeWaitlist(now: Date): Promise<Record<string, number>> {
  const [entries, offers, freed] = await Promise.all([
    WaitlistEntryModel.deleteMany({ expiresAt: { $lte: now } }),
    WaitlistOfferModel.deleteMany({ start: { $lt: now } }),
    FreedTimeModel.deleteMany({ end: { $lt: now } }),
  ]);
  return { waitlistEntries: entries.deletedCount, waitlistOffers: offers.deletedCount, freedTimes: freed.deletedCount };
}

/** Erases a customer's entries and offers (W5, with the rest of their data). */
export async function eraseWaitlist(customerId: Types.ObjectId): Promise<void> {
  await WaitlistEntryModel.deleteMany({ customerId });
  await WaitlistOfferModel.deleteMany({ customerId });
}

/**
 * Free gaps in the next `hours` (W4, /lastminute): runs of free start times of the shortest
 * active service, each as [first start, last start + its duration). Minimum notice applies.
 */
export async function lastMinuteGaps(settings: BookingSettings, now: number, hours: number): Promise<Array<{ start: number; end: number }>> {
  const services = await listActiveServices();
  const shortest = services.reduce<ServiceView | undefined>((a, s) => (!a || s.durationMinutes < a.durationMinutes ? s : a), undefined);
  if (!shortest) return [];
  const until = now + hours * 60 * MINUTE;
  const starts = (await freeSlots(settings, shortest, now, { within: { start: now, end: until + DAY } })).filter((s) => s < until);
  const step = settings.rules.granularityMinutes * MINUTE;
  const length = shortest.durationMinutes * MINUTE;
  const gaps: Array<{ start: number; end: number }> = [];
  for (const s of starts) {
    const last = gaps.at(-1);
    if (last && s - (last.end - length) === step) last.end = s + length;
    else gaps.push({ start: s, end: s + length });
  }
  return gaps;
}
