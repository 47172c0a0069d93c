import { DateTime } from "luxon";
import { Types } from "mongoose";
import { AuditEntryModel } from "../db/models/audit.js";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { availableSlots, groupSlotsByDay, type Interval } from "../domain/availability.js";
import type { Language } from "../domain/enums.js";
import { recordAudit } from "./audit.js";
import { claimAndWrite } from "./booking.js";
import type { BookingView } from "./booking-view.js";
import { toBookingView, type BookingLean } from "./bookings.js";
import { loadCalendar } from "./calendar.js";
import { findActiveService } from "./catalog.js";
import { withLock } from "./locks.js";
import { freeSlots, reminderDueAt, type BookingSettings } from "./slots.js";

/*
 * The practitioner books on behalf of a customer (A10): a phone or walk-in customer, or any other.
 * The same claim as the customers' own bookings (booking.ts, claimAndWrite), so neither can book
 * over the other; the minimum notice and the booking horizon are the customers' rules and do not
 * bind her; the opening hours do, unless she books outside them on purpose.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far ahead the practitioner's day picker offers days (she may book a regular months ahead). */
export const PRACTITIONER_HORIZON_DAYS = 365;

/** The customers' rules without the minimum notice, and with a horizon reaching `until`. */
function practitionerSettings(settings: BookingSettings, now: number, until?: number): BookingSettings {
  const needed = until === undefined ? 0 : Math.ceil((until - now) / DAY) + 1;
  return { zone: settings.zone, rules: { ...settings.rules, minNoticeMinutes: 0, horizonDays: Math.max(PRACTITIONER_HORIZON_DAYS, needed) } };
}

/**
 * The service as a slot shape, with time lost to another booking in this visit (`alsoBusy`: the
 * winner's claim, which the calendar copy may not show yet) counted as taken.
 */
async function shapeOf(serviceId: string, alsoBusy?: Interval[]) {
  const service = await findActiveService(serviceId);
  return service && { ...service, ...(alsoBusy && alsoBusy.length > 0 ? { alsoBusy } : {}) };
}

/** Local dates (yyyy-mm-dd) with a free time for the service, for the practitioner's day picker. */
export async function practitionerAvailableDays(settings: BookingSettings, serviceId: string, now: number, alsoBusy?: Interval[]): Promise<string[]> {
  const service = await shapeOf(serviceId, alsoBusy);
  if (!service) return [];
  return [...groupSlotsByDay(await freeSlots(practitionerSettings(settings, now), service, now, { firstPerDay: true }), settings.zone).keys()];
}

/** Free start times on one local date, for the practitioner's time picker (from now on, on the slot grid). */
export async function practitionerSlotsOnDay(settings: BookingSettings, serviceId: string, day: string, now: number, alsoBusy?: Interval[]): Promise<number[]> {
  const service = await shapeOf(serviceId, alsoBusy);
  if (!service) return [];
  const dayStart = DateTime.fromISO(day, { zone: settings.zone });
  if (!dayStart.isValid) return [];
  // The day itself and the next one: a slot late in the day keeps its buffer clear of what follows.
  const within = { start: dayStart.toMillis(), end: dayStart.plus({ days: 2 }).toMillis() };
  const practice = practitionerSettings(settings, now, within.end);
  return groupSlotsByDay(await freeSlots(practice, service, now, { within }), settings.zone).get(day) ?? [];
}

/**
 * Whether [start, start + duration) lies within the opening hours (weekly hours and exceptions),
 * from now on, starting on the five-minute grid the claims use: bookings are left out, since the
 * claim decides those.
 */
async function withinHours(settings: BookingSettings, durationMinutes: number, start: number, now: number): Promise<boolean> {
  const calendar = await loadCalendar(now);
  const practice = practitionerSettings(settings, now, start);
  return availableSlots({
    now,
    zone: settings.zone,
    weeklyHours: calendar.weeklyHours,
    exceptions: calendar.exceptions,
    busy: [],
    durationMinutes,
    bufferAfterMinutes: 0,
    granularityMinutes: 5,
    minNoticeMinutes: 0,
    horizonDays: practice.rules.horizonDays,
  }).includes(start);
}

/** A booking the practitioner confirms for a customer. */
export interface OnBehalfRequest {
  /** The new booking's id (24 hex digits), fixed before the confirm button was shown: confirming twice books once. */
  bookingId: string;
  customerId: string;
  serviceId: string;
  start: number;
  /** The practitioner (Telegram id): the audit log names her as the one who booked. */
  adminId: number;
  /** Book outside the opening hours (she said so explicitly); bookings are never overlapped either way. */
  outsideHours?: boolean;
  now: number;
}

/** Who the booking is for, and whether they can be told in Telegram. Plain data. */
export interface BookedCustomer {
  customerId: string;
  /** Absent when the customer is not linked to Telegram: the practice tells them itself. */
  telegramId?: number;
  language: Language;
}

export type OnBehalfResult =
  /** `repeated`: this id was booked by an earlier confirm, whose customer was told then. */
  | { ok: true; booking: BookingView; customer: BookedCustomer; repeated?: true }
  /** Taken by another booking (a customer's or her own): `taken` is the time it holds. */
  | { ok: false; reason: "slot-taken"; taken: Interval[] }
  | { ok: false; reason: "outside-hours" | "service-unavailable" | "customer-not-found" | "invalid-time" };

/**
 * Books a service for a customer on the practitioner's behalf (A10). The time must be free
 * (the same atomic claim as every booking) and, unless `outsideHours`, within the opening hours
 * and not past; no minimum notice, no horizon. The customer gets a reminder only when linked to
 * Telegram (linking later sets it). Audit-logged as booked by the practitioner. Idempotent like
 * the customers' confirm: the same `bookingId` again returns the booking it made (`repeated`).
 * The Mini App's confirm can arrive twice at once (a double tap, a retried request), so the
 * attempt runs under the booking's lock: the second waits and finds the booking made.
 */
export async function bookOnBehalf(settings: BookingSettings, request: OnBehalfRequest): Promise<OnBehalfResult> {
  if (!Types.ObjectId.isValid(request.bookingId) || !Types.ObjectId.isValid(request.customerId)) return { ok: false, reason: "customer-not-found" };
  return withLock(`booking:${new Types.ObjectId(request.bookingId).toHexString()}`, () => bookOnBehalfOnce(settings, request));
}

async function bookOnBehalfOnce(settings: BookingSettings, request: OnBehalfRequest): Promise<OnBehalfResult> {
  const bookingId = new Types.ObjectId(request.bookingId);
  const now = new Date(request.now);
  const customer = await CustomerModel.findById(request.customerId).lean();
  if (!customer) return { ok: false, reason: "customer-not-found" };
  const booked: BookedCustomer = {
    customerId: customer._id.toHexString(),
    ...(typeof customer.telegramId === "number" ? { telegramId: customer.telegramId } : {}),
    language: customer.language,
  };
  const made = await BookingModel.findById(bookingId).lean<BookingLean>();
  if (made) {
    if (!made.customerId.equals(customer._id)) return { ok: false, reason: "service-unavailable" };
    if (!(await AuditEntryModel.exists({ subjectId: bookingId, action: "booking-created" }))) {
      await recordAudit(made.customerId, { kind: "admin", telegramId: request.adminId }, "booking-created", now, { subjectId: bookingId });
    }
    return { ok: true, booking: toBookingView(made, customer), customer: booked, repeated: true };
  }

  const service = await findActiveService(request.serviceId);
  if (!service) return { ok: false, reason: "service-unavailable" };
  if (!Number.isSafeInteger(request.start) || request.start % (5 * MINUTE) !== 0) return { ok: false, reason: "invalid-time" };
  if (!request.outsideHours && !(await withinHours(settings, service.durationMinutes, request.start, request.now))) {
    return { ok: false, reason: "outside-hours" };
  }
  const written = await claimAndWrite(
    {
      bookingId,
      service,
      start: request.start,
      now,
      reminderDueAt: booked.telegramId === undefined ? undefined : reminderDueAt(settings.rules, request.start, request.now),
      actor: { kind: "admin", telegramId: request.adminId },
    },
    () => Promise.resolve(customer._id),
  );
  if (!written.ok) return { ok: false, reason: "slot-taken", taken: written.taken };
  return { ok: true, booking: toBookingView(written.booking, customer), customer: booked };
}
