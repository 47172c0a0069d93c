import { Types } from "mongoose";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { SlotClaimModel } from "../db/models/slot-claim.js";
import type { BookingView } from "./booking-view.js";
import { isOffered, reminderDueAt, type BookingSettings } from "./slots.js";
import { CUSTOMER, recordAudit, type Actor } from "./audit.js";
import { bookingLock, cancelBooking as cancel, nextIcsSequence, toBookingView, type BookingLean, type Cancellation } from "./bookings.js";
import { claimCells, claimCellsFor } from "./claims.js";
import type { Interval } from "../domain/availability.js";
import { withLock } from "./locks.js";
import { markOffersTaken, recordFreedTime } from "./freed-time.js";

const MINUTE = 60_000;

/** Why a customer cannot change a booking: not theirs or unknown, no longer standing, too late. */
export type ChangeRefusal = "not-found" | "not-active" | "past-cutoff";

export type ChangeCheck = { ok: true; booking: BookingView } | { ok: false; reason: ChangeRefusal };

type Names = { firstName?: string | null; lastName?: string | null };
type CustomerNames = Names & { _id: Types.ObjectId };

/** The last instant at which the customer may still cancel or move a booking starting at `start`. */
export function changeDeadline(settings: BookingSettings, start: number): number {
  return start - settings.rules.cancellationCutoffMinutes * MINUTE;
}

/** A customer's confirmed bookings that have not yet started, soonest first (B6). */
export async function upcomingBookings(telegramId: number, now: number): Promise<BookingView[]> {
  const customer = await CustomerModel.findOne({ telegramId }, { _id: 1, firstName: 1, lastName: 1 }).lean();
  if (!customer) return [];
  const docs = await BookingModel.find({ customerId: customer._id, status: "confirmed", start: { $gt: new Date(now) } })
    .sort({ start: 1 })
    .lean();
  return docs.map((d) => toBookingView(d, customer));
}

async function ownBooking(telegramId: number, ref: string) {
  const customer = await CustomerModel.findOne({ telegramId }, { _id: 1, firstName: 1, lastName: 1 }).lean();
  if (!customer) return undefined;
  const booking = await BookingModel.findOne({ ref, customerId: customer._id }).lean();
  return booking ? { customer, booking } : undefined;
}

function refusal(settings: BookingSettings, booking: BookingLean, now: number): ChangeRefusal | undefined {
  if (booking.status !== "confirmed" || booking.start.getTime() <= now) return "not-active";
  if (now > changeDeadline(settings, booking.start.getTime())) return "past-cutoff";
  return undefined;
}

/**
 * Whether the customer may cancel or move one of their bookings now. Someone else's reference
 * answers exactly like an unknown one.
 */
export async function checkChangeable(settings: BookingSettings, telegramId: number, ref: string, now: number): Promise<ChangeCheck> {
  const own = await ownBooking(telegramId, ref);
  if (!own) return { ok: false, reason: "not-found" };
  const reason = refusal(settings, own.booking, now);
  return reason ? { ok: false, reason } : { ok: true, booking: toBookingView(own.booking, own.customer) };
}

export type CancelResult = { ok: true; cancellation: Cancellation } | { ok: false; reason: ChangeRefusal };

/**
 * Cancels a customer's booking (B7) if it still stands and the cutoff has not passed, through
 * the one cancel every actor uses (bookings.ts): the cutoff is checked under the booking's lock.
 */
export async function cancelBooking(settings: BookingSettings, telegramId: number, ref: string, now: number): Promise<CancelResult> {
  const own = await ownBooking(telegramId, ref);
  if (!own) return { ok: false, reason: "not-found" };
  return cancel(own.booking._id, CUSTOMER, new Date(now), { refuse: (booking) => refusal(settings, booking, now) });
}

export type MoveResult =
  | { ok: true; before: BookingView; after: BookingView }
  /** Lost to another booking: `taken` is the time it holds (see BookingResult). */
  | { ok: false; reason: "slot-taken"; taken: Interval[] }
  | { ok: false; reason: ChangeRefusal };

type Found = { booking: BookingLean; customer: CustomerNames };

/**
 * Moves a customer's booking to `newStart` (B7), under the booking's lock. The new time is
 * claimed before the old one is released, so a failure at any point leaves the original booking
 * standing; a time overlapping the booking's own keeps the shared cells. The reminder follows the
 * booking: it is due again relative to the new time.
 *
 * Idempotent: `moveId` is the move's identity, chosen before its confirm button was shown; the
 * same move confirmed again (after a crash before the reply, say) returns what it did.
 */
export async function moveBooking(
  settings: BookingSettings,
  telegramId: number,
  ref: string,
  newStart: number,
  now: number,
  moveId: string,
): Promise<MoveResult> {
  return moveFound(settings, () => ownBooking(telegramId, ref), newStart, now, moveId, CUSTOMER, (booking) => refusal(settings, booking, now));
}

/**
 * Moves any standing booking on the practitioner's side (A12): the same claim, lock, reminder
 * and idempotence as the customer's move, audit-logged as the admin's, without the customer's
 * cutoff (she may move a booking up to its start).
 */
export async function moveBookingByAdmin(
  settings: BookingSettings,
  adminId: number,
  bookingId: string,
  newStart: number,
  now: number,
  moveId: string,
): Promise<MoveResult> {
  if (!Types.ObjectId.isValid(bookingId)) return { ok: false, reason: "not-found" };
  const load = async (): Promise<Found | undefined> => {
    const booking = await BookingModel.findById(bookingId).lean<BookingLean>();
    if (!booking) return undefined;
    const customer = await CustomerModel.findById(booking.customerId, { _id: 1, firstName: 1, lastName: 1 }).lean<CustomerNames>();
    return { booking, customer: customer ?? { _id: booking.customerId } };
  };
  const refuse = (booking: BookingLean): ChangeRefusal | undefined =>
    booking.status !== "confirmed" || booking.start.getTime() <= now ? "not-active" : undefined;
  return moveFound(settings, load, newStart, now, moveId, { kind: "admin", telegramId: adminId }, refuse);
}

/** The move itself, for whoever moves: `load` finds the booking (and refuses others' by finding none). */
async function moveFound(
  settings: BookingSettings,
  load: () => Promise<Found | undefined>,
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
  const alreadyMoved = (own: Found): MoveResult | undefined => {
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
