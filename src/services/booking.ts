import { randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { BookingModel } from "../db/models/booking.js";
import type { CustomerFields } from "../db/models/customer.js";
import { isDuplicateKey } from "../db/errors.js";
import type { Interval } from "../domain/availability.js";
import { PRIVACY_NOTICE_VERSION } from "../domain/versions.js";
import { loadCalendar } from "./calendar.js";
import { findActiveService, type ServiceView } from "./catalog.js";
import { AuditEntryModel } from "../db/models/audit.js";
import { CUSTOMER, recordAudit, recordAudits, type Actor, type AuditInput } from "./audit.js";
import type { BookingView } from "./booking-view.js";
import { toBookingView } from "./bookings.js";
import { isOffered, reminderDueAt, type BookingSettings } from "./slots.js";
import type { ConsentState } from "./consents.js";
import { findCustomerByTelegram, saveBookingDetails, type BookingDetails } from "./customers.js";
import { claimSlot, releaseSlot } from "./claims.js";
import { markOffersTaken } from "./freed-time.js";
import type { BookingLean } from "./bookings.js";

const MINUTE = 60_000;

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

export type BookingResult =
  | { ok: true; booking: BookingView }
  /** Lost to another booking: `taken` is the time it holds, to leave out of the times shown next. */
  | { ok: false; reason: "slot-taken"; taken: Interval[] }
  | { ok: false; reason: "service-unavailable" | "privacy-not-acknowledged" };

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
  const calendar = await loadCalendar(request.now);
  const service = await findActiveService(request.serviceId, calendar);
  const customer = await findCustomerByTelegram(request.telegramId);
  if (!service || !(await isOffered(settings, service, request.start, request.now, calendar))) {
    // Not bookable now; perhaps because this very request booked it (a double tap, or a press
    // repeated after a crash): then that booking is the answer.
    const made = await madeBefore(bookingId, customer, now);
    if (made) return made;
    return service ? { ok: false, reason: "slot-taken", taken: [] } : { ok: false, reason: "service-unavailable" };
  }
  const alreadyAcknowledged = customer?.privacyNoticeVersion === PRIVACY_NOTICE_VERSION;
  if (!alreadyAcknowledged && !request.privacyAcknowledged) return { ok: false, reason: "privacy-not-acknowledged" };

  // The details' audit entries go in with the booking's own (claimAndWrite): one command for both.
  const audits: AuditInput[] = [];
  let written;
  try {
    written = await claimAndWrite(
      { bookingId, service, start: request.start, now, reminderDueAt: reminderDueAt(settings.rules, request.start, request.now), actor: CUSTOMER, audits },
      () =>
        saveBookingDetails(
          request.telegramId,
          request.details,
          { privacyAcknowledged: request.privacyAcknowledged, ...(request.marketing ? { marketing: request.marketing } : {}) },
          now,
          customer,
          audits,
        ),
    );
  } catch (error) {
    // The booking exists: an earlier press made it, and this process's calendar copy did not show
    // it yet (that process died before marking the calendar changed).
    const made = isDuplicateKey(error) ? await madeBefore(bookingId, customer, now) : undefined;
    if (made) return made;
    throw error;
  }
  if (!written.ok) return (await madeBefore(bookingId, customer, now)) ?? { ok: false, reason: "slot-taken", taken: written.taken };
  return { ok: true, booking: toBookingView(written.booking, request.details) };
}

/** The booking `bookingId` made by an earlier confirm of the same request, if there is one, as its answer. */
async function madeBefore(bookingId: Types.ObjectId, customer: (CustomerFields & { _id: Types.ObjectId }) | null, now: Date): Promise<BookingResult | undefined> {
  const made = await BookingModel.findById(bookingId).lean();
  if (!made) return undefined;
  if (!customer || !made.customerId.equals(customer._id)) return { ok: false, reason: "service-unavailable" };
  // Made by an earlier press whose process may have died before the audit entry.
  if (!(await AuditEntryModel.exists({ subjectId: bookingId, action: "booking-created" }))) {
    await recordAudit(made.customerId, CUSTOMER, "booking-created", now, { subjectId: bookingId });
  }
  return { ok: true, booking: toBookingView(made, customer) };
}

/** A new booking whose time was checked: what claimAndWrite needs. */
export interface NewBooking {
  bookingId: Types.ObjectId;
  service: ServiceView;
  start: number;
  now: Date;
  /** When its reminder is due; none for a customer who cannot get one. */
  reminderDueAt: Date | undefined;
  /** Who books: the booking's audit entry names them. */
  actor: Actor;
  /**
   * Audit entries owed besides the booking's own, which `customerOf` adds to (the customer's
   * details it saved): appended with the booking's entry in one command, or alone when the
   * booking is not written after all.
   */
  audits?: AuditInput[];
}

/**
 * Claims a new booking's time (treatment and buffer) atomically under its id (claims.ts), then
 * learns whose booking it is from `customerOf` (the chat saves the details typed in the flow
 * there; the practitioner names an existing customer) and writes the booking, `confirmed`. A lost
 * claim returns the time the winner holds, having written nothing; an error after the claim
 * frees the time at once. The customer's and the practitioner's bookings both come through here,
 * so neither can book over the other.
 */
export async function claimAndWrite(
  request: NewBooking,
  customerOf: () => Promise<Types.ObjectId>,
): Promise<{ ok: true; booking: BookingLean } | { ok: false; taken: Interval[] }> {
  const { bookingId, service, start, now } = request;
  const end = start + service.durationMinutes * MINUTE;
  const bufferEnd = end + service.bufferAfterMinutes * MINUTE;
  const claim = await claimSlot(bookingId, start, bufferEnd, now);
  if (!claim.ok) return { ok: false, taken: claim.taken };
  let booking;
  try {
    const customerId = await customerOf();
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
      ...(request.reminderDueAt ? { reminderDueAt: request.reminderDueAt } : {}),
    });
  } catch (error) {
    // The details saved before the failure still owe their entries (the error that stopped the
    // booking is the one to report, should these fail too).
    await recordAudits(request.audits ?? []).catch(() => undefined);
    // Nothing was booked: give the time back at once rather than after the lease. (A booking
    // already stored under this id, made by an earlier press, keeps its claim.)
    if (!(isDuplicateKey(error) && (await BookingModel.exists({ _id: bookingId })))) await releaseSlot(bookingId).catch(() => undefined);
    throw error;
  }
  // Straight after the booking, so that a process dying in between loses as little as can be: a
  // confirm pressed again then finds the booking and adds its entry (madeBefore), not the details'.
  await recordAudits([
    ...(request.audits ?? []),
    { customerId: booking.customerId, actor: request.actor, action: "booking-created", at: now, extra: { subjectId: booking._id } },
  ]);
  // Others offered this time from the waitlist are told it has gone (W2). Only a courtesy: the
  // booking stands if it fails, and an offer pressed later is checked against the calendar anyway.
  await markOffersTaken(start, bufferEnd, booking.customerId, now).catch(() => undefined);
  return { ok: true, booking: booking.toObject<BookingLean>() };
}
