import type { Language } from "../config.js";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";

/** A reminder this process has claimed and should send now. Plain data. */
export interface DueReminder {
  bookingId: string;
  /** The claim's timestamp: marking the reminder sent needs it, so a stale claimer cannot. */
  claimedAt: number;
  telegramId: number;
  language: Language;
  start: number;
  serviceName: Record<Language, string>;
}

/** How long a claim protects a reminder; after that another process may send it. */
export const REMINDER_LEASE_MS = 5 * 60_000;

/**
 * Claims reminders that are due (B8). Each is claimed with one conditional update, so of several
 * processes polling the same database exactly one gets it. Reminders of bookings that were
 * cancelled, have started, or were moved (their due time changed) are not claimed.
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
    .lean();
  const claimed: DueReminder[] = [];
  for (const candidate of candidates) {
    const booking = await BookingModel.findOneAndUpdate(
      {
        _id: candidate._id,
        status: "confirmed",
        reminderDueAt: candidate.reminderDueAt,
        reminderSentAt: { $exists: false },
        start: { $gt: new Date(now) },
        $or: [{ reminderClaimedAt: { $exists: false } }, { reminderClaimedAt: { $lt: new Date(now - REMINDER_LEASE_MS) } }],
      },
      { $set: { reminderClaimedAt: new Date(now) } },
      { returnDocument: "after" },
    ).lean();
    if (!booking) continue;
    const customer = await CustomerModel.findById(booking.customerId, { telegramId: 1, language: 1 }).lean<{
      telegramId: number;
      language: Language;
    }>();
    if (!customer) continue;
    claimed.push({
      bookingId: booking._id.toHexString(),
      claimedAt: now,
      telegramId: customer.telegramId,
      language: customer.language,
      start: booking.start.getTime(),
      serviceName: { fi: booking.service.name.fi, sv: booking.service.name.sv, en: booking.service.name.en },
    });
  }
  return claimed;
}

/** Records that a claimed reminder was sent (or given up on: the customer blocked the bot). */
export async function markReminderSent(reminder: DueReminder, now: number): Promise<void> {
  await BookingModel.updateOne(
    { _id: reminder.bookingId, reminderClaimedAt: new Date(reminder.claimedAt) },
    { $set: { reminderSentAt: new Date(now) } },
  );
}

/** Gives a claimed reminder back after a failed send, so the next round tries again. */
export async function releaseReminder(reminder: DueReminder): Promise<void> {
  await BookingModel.updateOne(
    { _id: reminder.bookingId, reminderClaimedAt: new Date(reminder.claimedAt) },
    { $unset: { reminderClaimedAt: 1 } },
  );
}
