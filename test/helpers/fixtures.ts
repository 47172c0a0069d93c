import { Types } from "mongoose";
import { DateTime } from "luxon";
import type { BookingSettings } from "../../src/services/slots.js";
import { bookAppointment } from "../../src/services/booking.js";
import { listActiveServices } from "../../src/services/catalog.js";
import { touchCustomer } from "../../src/services/customers.js";
import { updateLanguage } from "../../src/services/privacy.js";

export const ZONE = "Europe/Helsinki";

/** An instant from a Helsinki wall-clock time, e.g. at("2026-12-01T10:00"). */
export const at = (iso: string): number => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

export const HOUR = 3_600_000;

/** The default booking rules (12 h notice, 60 days, 24 h cutoff and reminder). */
export const SETTINGS: BookingSettings = {
  zone: ZONE,
  rules: {
    granularityMinutes: 15,
    minNoticeMinutes: 12 * 60,
    horizonDays: 60,
    cancellationCutoffMinutes: 24 * 60,
    reminderOffsetMinutes: 24 * 60,
  },
};

/** Creates a customer and books them a service of `minutes` at `start`, as seen at `now`. */
export async function bookFor(
  telegramId: number,
  minutes: number,
  start: number,
  now: number,
  settings: BookingSettings = SETTINGS,
) {
  await touchCustomer(telegramId, "fi", "fi", new Date(now));
  const service = (await listActiveServices()).find((s) => s.durationMinutes === minutes);
  if (!service) throw new Error(`no ${minutes}-minute service`);
  const result = await bookAppointment(settings, {
    bookingId: new Types.ObjectId().toHexString(),
    telegramId,
    serviceId: service.id,
    start,
    now,
    privacyAcknowledged: true,
    details: { firstName: "Testi", lastName: `Asiakas${telegramId}`, email: `a${telegramId}@example.com` },
  });
  if (!result.ok) throw new Error(`booking failed: ${result.reason}`);
  return result.booking;
}

/** A chat record as the bot leaves one (bot/update-guard.ts), for tests that need one stored. */
export function chatRecord(chatId: string, fields: { state?: string; updatedAt: Date }) {
  return { _id: chatId, customerId: new Types.ObjectId(), language: "fi" as const, recentUpdates: [1], seenAt: fields.updatedAt, ...fields };
}

/** Changes a person's stored language as /language does (customer record and chat record). */
export async function setLanguage(telegramId: number, language: "fi" | "sv" | "en"): Promise<void> {
  await updateLanguage(telegramId, language, new Date());
}
