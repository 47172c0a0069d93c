import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import { Types } from "mongoose";
import type { BookingRules, Language } from "../config.js";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { availableSlots, groupSlotsByDay, type Interval } from "../domain/availability.js";
import { PRIVACY_NOTICE_VERSION } from "../domain/versions.js";
import { findActiveService } from "./catalog.js";
import { CUSTOMER, recordAudit } from "./audit.js";
import type { ConsentState } from "./consents.js";
import { saveBookingDetails, type BookingDetails } from "./customers.js";
import { claimSlot } from "./claims.js";
import { loadSchedule } from "./schedule.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Where and how the practice books: its zone and rules. */
export interface BookingSettings {
  zone: string;
  rules: BookingRules;
}

/** A confirm request from the booking flow. */
export interface BookingRequest {
  telegramId: number;
  serviceId: string;
  start: number;
  details: BookingDetails;
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

/**
 * Booked time (held or confirmed) that overlaps [from, to), each interval up to its buffer's end,
 * leaving out `exclude` (the booking being moved: its own time is free to it).
 */
export async function busyIntervals(from: number, to: number, exclude?: Types.ObjectId): Promise<Interval[]> {
  const docs = await BookingModel.find(
    {
      status: { $in: ["held", "confirmed"] },
      start: { $lt: new Date(to) },
      bufferEnd: { $gt: new Date(from) },
      ...(exclude ? { _id: { $ne: exclude } } : {}),
    },
    { start: 1, bufferEnd: 1, moveTo: 1 },
  ).lean();
  const busy = docs.map((d) => ({ start: d.start.getTime(), end: d.bufferEnd.getTime() }));
  // A move in progress already holds its new time too.
  for (const d of docs) {
    if (d.moveTo?.start && d.moveTo.bufferEnd) busy.push({ start: d.moveTo.start.getTime(), end: d.moveTo.bufferEnd.getTime() });
  }
  return busy;
}

/** How long a slot must be: the treatment and the buffer after it. */
export interface SlotShape {
  durationMinutes: number;
  bufferAfterMinutes: number;
  /** A booking whose own time counts as free (when moving it). */
  excludeBookingId?: Types.ObjectId;
}

/** Every free start instant for a slot shape from `now` to the horizon (B2). */
export async function freeSlots(settings: BookingSettings, shape: SlotShape, now: number, within?: Interval): Promise<number[]> {
  const horizonEnd = DateTime.fromMillis(now, { zone: settings.zone })
    .startOf("day")
    .plus({ days: settings.rules.horizonDays + 2 })
    .toMillis();
  // Only the bookings that can touch the asked window are read: one day's worth for the time
  // picker instead of the whole horizon.
  const from = within ? Math.max(now, within.start) : now;
  const to = within ? Math.min(horizonEnd, within.end) : horizonEnd;
  const [schedule, busy] = await Promise.all([
    loadSchedule(new Date(now)),
    busyIntervals(from, to, shape.excludeBookingId),
  ]);
  return availableSlots({
    now,
    zone: settings.zone,
    ...schedule,
    busy,
    durationMinutes: shape.durationMinutes,
    bufferAfterMinutes: shape.bufferAfterMinutes,
    granularityMinutes: settings.rules.granularityMinutes,
    minNoticeMinutes: settings.rules.minNoticeMinutes,
    horizonDays: settings.rules.horizonDays,
  });
}

/** True when `start` is among the free slots; reads only the bookings around it. */
export async function isOffered(settings: BookingSettings, shape: SlotShape, start: number, now: number): Promise<boolean> {
  const within = { start: start - DAY, end: start + DAY };
  return (await freeSlots(settings, shape, now, within)).includes(start);
}

/**
 * What the customer is picking a time for: a new booking of a service, or a move of one of
 * their own bookings (which keeps its booked length).
 */
export type SlotQuery = { serviceId: string } | { telegramId: number; ref: string };

async function shapeOf(query: SlotQuery): Promise<SlotShape | undefined> {
  if ("serviceId" in query) return findActiveService(query.serviceId);
  const customer = await CustomerModel.findOne({ telegramId: query.telegramId }, { _id: 1 }).lean();
  if (!customer) return undefined;
  const booking = await BookingModel.findOne({ ref: query.ref, customerId: customer._id, status: "confirmed" }).lean();
  if (!booking) return undefined;
  return {
    durationMinutes: booking.service.durationMinutes,
    bufferAfterMinutes: (booking.bufferEnd.getTime() - booking.end.getTime()) / MINUTE,
    excludeBookingId: booking._id,
  };
}

/** Local dates (yyyy-mm-dd) that have at least one free slot. */
export async function availableDays(settings: BookingSettings, query: SlotQuery, now: number): Promise<string[]> {
  const shape = await shapeOf(query);
  if (!shape) return [];
  return [...groupSlotsByDay(await freeSlots(settings, shape, now), settings.zone).keys()];
}

/** Free start instants on one local date. */
export async function slotsOnDay(settings: BookingSettings, query: SlotQuery, day: string, now: number): Promise<number[]> {
  const shape = await shapeOf(query);
  if (!shape) return [];
  const dayStart = DateTime.fromISO(day, { zone: settings.zone });
  if (!dayStart.isValid) return [];
  // The day itself and the next one: a slot late in the day keeps its buffer clear of what follows.
  const within = { start: dayStart.toMillis(), end: dayStart.plus({ days: 2 }).toMillis() };
  return groupSlotsByDay(await freeSlots(settings, shape, now, within), settings.zone).get(day) ?? [];
}

/** When a booking's reminder is due, or undefined when it gets none (see .env.example). */
export function reminderDueAt(rules: BookingRules, start: number, now: number): Date | undefined {
  if (rules.reminderOffsetMinutes <= 0) return undefined;
  const due = start - rules.reminderOffsetMinutes * MINUTE;
  return due > now ? new Date(due) : undefined;
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

  if (!(await isOffered(settings, service, request.start, request.now))) return { ok: false, reason: "slot-taken" };

  const customerId = await saveBookingDetails(
    request.telegramId,
    request.details,
    { privacyAcknowledged: request.privacyAcknowledged, ...(request.marketing ? { marketing: request.marketing } : {}) },
    now,
  );

  const start = request.start;
  const end = start + service.durationMinutes * MINUTE;
  const bufferEnd = end + service.bufferAfterMinutes * MINUTE;
  const booking = await BookingModel.create({
    ref: newRef(),
    customerId,
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
    reminderDueAt: reminderDueAt(settings.rules, start, request.now),
  });
  if (!(await claimSlot(booking._id, start, bufferEnd))) {
    await BookingModel.deleteOne({ _id: booking._id });
    return { ok: false, reason: "slot-taken" };
  }
  await BookingModel.updateOne({ _id: booking._id }, { $set: { status: "confirmed" } });
  await recordAudit(customerId, CUSTOMER, "booking-created", now, { subjectId: booking._id });
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
      customerFirstName: request.details.firstName,
      customerLastName: request.details.lastName,
    },
  };
}
