import { DateTime } from "luxon";
import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { bumpCalendarVersion } from "../../src/db/models/calendar-version.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { ScheduleExceptionModel } from "../../src/db/models/schedule.js";
import { listActiveServices } from "../../src/services/catalog.js";
import { freeSlots, type BookingSettings } from "../../src/services/booking.js";
import { seedDefaults } from "../../src/services/seed.js";
import { useTestDatabase } from "../helpers/db.js";

useTestDatabase();

const zone = "Europe/Helsinki";
const settings: BookingSettings = {
  zone,
  rules: { granularityMinutes: 15, minNoticeMinutes: 12 * 60, horizonDays: 60, cancellationCutoffMinutes: 24 * 60, reminderOffsetMinutes: 24 * 60 },
};
const now = DateTime.fromISO("2026-11-30T08:00", { zone }).toMillis();
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

/** The database operations `fn` makes, as "collection.method" (Mongoose's debug hook). */
async function operationsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const names: string[] = [];
  mongoose.set("debug", (collection: string, method: string) => names.push(`${collection}.${method}`));
  try {
    await fn();
  } finally {
    mongoose.set("debug", false);
  }
  return names;
}

function bookingAt(start: number, customerId: mongoose.Types.ObjectId) {
  return {
    ref: `r${start}`, customerId, serviceId: customerId,
    service: { name: { fi: "x", sv: "x", en: "x" }, durationMinutes: 60, priceCents: 0, vatTreatment: "exempt" as const, vatRatePercent: 0 },
    start: new Date(start), end: new Date(start + 3_600_000), bufferEnd: new Date(start + 4_500_000), status: "confirmed" as const,
  };
}

describe("free times from the process's copy of the calendar", () => {
  it("asks the database only for the version stamp while nothing changed", async () => {
    await seedDefaults();
    const s60 = (await listActiveServices()).find((s) => s.durationMinutes === 60)!;
    const first = await freeSlots(settings, s60, now);
    const commands = await operationsOf(() => freeSlots(settings, s60, now));
    expect(commands).toEqual(["calendar_versions.findOne"]);
    expect(await freeSlots(settings, s60, now)).toEqual(first);
  });

  it("sees a booking, a cancellation and a day off at once, made through the models", async () => {
    await seedDefaults();
    const s60 = (await listActiveServices()).find((s) => s.durationMinutes === 60)!;
    const customer = await CustomerModel.create({ telegramId: 1, language: "fi", lastSeenAt: new Date(now) });
    const ten = at("2026-12-01T10:00");
    expect(await freeSlots(settings, s60, now)).toContain(ten);

    const booking = await BookingModel.create(bookingAt(ten, customer._id));
    expect(await freeSlots(settings, s60, now)).not.toContain(ten);

    await BookingModel.updateOne({ _id: booking._id }, { $set: { status: "cancelled" } });
    expect(await freeSlots(settings, s60, now)).toContain(ten);

    await ScheduleExceptionModel.create({ kind: "closed", start: new Date(at("2026-12-01T00:00")), end: new Date(at("2026-12-02T00:00")) });
    expect((await freeSlots(settings, s60, now)).some((t) => t >= at("2026-12-01T00:00") && t < at("2026-12-02T00:00"))).toBe(false);
  });

  it("sees another process's booking as soon as that process has bumped the stamp", async () => {
    await seedDefaults();
    const s60 = (await listActiveServices()).find((s) => s.durationMinutes === 60)!;
    const customer = await CustomerModel.create({ telegramId: 1, language: "fi", lastSeenAt: new Date(now) });
    const ten = at("2026-12-01T10:00");
    expect(await freeSlots(settings, s60, now)).toContain(ten);
    // The other process's write, as this one's models cannot see it happen…
    await BookingModel.collection.insertOne(bookingAt(ten, customer._id));
    // …and the bump its own models' hook makes right after.
    await bumpCalendarVersion();
    expect(await freeSlots(settings, s60, now)).not.toContain(ten);
  });

  it("a reminder marked sent does not make every process read the calendar again", async () => {
    await seedDefaults();
    const s60 = (await listActiveServices()).find((s) => s.durationMinutes === 60)!;
    const customer = await CustomerModel.create({ telegramId: 1, language: "fi", lastSeenAt: new Date(now) });
    const booking = await BookingModel.create(bookingAt(at("2026-12-01T10:00"), customer._id));
    await freeSlots(settings, s60, now);
    await BookingModel.updateOne({ _id: booking._id }, { $set: { reminderSentAt: new Date(now) } });
    expect(await operationsOf(() => freeSlots(settings, s60, now))).toEqual(["calendar_versions.findOne"]);
  });
});
