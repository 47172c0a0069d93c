import type { Types } from "mongoose";
import { BookingModel, type BookingFields } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { SlotClaimModel } from "../db/models/slot-claim.js";
import type { BookingView } from "./booking-view.js";
import { isOffered, reminderDueAt, type BookingSettings } from "./slots.js";
import { CUSTOMER, recordAudit } from "./audit.js";
import { claimCells, claimCellsFor, releaseSlot } from "./claims.js";
import type { Interval } from "../domain/availability.js";
import { withLock } from "./locks.js";

const MINUTE = 60_000;

/** Why a customer cannot change a booking: not theirs or unknown, no longer standing, too late. */
export type ChangeRefusal = "not-found" | "not-active" | "past-cutoff";

export type ChangeCheck = { ok: true; booking: BookingView } | { ok: false; reason: ChangeRefusal };

export type BookingLean = BookingFields & { _id: Types.ObjectId };
type Names = { firstName?: string | null; lastName?: string | null };
type CustomerNames = Names & { _id: Types.ObjectId };

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

/** The last instant at which the customer may still cancel or move a booking starting at `start`. */
export function changeDeadline(settings: BookingSettings, start: number): number {
  return start - settings.rules.cancellationCutoffMinutes * MINUTE;
}

/** A customer's confirmed bookings that have not yet started, soonest first (B6). */
export async function upcomingBookings(telegramId: number, now: number): Promise<BookingView[]> {
  const customer = await CustomerModel.findOne({ telegramId }, { _id: 1, firstName: 1, lastName: 1 }).lean<CustomerNames>();
  if (!customer) return [];
  const docs = await BookingModel.find({ customerId: customer._id, status: "confirmed", start: { $gt: new Date(now) } })
    .sort({ start: 1 })
    .lean<BookingLean[]>();
  return docs.map((d) => toBookingView(d, customer));
}

async function ownBooking(telegramId: number, ref: string) {
  const customer = await CustomerModel.findOne({ telegramId }, { _id: 1, firstName: 1, lastName: 1 }).lean<CustomerNames>();
  if (!customer) return undefined;
  const booking = await BookingModel.findOne({ ref, customerId: customer._id }).lean<BookingLean>();
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

/**
 * Cancels a customer's booking (B7) if it still stands and the cutoff has not passed. It runs
 * under the booking's lock, so a double tap or a second process cancels once; the time is
 * bookable again as soon as it returns.
 */
export async function cancelBooking(settings: BookingSettings, telegramId: number, ref: string, now: number): Promise<ChangeCheck> {
  const found = await ownBooking(telegramId, ref);
  if (!found) return { ok: false, reason: "not-found" };
  return withLock(`booking:${found.booking._id.toHexString()}`, async () => {
    // Read again under the lock: a cancel or move that held it before us may have changed it.
    const own = await ownBooking(telegramId, ref);
    if (!own) return { ok: false, reason: "not-found" };
    const reason = refusal(settings, own.booking, now);
    if (reason) return { ok: false, reason };
    await BookingModel.updateOne(
      { _id: own.booking._id },
      { $set: { status: "cancelled", cancelledAt: new Date(now), cancelledBy: "customer" }, $inc: { icsSequence: 1 } },
    );
    await releaseSlot(own.booking._id);
    await recordAudit(own.customer._id, CUSTOMER, "booking-cancelled", new Date(now), { subjectId: own.booking._id });
    return { ok: true, booking: toBookingView(nextIcsSequence(own.booking), own.customer) };
  });
}

export type MoveResult =
  | { ok: true; before: BookingView; after: BookingView }
  /** Lost to another booking: `taken` is the time it holds (see BookingResult). */
  | { ok: false; reason: "slot-taken"; taken: Interval[] }
  | { ok: false; reason: ChangeRefusal };

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
  const found = await ownBooking(telegramId, ref);
  if (!found) return { ok: false, reason: "not-found" };
  return withLock(`booking:${found.booking._id.toHexString()}`, async (): Promise<MoveResult> => {
    const own = await ownBooking(telegramId, ref);
    if (!own) return { ok: false, reason: "not-found" };
    const { booking, customer } = own;
    const done = booking.lastMove;
    if (done?.moveId === moveId && done.fromStart && done.fromEnd && booking.status === "confirmed") {
      const earlier = { ...booking, start: done.fromStart, end: done.fromEnd };
      return { ok: true, before: toBookingView(earlier, customer), after: toBookingView(booking, customer) };
    }
    const before = refusal(settings, booking, now);
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
    await recordAudit(customer._id, CUSTOMER, "booking-moved", new Date(now), { subjectId: booking._id });
    const after = { ...nextIcsSequence(booking), start: new Date(newStart), end: new Date(newEnd), bufferEnd: new Date(newBufferEnd) };
    return { ok: true, before: toBookingView(booking, customer), after: toBookingView(after, customer) };
  });
}
