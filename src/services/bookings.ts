import type { Types } from "mongoose";
import type { Language } from "../domain/enums.js";
import { BookingModel, type BookingFields } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { recordAudit, type Actor } from "./audit.js";
import type { BookingView } from "./booking-view.js";
import { releaseSlot } from "./claims.js";
import { recordFreedTime } from "./freed-time.js";
import { withLock } from "./locks.js";

/**
 * The state changes of a booking, whoever makes them. Each use case (the customer's /mybookings,
 * the practitioner's commands, erasure) checks what only it needs, then calls in here, so the
 * lock, the claims, the calendar sequence and the audit entry are the same for every actor.
 */

export type BookingLean = BookingFields & { _id: Types.ObjectId };
type Names = { firstName?: string | null; lastName?: string | null };

/**
 * Who changes a booking: the customer, a practitioner, the system, or an erasure (on behalf of
 * whoever erased: the customer's /deleteme, or the system's retention job). The audit entry names
 * the one who acted, which for an erasure is `by`.
 */
export type BookingActor = Actor | { kind: "erasure"; by: Actor };

/** The actor an audit entry names. */
export function auditActor(actor: BookingActor): Actor {
  return actor.kind === "erasure" ? actor.by : actor;
}

/** A stored booking as people are shown it (plain data). */
export function toBookingView(d: BookingLean, customer: Names): BookingView {
  return {
    id: d._id.toHexString(),
    ref: d.ref,
    start: d.start.getTime(),
    end: d.end.getTime(),
    serviceName: { fi: d.service.name.fi, sv: d.service.name.sv, en: d.service.name.en },
    durationMinutes: d.service.durationMinutes,
    priceCents: d.service.priceCents,
    customerFirstName: customer.firstName ?? "",
    customerLastName: customer.lastName ?? "",
    // Bookings made before the counter existed have none: their files carried no SEQUENCE, i.e. 0.
    icsSequence: d.icsSequence ?? 0,
  };
}

/**
 * The booking as it is after a change that incremented its `icsSequence` in the database (a
 * move or cancel, under the booking's lock, so the read-then-increment is not raced).
 */
export function nextIcsSequence(d: BookingLean): BookingLean {
  return { ...d, icsSequence: (d.icsSequence ?? 0) + 1 };
}

/** The lock every change of one booking runs under (see docs/architecture.md, "Locks"). */
export function bookingLock(bookingId: Types.ObjectId | string): string {
  return `booking:${typeof bookingId === "string" ? bookingId : bookingId.toHexString()}`;
}

/** A cancellation that happened: what the bot needs to tell the practitioner and the customer. */
export interface Cancellation {
  /** The booking as cancelled (its calendar file carries the incremented sequence). */
  booking: BookingView;
  actor: BookingActor;
  /** The practitioner's reason, told to the customer. */
  reason?: string;
  /** Where the customer can be told; absent for an erasure (nobody is left to tell) or a customer who is gone. */
  customerTelegramId?: number;
  customerLanguage?: Language;
}

export type CancelOutcome<R extends string> = { ok: true; cancellation: Cancellation } | { ok: false; reason: "not-active" | R };

/**
 * Cancels a booking (B7, A2, P7) for any actor: under the booking's lock it re-reads the booking,
 * refuses one no longer confirmed (or one `refuse` objects to: the customer's cutoff, say), sets
 * it cancelled and increments its calendar sequence in one update, frees its time, and writes one
 * audit entry. A double tap or a second process cancels once. A process that dies after the
 * update leaves cells that repairClaims frees; the time is bookable again once this returns.
 */
export async function cancelBooking<R extends string = never>(
  bookingId: Types.ObjectId,
  actor: BookingActor,
  now: Date,
  options: { reason?: string; refuse?: (booking: BookingLean) => R | undefined } = {},
): Promise<CancelOutcome<R>> {
  return withLock(bookingLock(bookingId), async (): Promise<CancelOutcome<R>> => {
    const booking = await BookingModel.findById(bookingId).lean();
    if (!booking || booking.status !== "confirmed") return { ok: false, reason: "not-active" };
    const refused = options.refuse?.(booking);
    if (refused) return { ok: false, reason: refused };
    const by = auditActor(actor);
    const reason = options.reason?.slice(0, 500);
    await BookingModel.updateOne(
      { _id: booking._id },
      {
        $set: { status: "cancelled", cancelledAt: now, cancelledBy: by.kind, ...(reason ? { cancelReason: reason } : {}) },
        $inc: { icsSequence: 1 },
      },
    );
    await releaseSlot(booking._id);
    // For the waitlist: someone waiting may want this time (W2).
    await recordFreedTime(booking.start, booking.bufferEnd, now);
    await recordAudit(booking.customerId, by, "booking-cancelled", now, { subjectId: booking._id });
    const customer = await CustomerModel.findById(booking.customerId, { firstName: 1, lastName: 1, telegramId: 1, language: 1 }).lean();
    // Nobody is left to tell after an erasure; a customer not on Telegram is told by the practice itself.
    const chat = actor.kind !== "erasure" && typeof customer?.telegramId === "number" ? customer.telegramId : undefined;
    return {
      ok: true,
      cancellation: {
        booking: toBookingView(nextIcsSequence(booking), customer ?? {}),
        actor,
        ...(reason ? { reason } : {}),
        ...(customer && chat !== undefined ? { customerTelegramId: chat, customerLanguage: customer.language } : {}),
      },
    };
  });
}
