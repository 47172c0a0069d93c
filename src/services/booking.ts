import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import { Types } from "mongoose";
import type { BookingRules, Language } from "../config.js";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { CLAIM_CELL_MINUTES, SlotClaimModel } from "../db/models/slot-claim.js";
import { availableSlots, groupSlotsByDay, type Interval } from "../domain/availability.js";
import { MARKETING_CONSENT_WORDING_VERSION, PRIVACY_NOTICE_VERSION } from "../domain/versions.js";
import { findActiveService, type ServiceView } from "./catalog.js";
import { recordMarketingChoices, type ConsentState } from "./consents.js";
import { loadSchedule } from "./schedule.js";

const MINUTE = 60_000;
/** A hold older than this was left by a crash between claiming and confirming. */
const STALE_HOLD_MS = 2 * MINUTE;

/** Where and how the practice books: its zone and rules. */
export interface BookingSettings {
  zone: string;
  rules: BookingRules;
}

/** The customer's details as typed and validated in the booking flow. */
export interface CustomerDetails {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

/** A confirm request from the booking flow. */
export interface BookingRequest {
  telegramId: number;
  serviceId: string;
  start: number;
  details: CustomerDetails;
  privacyAcknowledged: boolean;
  /** Marketing choices made in this flow, or undefined when the question was not asked. */
  marketing?: ConsentState;
  now: number;
}

/** A booking as shown to people: plain data. */
export interface BookingView {
  id: string;
  ref: string;
  start: number;
  end: number;
  serviceName: Record<Language, string>;
  durationMinutes: number;
  priceCents: number;
  customerFirstName: string;
  customerLastName: string;
}

export type BookingResult =
  | { ok: true; booking: BookingView }
  | { ok: false; reason: "slot-taken" | "service-unavailable" | "privacy-not-acknowledged" };

/** Booked time (held or confirmed) that overlaps [from, to), each interval up to its buffer's end. */
export async function busyIntervals(from: number, to: number): Promise<Interval[]> {
  const docs = await BookingModel.find(
    { status: { $in: ["held", "confirmed"] }, start: { $lt: new Date(to) }, bufferEnd: { $gt: new Date(from) } },
    { start: 1, bufferEnd: 1 },
  ).lean();
  return docs.map((d) => ({ start: d.start.getTime(), end: d.bufferEnd.getTime() }));
}

/** Every free start instant for a service from `now` to the horizon (B2). */
export async function freeSlots(settings: BookingSettings, service: ServiceView, now: number): Promise<number[]> {
  const horizonEnd = DateTime.fromMillis(now, { zone: settings.zone })
    .startOf("day")
    .plus({ days: settings.rules.horizonDays + 2 })
    .toMillis();
  const [schedule, busy] = await Promise.all([loadSchedule(new Date(now)), busyIntervals(now, horizonEnd)]);
  return availableSlots({
    now,
    zone: settings.zone,
    ...schedule,
    busy,
    durationMinutes: service.durationMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    granularityMinutes: settings.rules.granularityMinutes,
    minNoticeMinutes: settings.rules.minNoticeMinutes,
    horizonDays: settings.rules.horizonDays,
  });
}

/** Local dates (yyyy-mm-dd) that have at least one free slot for the service. */
export async function availableDays(settings: BookingSettings, serviceId: string, now: number): Promise<string[]> {
  const service = await findActiveService(serviceId);
  if (!service) return [];
  return [...groupSlotsByDay(await freeSlots(settings, service, now), settings.zone).keys()];
}

/** Free start instants for the service on one local date. */
export async function slotsOnDay(
  settings: BookingSettings,
  serviceId: string,
  day: string,
  now: number,
): Promise<number[]> {
  const service = await findActiveService(serviceId);
  if (!service) return [];
  return groupSlotsByDay(await freeSlots(settings, service, now), settings.zone).get(day) ?? [];
}

/** The claim cells covering [start, end): every cell-aligned instant from start's cell to end. */
export function claimCells(start: number, end: number): Date[] {
  const cell = CLAIM_CELL_MINUTES * MINUTE;
  const cells: Date[] = [];
  for (let t = Math.floor(start / cell) * cell; t < end; t += cell) cells.push(new Date(t));
  return cells;
}

function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: Array<{ code?: number; err?: { code?: number } }> };
  return e.code === 11000 || Boolean(e.writeErrors?.some((w) => (w.code ?? w.err?.code) === 11000));
}

/**
 * Claims [start, end) for a booking by inserting its cells. Every cell is a unique `_id`, so of
 * several bookings wanting any shared cell exactly one succeeds, whichever process it runs in.
 * On a conflict the cells this booking did insert are released and false is returned.
 */
export async function claimSlot(bookingId: Types.ObjectId, start: number, end: number): Promise<boolean> {
  try {
    await SlotClaimModel.insertMany(
      claimCells(start, end).map((cell) => ({ _id: cell, bookingId })),
      { ordered: true },
    );
    return true;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await SlotClaimModel.deleteMany({ bookingId });
    return false;
  }
}

/** Frees the time a booking holds. */
export async function releaseSlot(bookingId: Types.ObjectId): Promise<void> {
  await SlotClaimModel.deleteMany({ bookingId });
}

function newRef(): string {
  return randomBytes(9).toString("base64url");
}

/**
 * Books an appointment (B3, B4): re-checks that the time is still offered, saves the customer's
 * details and choices, then claims the slot atomically. A lost race returns "slot-taken" and
 * leaves nothing behind.
 */
export async function bookAppointment(settings: BookingSettings, request: BookingRequest): Promise<BookingResult> {
  const service = await findActiveService(request.serviceId);
  if (!service) return { ok: false, reason: "service-unavailable" };
  const now = new Date(request.now);

  const customer = await CustomerModel.findOne({ telegramId: request.telegramId });
  const alreadyAcknowledged = customer?.privacyNoticeVersion === PRIVACY_NOTICE_VERSION;
  if (!alreadyAcknowledged && !request.privacyAcknowledged) return { ok: false, reason: "privacy-not-acknowledged" };

  const offered = await freeSlots(settings, service, request.now);
  if (!offered.includes(request.start)) return { ok: false, reason: "slot-taken" };

  const { details } = request;
  const saved = await CustomerModel.findOneAndUpdate(
    { telegramId: request.telegramId },
    {
      $set: {
        firstName: details.firstName,
        lastName: details.lastName,
        email: details.email,
        lastSeenAt: now,
        ...(details.phone ? { phone: details.phone } : {}),
        ...(alreadyAcknowledged ? {} : { privacyNoticeVersion: PRIVACY_NOTICE_VERSION, privacyAcknowledgedAt: now }),
        ...(request.marketing && !customer?.consentsAskedAt ? { consentsAskedAt: now } : {}),
      },
      ...(details.phone ? {} : { $unset: { phone: 1 } }),
      $setOnInsert: { language: "fi" },
    },
    { upsert: true, returnDocument: "after" },
  );
  if (!saved) throw new Error("customer upsert returned nothing");
  if (request.marketing) {
    await recordMarketingChoices(saved._id, request.marketing, MARKETING_CONSENT_WORDING_VERSION, "button", now);
  }

  const start = request.start;
  const end = start + service.durationMinutes * MINUTE;
  const bufferEnd = end + service.bufferAfterMinutes * MINUTE;
  const booking = await BookingModel.create({
    ref: newRef(),
    customerId: saved._id,
    serviceId: new Types.ObjectId(service.id),
    service: {
      name: service.name,
      durationMinutes: service.durationMinutes,
      priceCents: service.priceCents,
      vatTreatment: service.vatTreatment,
      vatRatePercent: service.vatRatePercent,
    },
    start: new Date(start),
    end: new Date(end),
    bufferEnd: new Date(bufferEnd),
    status: "held",
  });
  if (!(await claimSlot(booking._id, start, bufferEnd))) {
    await BookingModel.deleteOne({ _id: booking._id });
    return { ok: false, reason: "slot-taken" };
  }
  await BookingModel.updateOne({ _id: booking._id }, { $set: { status: "confirmed" } });
  return {
    ok: true,
    booking: {
      id: booking._id.toHexString(),
      ref: booking.ref,
      start,
      end,
      serviceName: service.name,
      durationMinutes: service.durationMinutes,
      priceCents: service.priceCents,
      customerFirstName: details.firstName,
      customerLastName: details.lastName,
    },
  };
}

/**
 * Removes holds left behind by a process that died between claiming a slot and confirming the
 * booking, so their time becomes bookable again. Run at start-up.
 */
export async function releaseStaleHolds(now: number): Promise<number> {
  const stale = await BookingModel.find(
    { status: "held", createdAt: { $lt: new Date(now - STALE_HOLD_MS) } },
    { _id: 1 },
  ).lean();
  for (const { _id } of stale) {
    await releaseSlot(_id);
    await BookingModel.deleteOne({ _id, status: "held" });
  }
  return stale.length;
}

/** A customer's confirmed bookings that have not yet started, soonest first. */
export async function upcomingBookings(telegramId: number, now: number): Promise<BookingView[]> {
  const customer = await CustomerModel.findOne({ telegramId }, { _id: 1, firstName: 1, lastName: 1 }).lean();
  if (!customer) return [];
  const docs = await BookingModel.find({ customerId: customer._id, status: "confirmed", start: { $gt: new Date(now) } })
    .sort({ start: 1 })
    .lean();
  return docs.map((d) => ({
    id: d._id.toHexString(),
    ref: d.ref,
    start: d.start.getTime(),
    end: d.end.getTime(),
    serviceName: { fi: d.service.name.fi, sv: d.service.name.sv, en: d.service.name.en },
    durationMinutes: d.service.durationMinutes,
    priceCents: d.service.priceCents,
    customerFirstName: customer.firstName ?? "",
    customerLastName: customer.lastName ?? "",
  }));
}
