import { Types } from "mongoose";
import type { Projected } from "../db/models/projected.js";
import type { Language } from "../domain/enums.js";
import { BookingModel, type BookingFields } from "../db/models/booking.js";
import { CustomerModel, type CustomerFields } from "../db/models/customer.js";
import { recordAudit, type Actor } from "./audit.js";
import type { BookingView } from "./booking-view.js";
import { claimCells, claimCellsFor, releaseSlot } from "./claims.js";
import { SlotClaimModel } from "../db/models/slot-claim.js";
import type { Interval } from "../domain/availability.js";
import { isOffered, reminderDueAt, type BookingSettings } from "./slots.js";
import { markOffersTaken, recordFreedTime } from "./freed-time.js";
import { withLock } from "./locks.js";

/**
 * The state changes of a booking, whoever makes them: cancel, move, attendance (a new booking's
 * claim and write is `claimAndWrite` in booking.ts, shared by the customer's and the
 * practitioner's booking; a payment against a booking is payments.ts). Each use case (the
 * customer's /mybookings, the practitioner's commands, erasure) checks what only it needs, then
 * calls in here with its actor, so the lock, the claims, the calendar sequence and the audit
 * entry are the same for every actor.
 */

const MINUTE = 60_000;

export type BookingLean = BookingFields & { _id: Types.ObjectId };
type Names = Partial<Pick<CustomerFields, "firstName" | "lastName">>;

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

/** Why a change is refused: not theirs or unknown, no longer standing, too late. */
export type ChangeRefusal = "not-found" | "not-active" | "past-cutoff";

export type MoveResult =
  | { ok: true; before: BookingView; after: BookingView }
  /** Lost to another booking: `taken` is the time it holds (see BookingResult). */
  | { ok: false; reason: "slot-taken"; taken: Interval[] }
  | { ok: false; reason: ChangeRefusal };

type CustomerNames = Projected<CustomerFields, "firstName" | "lastName">;
/** A booking found for a change, with its customer's names. */
export type FoundBooking = { booking: BookingLean; customer: CustomerNames };

/**
 * Moves a booking to `newStart` (B7, A12) for whoever moves it, under the booking's lock: `load`
 * finds the booking (and refuses others' by finding none), `refuse` says why it may not move now.
 * The new time is claimed before the old one is released, so a failure at any point leaves the
 * original booking standing; a time overlapping the booking's own keeps the shared cells. The
 * reminder follows the booking: it is due again relative to the new time.
 *
 * Idempotent: `moveId` is the move's identity, chosen before its confirm button was shown; the
 * same move confirmed again (after a crash before the reply, say) returns what it did.
 */
export async function moveBookingTo(
  settings: BookingSettings,
  load: () => Promise<FoundBooking | undefined>,
  newStart: number,
  now: number,
  moveId: string,
  actor: Actor,
  refuse: (booking: BookingLean) => ChangeRefusal | undefined,
): Promise<MoveResult> {
  const found = await load();
  if (!found) return { ok: false, reason: "not-found" };
  // Looked for before taking the lock too: a process that died right after the move may still
  // hold it for its lease, and the move it made is already complete.
  const alreadyMoved = (own: FoundBooking): MoveResult | undefined => {
    const done = own.booking.lastMove;
    if (done?.moveId !== moveId || !done.fromStart || !done.fromEnd || own.booking.status !== "confirmed") return undefined;
    const earlier = { ...own.booking, start: done.fromStart, end: done.fromEnd };
    return { ok: true, before: toBookingView(earlier, own.customer), after: toBookingView(own.booking, own.customer) };
  };
  const repeated = alreadyMoved(found);
  if (repeated) return repeated;
  return withLock(bookingLock(found.booking._id), async (): Promise<MoveResult> => {
    const own = await load();
    if (!own) return { ok: false, reason: "not-found" };
    const { booking, customer } = own;
    const again = alreadyMoved(own);
    if (again) return again;
    const before = refuse(booking);
    if (before) return { ok: false, reason: before };

    const bufferMinutes = (booking.bufferEnd.getTime() - booking.end.getTime()) / MINUTE;
    const shape = { durationMinutes: booking.service.durationMinutes, bufferAfterMinutes: bufferMinutes, excludeBookingId: booking._id };
    if (!(await isOffered(settings, shape, newStart, now))) return { ok: false, reason: "slot-taken", taken: [] };

    const newEnd = newStart + booking.service.durationMinutes * MINUTE;
    const newBufferEnd = newEnd + bufferMinutes * MINUTE;
    const oldCells = claimCells(booking.start.getTime(), booking.bufferEnd.getTime());
    const newCells = claimCells(newStart, newBufferEnd);
    const oldTimes = new Set(oldCells.map((c) => c.getTime()));
    const newTimes = new Set(newCells.map((c) => c.getTime()));
    const toClaim = newCells.filter((c) => !oldTimes.has(c.getTime()));
    const toRelease = oldCells.filter((c) => !newTimes.has(c.getTime()));

    // Mark the move first, so a crash in between is repaired (repairClaims) and the new time
    // counts as busy for others while it is being claimed.
    await BookingModel.updateOne(
      { _id: booking._id },
      { $set: { moveTo: { start: new Date(newStart), bufferEnd: new Date(newBufferEnd), at: new Date(now) } } },
    );
    const claim = await claimCellsFor(booking._id, toClaim, new Date(now));
    if (!claim.ok) {
      await BookingModel.updateOne({ _id: booking._id }, { $unset: { moveTo: 1 } });
      return { ok: false, reason: "slot-taken", taken: claim.taken };
    }
    const due = reminderDueAt(settings.rules, newStart, now);
    await BookingModel.updateOne(
      { _id: booking._id },
      {
        $set: {
          start: new Date(newStart),
          end: new Date(newEnd),
          bufferEnd: new Date(newBufferEnd),
          lastMove: { moveId, fromStart: booking.start, fromEnd: booking.end },
          ...(due ? { reminderDueAt: due } : {}),
        },
        $unset: { moveTo: 1, reminderSentAt: 1, ...(due ? {} : { reminderDueAt: 1 }) },
        $inc: { icsSequence: 1 },
      },
    );
    if (toRelease.length > 0) await SlotClaimModel.deleteMany({ bookingId: booking._id, _id: { $in: toRelease } });
    // The old time, for the waitlist (W2); the part the new time still covers is not free, and the
    // offer job offers only what is free.
    if (toRelease.length > 0) await recordFreedTime(booking.start, booking.bufferEnd, new Date(now));
    // Others offered the new time from the waitlist are told it has gone (a courtesy, as for a new booking).
    await markOffersTaken(newStart, newBufferEnd, customer._id, new Date(now)).catch(() => undefined);
    await recordAudit(customer._id, actor, "booking-moved", new Date(now), { subjectId: booking._id });
    const after = { ...nextIcsSequence(booking), start: new Date(newStart), end: new Date(newEnd), bufferEnd: new Date(newBufferEnd) };
    return { ok: true, before: toBookingView(booking, customer), after: toBookingView(after, customer) };
  });
}

/** Marks a booking attended or no-show (a visit, A5), audit-logged as the actor's change. */
export async function markAttendance(bookingId: string, attendance: "attended" | "no-show", actor: Actor, now: Date): Promise<BookingView | undefined> {
  if (!Types.ObjectId.isValid(bookingId)) return undefined;
  const booking = await BookingModel.findById(bookingId).lean();
  if (!booking || booking.status !== "confirmed") return undefined;
  await withLock(bookingLock(bookingId), () => BookingModel.updateOne({ _id: booking._id, status: "confirmed" }, { $set: { attendance } }));
  await recordAudit(booking.customerId, actor, "change", now, { fields: ["attendance"], subjectId: booking._id });
  const customer = await CustomerModel.findById(booking.customerId, { firstName: 1, lastName: 1 }).lean();
  return toBookingView(booking, customer ?? {});
}
