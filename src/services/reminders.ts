import type { Types } from "mongoose";
import type { Projected } from "../db/models/projected.js";
import type { Language } from "../domain/enums.js";
import { BookingModel, type BookingFields } from "../db/models/booking.js";
import { CustomerModel, type CustomerFields } from "../db/models/customer.js";
import { bookingLock } from "./bookings.js";
import { releaseLease, tryLease, withLock } from "./locks.js";

/** A reminder this process has claimed and should send now. Plain data. */
export interface DueReminder {
  bookingId: string;
  /** The due time this reminder is for; a moved booking has a new one. */
  dueAt: number;
  /** When the claim (lease) was taken; giving it back or completing it needs it. */
  claimedAt: number;
  telegramId: number;
  language: Language;
  start: number;
  serviceName: Record<Language, string>;
}

/** How long a claim protects a reminder; after that another process may send it. */
export const REMINDER_LEASE_MS = 5 * 60_000;

const leaseKey = (bookingId: string, dueAt: number) => `reminder:${bookingId}:${dueAt}`;

type Candidate = Projected<BookingFields, "reminderDueAt">;

async function eligible(bookingId: Types.ObjectId, dueAt: number, now: number) {
  return BookingModel.findOne({
    _id: bookingId,
    status: "confirmed",
    reminderDueAt: new Date(dueAt),
    reminderSentAt: { $exists: false },
    start: { $gt: new Date(now) },
  }).lean();
}

/**
 * Claims reminders that are due (B8). Each claim is a lease taken by a unique insert, so of
 * several processes polling the same database exactly one gets it; the booking is read again
 * after claiming, so cancelled, started or moved bookings (a move changes the due time) are let go.
 */
export async function claimDueReminders(now: number, limit = 100): Promise<DueReminder[]> {
  const candidates = await BookingModel.find(
    {
      status: "confirmed",
      reminderDueAt: { $lte: new Date(now) },
      reminderSentAt: { $exists: false },
      start: { $gt: new Date(now) },
    },
    { _id: 1, reminderDueAt: 1 },
  )
    .sort({ reminderDueAt: 1 })
    .limit(limit)
    .lean<Candidate[]>();
  const claimed: DueReminder[] = [];
  for (const candidate of candidates) {
    if (!candidate.reminderDueAt) continue;
    const bookingId = candidate._id.toHexString();
    const dueAt = candidate.reminderDueAt.getTime();
    const lease = await tryLease(leaseKey(bookingId, dueAt), REMINDER_LEASE_MS);
    if (!lease) continue;
    const booking = await eligible(candidate._id, dueAt, now);
    const customer = booking
      ? await CustomerModel.findById(booking.customerId, { telegramId: 1, language: 1 }).lean<Projected<CustomerFields, "telegramId" | "language">>()
      : null;
    if (booking && customer && typeof customer.telegramId !== "number") {
      // A customer not on Telegram gets no reminder (linking Telegram sets their reminders anew):
      // the booking stops being due, so it is not looked at again every round.
      await withLock(bookingLock(bookingId), () =>
        BookingModel.updateOne({ _id: candidate._id, reminderDueAt: new Date(dueAt) }, { $unset: { reminderDueAt: 1 } }),
      );
    }
    if (!booking || !customer || typeof customer.telegramId !== "number") {
      await releaseLease(leaseKey(bookingId, dueAt), lease);
      continue;
    }
    claimed.push({
      bookingId,
      dueAt,
      claimedAt: lease.getTime(),
      telegramId: customer.telegramId,
      language: customer.language,
      start: booking.start.getTime(),
      serviceName: { fi: booking.service.name.fi, sv: booking.service.name.sv, en: booking.service.name.en },
    });
  }
  return claimed;
}

/**
 * Records that a claimed reminder was sent (or given up on: the customer blocked the bot). The
 * write happens under the booking's lock, like every change of a booking, and only if the
 * booking still has this reminder due.
 */
export async function markReminderSent(reminder: DueReminder, now: number): Promise<void> {
  await withLock(bookingLock(reminder.bookingId), async () => {
    await BookingModel.updateOne(
      { _id: reminder.bookingId, reminderDueAt: new Date(reminder.dueAt) },
      { $set: { reminderSentAt: new Date(now) } },
    );
  });
  await releaseLease(leaseKey(reminder.bookingId, reminder.dueAt), new Date(reminder.claimedAt));
}

/** Gives a claimed reminder back after a failed send, so the next round tries again. */
export async function releaseReminder(reminder: DueReminder): Promise<void> {
  await releaseLease(leaseKey(reminder.bookingId, reminder.dueAt), new Date(reminder.claimedAt));
}
