import mongoose from "mongoose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { bumpCalendarVersion, CALENDAR_VERSION_ID, CalendarVersionModel } from "../../src/db/models/calendar-version.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { ScheduleExceptionModel } from "../../src/db/models/schedule.js";
import { ServiceModel } from "../../src/db/models/service.js";
import { listActiveServices } from "../../src/services/catalog.js";
import { SHOWN_FRESH_MS } from "../../src/services/calendar.js";
import { availableDays, freeSlots, slotsOnDay } from "../../src/services/slots.js";
import { seedDefaults } from "../../src/services/seed.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, SETTINGS } from "../helpers/fixtures.js";

useTestDatabase();

const settings = SETTINGS;
const now = at("2026-11-30T08:00");

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

/** The default practice, its 60-minute service and one customer. */
async function practice() {
  await seedDefaults();
  const s60 = (await listActiveServices()).find((s) => s.durationMinutes === 60)!;
  const customer = await CustomerModel.create({ telegramId: 1, language: "fi", lastSeenAt: new Date(now) });
  return { s60, customerId: customer._id };
}

describe("free times from the process's copy of the calendar", () => {
  it("asks the database only for the version stamp while nothing changed", async () => {
    const { s60 } = await practice();
    const first = await freeSlots(settings, s60, now);
    const commands = await operationsOf(() => freeSlots(settings, s60, now));
    expect(commands).toEqual(["calendar_versions.findOne"]);
    expect(await freeSlots(settings, s60, now)).toEqual(first);
  });

  it("sees a booking, a cancellation and a day off at once, made through the models", async () => {
    const { s60, customerId } = await practice();
    const ten = at("2026-12-01T10:00");
    expect(await freeSlots(settings, s60, now)).toContain(ten);

    const booking = await BookingModel.create(bookingAt(ten, customerId));
    expect(await freeSlots(settings, s60, now)).not.toContain(ten);

    await BookingModel.updateOne({ _id: booking._id }, { $set: { status: "cancelled" } });
    expect(await freeSlots(settings, s60, now)).toContain(ten);

    await ScheduleExceptionModel.create({ kind: "closed", start: new Date(at("2026-12-01T00:00")), end: new Date(at("2026-12-02T00:00")) });
    expect((await freeSlots(settings, s60, now)).some((t) => t >= at("2026-12-01T00:00") && t < at("2026-12-02T00:00"))).toBe(false);
  });

  it("sees another process's booking as soon as that process has bumped the stamp", async () => {
    const { s60, customerId } = await practice();
    const ten = at("2026-12-01T10:00");
    expect(await freeSlots(settings, s60, now)).toContain(ten);
    // The other process's write, as this one's models cannot see it happen…
    await BookingModel.collection.insertOne(bookingAt(ten, customerId));
    // …and the bump its own models' hook makes right after.
    await bumpCalendarVersion();
    expect(await freeSlots(settings, s60, now)).not.toContain(ten);
  });

  it("a reminder marked sent does not make every process read the calendar again", async () => {
    const { s60, customerId } = await practice();
    const booking = await BookingModel.create(bookingAt(at("2026-12-01T10:00"), customerId));
    await freeSlots(settings, s60, now);
    await BookingModel.updateOne({ _id: booking._id }, { $set: { reminderSentAt: new Date(now) } });
    expect(await operationsOf(() => freeSlots(settings, s60, now))).toEqual(["calendar_versions.findOne"]);
  });

  it("after a booking reads only the bookings again; a change of hours or of the catalogue is read whole", async () => {
    const { s60, customerId } = await practice();
    await freeSlots(settings, s60, now);
    await BookingModel.create(bookingAt(at("2026-12-01T10:00"), customerId));
    expect(await operationsOf(() => freeSlots(settings, s60, now))).toEqual(["calendar_versions.findOne", "bookings.find"]);

    await ScheduleExceptionModel.create({ kind: "closed", start: new Date(at("2026-12-02T00:00")), end: new Date(at("2026-12-03T00:00")) });
    expect((await operationsOf(() => freeSlots(settings, s60, now))).sort()).toEqual(
      ["bookings.find", "calendar_versions.findOne", "schedule_exceptions.find", "services.find", "weekly_hours.find"],
    );
    expect((await freeSlots(settings, s60, now)).some((t) => t >= at("2026-12-02T00:00") && t < at("2026-12-03T00:00"))).toBe(false);

    await ServiceModel.updateOne({ _id: s60.id }, { $set: { active: false } });
    expect((await listActiveServices()).map((s) => s.id)).not.toContain(s60.id);
  });
});

describe("free times shown by the pickers (loadCalendar's `shown`)", () => {
  const tuesday = "2026-12-01";

  /**
   * performance.now() stopped where it is (so it never goes back behind what earlier tests read),
   * moved on only by `advance`; Date and the driver's timers run as usual.
   */
  function pinnedClock() {
    // A whole number, so that advancing by SHOWN_FRESH_MS adds exactly that much.
    let at = Math.ceil(performance.now());
    vi.spyOn(performance, "now").mockImplementation(() => at);
    return { advance: (ms: number) => (at += ms) };
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("a burst of pickers within a moment of a lookup asks the database nothing", async () => {
    const clock = pinnedClock();
    const { s60 } = await practice();
    const first = await slotsOnDay(settings, { serviceId: s60.id }, tuesday, now);
    expect(first.length).toBeGreaterThan(0);
    expect(await operationsOf(() => slotsOnDay(settings, { serviceId: s60.id }, tuesday, now))).toEqual([]);
    expect(await operationsOf(() => availableDays(settings, { serviceId: s60.id }, now))).toEqual([]);
    expect(await operationsOf(() => listActiveServices())).toEqual([]);
    clock.advance(SHOWN_FRESH_MS);
    expect(await operationsOf(() => slotsOnDay(settings, { serviceId: s60.id }, tuesday, now))).toEqual(["calendar_versions.findOne"]);
  });

  it("shows a change made by this process at once", async () => {
    pinnedClock();
    const { s60, customerId } = await practice();
    const ten = at("2026-12-01T10:00");
    expect(await slotsOnDay(settings, { serviceId: s60.id }, tuesday, now)).toContain(ten);
    await BookingModel.create(bookingAt(ten, customerId));
    expect(await slotsOnDay(settings, { serviceId: s60.id }, tuesday, now)).not.toContain(ten);
    await ScheduleExceptionModel.create({ kind: "closed", start: new Date(at("2026-12-01T00:00")), end: new Date(at("2026-12-02T00:00")) });
    expect(await slotsOnDay(settings, { serviceId: s60.id }, tuesday, now)).toEqual([]);
    expect(await availableDays(settings, { serviceId: s60.id }, now)).not.toContain(tuesday);
  });

  it("shows another process's change within SHOWN_FRESH_MS, while what a confirm checks sees it at once", async () => {
    const clock = pinnedClock();
    const { s60, customerId } = await practice();
    const ten = at("2026-12-01T10:00");
    expect(await slotsOnDay(settings, { serviceId: s60.id }, tuesday, now)).toContain(ten);
    // Another process books and bumps the stamp: nothing of this process's own happened.
    const other = async (write: () => Promise<unknown>, stamp: string) => {
      await write();
      await CalendarVersionModel.collection.updateOne({ _id: CALENDAR_VERSION_ID as never }, { $set: { stamp } });
    };
    await other(() => BookingModel.collection.insertOne(bookingAt(ten, customerId)), "booked elsewhere");
    clock.advance(SHOWN_FRESH_MS);
    expect(await slotsOnDay(settings, { serviceId: s60.id }, tuesday, now)).not.toContain(ten);
    // The other process cancels it: a confirm's check (no `shown`) sees the time free at once.
    await other(() => BookingModel.collection.updateOne({ start: new Date(ten) }, { $set: { status: "cancelled" } }), "cancelled elsewhere");
    expect(await freeSlots(settings, s60, now)).toContain(ten);
  });
});
