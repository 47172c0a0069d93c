import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import { Types } from "mongoose";
import type { BookingRules, Language } from "../config.js";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel, type CustomerFields } from "../db/models/customer.js";
import { availableSlots, groupSlotsByDay, type Interval } from "../domain/availability.js";
import { PRIVACY_NOTICE_VERSION } from "../domain/versions.js";
import { findActiveService } from "./catalog.js";
import { AuditEntryModel } from "../db/models/audit.js";
import { CUSTOMER, recordAudit } from "./audit.js";
import { toBookingView, type BookingLean } from "./bookings.js";
import type { ConsentState } from "./consents.js";
import { saveBookingDetails, type BookingDetails } from "./customers.js";
import { claimSlot, releaseSlot } from "./claims.js";
import { loadCalendar } from "./calendar.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Where and how the practice books: its zone and rules. */
export interface BookingSettings {
  zone: string;
  rules: BookingRules;
}

/** A confirm request from the booking flow. */
export interface BookingRequest {
  /**
   * The new booking's id (24 hex digits), chosen before the confirm button was shown and kept
   * with the summary: the same summary confirmed again (a double tap, or a press repeated after a
   * crash) finds the booking it made instead of making a second one.
   */
  bookingId: string;
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
  /** The SEQUENCE its calendar file carries (bookings.icsSequence). */
  icsSequence: number;
}

export type BookingResult =
  | { ok: true; booking: BookingView }
  /** Lost to another booking: `taken` is the time it holds, to leave out of the times shown next. */
  | { ok: false; reason: "slot-taken"; taken: Interval[] }
  | { ok: false; reason: "service-unavailable" | "privacy-not-acknowledged" };

/** How long a slot must be: the treatment and the buffer after it. */
export interface SlotShape {
  durationMinutes: number;
  bufferAfterMinutes: number;
  /** A booking whose own time counts as free (when moving it). */
  excludeBookingId?: Types.ObjectId;
  /** Time taken that the calendar copy may not show yet (see SlotQuery). */
  alsoBusy?: Interval[];
}

/** Every free start instant for a slot shape from `now` to the horizon (B2). */
export async function freeSlots(settings: BookingSettings, shape: SlotShape, now: number, within?: Interval): Promise<number[]> {
  const horizonEnd = DateTime.fromMillis(now, { zone: settings.zone })
    .startOf("day")
    .plus({ days: settings.rules.horizonDays + 2 })
    .toMillis();
  // Only the bookings that can touch the asked window count: one day's worth for the time picker
  // (the slots outside the window are not used).
  const from = within ? Math.max(now, within.start) : now;
  const to = within ? Math.min(horizonEnd, within.end) : horizonEnd;
  const calendar = await loadCalendar(now);
  const exclude = shape.excludeBookingId?.toHexString();
  return availableSlots({
    now,
    zone: settings.zone,
    weeklyHours: calendar.weeklyHours,
    exceptions: calendar.exceptions,
    busy: [...calendar.busy.filter((b) => b.booking !== exclude), ...(shape.alsoBusy ?? [])].filter((b) => b.start < to && b.end > from),
    durationMinutes: shape.durationMinutes,
    bufferAfterMinutes: shape.bufferAfterMinutes,
    granularityMinutes: settings.rules.granularityMinutes,
    minNoticeMinutes: settings.rules.minNoticeMinutes,
    horizonDays: settings.rules.horizonDays,
  });
}

/** True when `start` is among the free slots; looks only at the bookings around it. */
export async function isOffered(settings: BookingSettings, shape: SlotShape, start: number, now: number): Promise<boolean> {
  const within = { start: start - DAY, end: start + DAY };
  return (await freeSlots(settings, shape, now, within)).includes(start);
}

/**
 * What the customer is picking a time for: a new booking of a service, or a move of one of
 * their own bookings (which keeps its booked length). `alsoBusy` is time known to be taken that
 * the calendar may not show yet (a booking that won a race and is being written).
 */
export type SlotQuery = ({ serviceId: string } | { telegramId: number; ref: string }) & { alsoBusy?: Interval[] };

async function shapeOf(query: SlotQuery): Promise<SlotShape | undefined> {
  if ("serviceId" in query) {
    const service = await findActiveService(query.serviceId);
    return service && { ...service, ...(query.alsoBusy ? { alsoBusy: query.alsoBusy } : {}) };
  }
  const customer = await CustomerModel.findOne({ telegramId: query.telegramId }, { _id: 1 }).lean();
  if (!customer) return undefined;
  const booking = await BookingModel.findOne({ ref: query.ref, customerId: customer._id, status: "confirmed" }).lean();
  if (!booking) return undefined;
  return {
    durationMinutes: booking.service.durationMinutes,
    bufferAfterMinutes: (booking.bufferEnd.getTime() - booking.end.getTime()) / MINUTE,
    excludeBookingId: booking._id,
    ...(query.alsoBusy ? { alsoBusy: query.alsoBusy } : {}),
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

/**
 * A new booking's or move's identity (an ObjectId's hex), chosen by a flow before it shows the
 * confirm button, so that confirming twice is recognised (bookAppointment, moveBooking).
 */
export function newIdentity(): string {
  return new Types.ObjectId().toHexString();
}

function newRef(): string {
  return randomBytes(9).toString("base64url");
}

/**
 * Books an appointment (B3, B4): re-checks that the time is still offered, claims it atomically
 * under the booking id the flow chose, and only then saves the customer's details and choices and
 * writes the booking. A lost race returns "slot-taken" having written nothing, so the many
 * customers who lose a popular time cost the database one failed insert each.
 *
 * Idempotent: confirming the same request again (same `bookingId`) returns the booking the first
 * confirm made, also when that process died before it could reply. If a process dies between the
 * claim and the booking, the claim has no booking: confirming again claims it afresh, and
 * otherwise the claim sweep frees it once its lease is over (repairClaims).
 */
export async function bookAppointment(settings: BookingSettings, request: BookingRequest): Promise<BookingResult> {
  if (!Types.ObjectId.isValid(request.bookingId)) return { ok: false, reason: "service-unavailable" };
  const bookingId = new Types.ObjectId(request.bookingId);
  const now = new Date(request.now);
  const customer = await CustomerModel.findOne({ telegramId: request.telegramId }).lean<CustomerFields & { _id: Types.ObjectId }>();
  const made = await BookingModel.findById(bookingId).lean<BookingLean>();
  if (made) {
    if (!customer || !made.customerId.equals(customer._id)) return { ok: false, reason: "service-unavailable" };
    // Made by an earlier press whose process may have died before the audit entry.
    if (!(await AuditEntryModel.exists({ subjectId: bookingId, action: "booking-created" }))) {
      await recordAudit(made.customerId, CUSTOMER, "booking-created", now, { subjectId: bookingId });
    }
    return { ok: true, booking: toBookingView(made, customer) };
  }

  const service = await findActiveService(request.serviceId);
  if (!service) return { ok: false, reason: "service-unavailable" };
  const alreadyAcknowledged = customer?.privacyNoticeVersion === PRIVACY_NOTICE_VERSION;
  if (!alreadyAcknowledged && !request.privacyAcknowledged) return { ok: false, reason: "privacy-not-acknowledged" };

  if (!(await isOffered(settings, service, request.start, request.now))) return { ok: false, reason: "slot-taken", taken: [] };

  const start = request.start;
  const end = start + service.durationMinutes * MINUTE;
  const bufferEnd = end + service.bufferAfterMinutes * MINUTE;
  const claim = await claimSlot(bookingId, start, bufferEnd, now);
  if (!claim.ok) return { ok: false, reason: "slot-taken", taken: claim.taken };

  let booking;
  try {
    const customerId = await saveBookingDetails(
      request.telegramId,
      request.details,
      { privacyAcknowledged: request.privacyAcknowledged, ...(request.marketing ? { marketing: request.marketing } : {}) },
      now,
      customer,
    );
    booking = await BookingModel.create({
      _id: bookingId,
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
      status: "confirmed",
      reminderDueAt: reminderDueAt(settings.rules, start, request.now),
    });
  } catch (error) {
    // Nothing was booked: give the time back at once rather than after the lease.
    await releaseSlot(bookingId).catch(() => undefined);
    throw error;
  }
  await recordAudit(booking.customerId, CUSTOMER, "booking-created", now, { subjectId: booking._id });
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
      icsSequence: booking.icsSequence ?? 0,
    },
  };
}
