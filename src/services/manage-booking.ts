import { Types } from "mongoose";
import type { Projected } from "../db/models/projected.js";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel, type CustomerFields } from "../db/models/customer.js";
import type { BookingView } from "./booking-view.js";
import type { BookingSettings } from "./slots.js";
import { CUSTOMER } from "./audit.js";
import { findCustomerByTelegram } from "./customers.js";
import {
  cancelBooking as cancel,
  moveBookingTo,
  toBookingView,
  type BookingLean,
  type Cancellation,
  type ChangeRefusal,
  type FoundBooking,
  type MoveResult,
} from "./bookings.js";

export type { ChangeRefusal, MoveResult } from "./bookings.js";

const MINUTE = 60_000;

export type ChangeCheck = { ok: true; booking: BookingView } | { ok: false; reason: ChangeRefusal };

type CustomerNames = Projected<CustomerFields, "firstName" | "lastName">;

/** The last instant at which the customer may still cancel or move a booking starting at `start`. */
export function changeDeadline(settings: BookingSettings, start: number): number {
  return start - settings.rules.cancellationCutoffMinutes * MINUTE;
}

/** A customer's confirmed bookings that have not yet started, soonest first (B6). */
export async function upcomingBookings(telegramId: number, now: number): Promise<BookingView[]> {
  const customer = await findCustomerByTelegram(telegramId, { _id: 1, firstName: 1, lastName: 1 });
  if (!customer) return [];
  const docs = await BookingModel.find({ customerId: customer._id, status: "confirmed", start: { $gt: new Date(now) } })
    .sort({ start: 1 })
    .lean();
  return docs.map((d) => toBookingView(d, customer));
}

async function ownBooking(telegramId: number, ref: string) {
  const customer = await findCustomerByTelegram(telegramId, { _id: 1, firstName: 1, lastName: 1 });
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
  return moveBookingTo(settings, () => ownBooking(telegramId, ref), newStart, now, moveId, CUSTOMER, (booking) => refusal(settings, booking, now));
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
  const load = async (): Promise<FoundBooking | undefined> => {
    const booking = await BookingModel.findById(bookingId).lean<BookingLean>();
    if (!booking) return undefined;
    const customer = await CustomerModel.findById(booking.customerId, { _id: 1, firstName: 1, lastName: 1 }).lean<CustomerNames>();
    return { booking, customer: customer ?? { _id: booking.customerId } };
  };
  const refuse = (booking: BookingLean): ChangeRefusal | undefined =>
    booking.status !== "confirmed" || booking.start.getTime() <= now ? "not-active" : undefined;
  return moveBookingTo(settings, load, newStart, now, moveId, { kind: "admin", telegramId: adminId }, refuse);
}
