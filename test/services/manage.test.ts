import { newIdentity } from "../../src/services/booking.js";
import { beforeEach, describe, expect, it } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { SlotClaimModel } from "../../src/db/models/slot-claim.js";
import { freeSlots } from "../../src/services/slots.js";
import { claimCells, repairClaims } from "../../src/services/claims.js";
import { cancelBooking, checkChangeable, moveBooking, upcomingBookings } from "../../src/services/manage-booking.js";
import { seedDefaults } from "../../src/services/seed.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor, HOUR, SETTINGS } from "../helpers/fixtures.js";

useTestDatabase();
beforeEach(async () => {
  await seedDefaults();
});

const NOW = at("2026-11-30T08:00");
const MINUTE = 60_000;

describe("cancellation cutoff (B7)", () => {
  it("allows a change until exactly the cutoff and refuses it a millisecond later", async () => {
    const start = at("2026-12-02T10:00");
    const booking = await bookFor(7001, 60, start, NOW);
    const cutoff = start - 24 * HOUR;
    expect(await checkChangeable(SETTINGS, 7001, booking.ref, cutoff - 1)).toMatchObject({ ok: true });
    expect(await checkChangeable(SETTINGS, 7001, booking.ref, cutoff)).toMatchObject({ ok: true });
    expect(await checkChangeable(SETTINGS, 7001, booking.ref, cutoff + 1)).toEqual({ ok: false, reason: "past-cutoff" });
    expect(await cancelBooking(SETTINGS, 7001, booking.ref, cutoff + 1)).toEqual({ ok: false, reason: "past-cutoff" });
    expect((await cancelBooking(SETTINGS, 7001, booking.ref, cutoff)).ok).toBe(true);
  });

  it("counts the cutoff in real hours across the DST change (2026-10-25 has 25 hours)", async () => {
    // Monday 26 Oct 10:00 (UTC+2); 24 real hours earlier is Sunday 25 Oct 10:00 (still UTC+2),
    // and 48 h cutoff lands on Saturday 24 Oct 11:00 local time (UTC+3), not 10:00.
    const now = at("2026-10-20T08:00");
    const start = at("2026-10-26T10:00");
    const booking = await bookFor(7002, 60, start, now);
    const rules48 = { ...SETTINGS, rules: { ...SETTINGS.rules, cancellationCutoffMinutes: 48 * 60 } };
    expect(await checkChangeable(rules48, 7002, booking.ref, at("2026-10-24T11:00"))).toMatchObject({ ok: true });
    expect(await checkChangeable(rules48, 7002, booking.ref, at("2026-10-24T11:00") + 1)).toEqual({
      ok: false,
      reason: "past-cutoff",
    });
  });
});

describe("cancel (B7)", () => {
  it("frees the time at once, and a second cancel (double tap) changes nothing", async () => {
    const start = at("2026-12-02T10:00");
    const booking = await bookFor(7003, 60, start, NOW);
    const shape = { durationMinutes: 60, bufferAfterMinutes: 15 };
    expect(await freeSlots(SETTINGS, shape, NOW)).not.toContain(start);
    const [first, second] = await Promise.all([
      cancelBooking(SETTINGS, 7003, booking.ref, NOW),
      cancelBooking(SETTINGS, 7003, booking.ref, NOW),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(await freeSlots(SETTINGS, shape, NOW)).toContain(start);
    expect(await SlotClaimModel.countDocuments()).toBe(0);
    expect(await cancelBooking(SETTINGS, 7003, booking.ref, NOW)).toEqual({ ok: false, reason: "not-active" });
    expect(await upcomingBookings(7003, NOW)).toEqual([]);
    // Someone else can book it now.
    await bookFor(7004, 60, start, NOW);
  });

  it("treats another customer's booking reference exactly like an unknown one", async () => {
    const booking = await bookFor(7005, 60, at("2026-12-02T10:00"), NOW);
    await bookFor(7006, 30, at("2026-12-03T10:00"), NOW);
    expect(await cancelBooking(SETTINGS, 7006, booking.ref, NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(await cancelBooking(SETTINGS, 7006, "nonexistent", NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(await moveBooking(SETTINGS, 7006, booking.ref, at("2026-12-04T10:00"), NOW, newIdentity())).toEqual({ ok: false, reason: "not-found" });
    expect((await BookingModel.findOne({ ref: booking.ref }).lean())?.status).toBe("confirmed");
  });
});

describe("reschedule (B7)", () => {
  it("moves a booking: the new time is claimed and the old one freed", async () => {
    const booking = await bookFor(7007, 60, at("2026-12-02T10:00"), NOW);
    const result = await moveBooking(SETTINGS, 7007, booking.ref, at("2026-12-03T13:00"), NOW, newIdentity());
    expect(result.ok).toBe(true);
    const stored = await BookingModel.findOne({ ref: booking.ref }).lean();
    expect(stored?.start.getTime()).toBe(at("2026-12-03T13:00"));
    expect(stored?.end.getTime()).toBe(at("2026-12-03T14:00"));
    const cells = await SlotClaimModel.find({ bookingId: stored!._id }).lean();
    expect(cells.map((c) => c._id.getTime()).sort()).toEqual(
      claimCells(at("2026-12-03T13:00"), at("2026-12-03T14:15")).map((c) => c.getTime()),
    );
    expect(await SlotClaimModel.countDocuments()).toBe(15);
  });

  it("moves into an overlapping time of its own (15 minutes later), keeping the shared cells", async () => {
    const booking = await bookFor(7008, 60, at("2026-12-02T10:00"), NOW);
    const result = await moveBooking(SETTINGS, 7008, booking.ref, at("2026-12-02T10:15"), NOW, newIdentity());
    expect(result.ok).toBe(true);
    const cells = await SlotClaimModel.find().lean();
    expect(cells.map((c) => c._id.getTime()).sort()).toEqual(
      claimCells(at("2026-12-02T10:15"), at("2026-12-02T11:30")).map((c) => c.getTime()),
    );
  });

  it("leaves the original booking standing when the new time is taken in the meantime", async () => {
    const mine = await bookFor(7009, 60, at("2026-12-02T10:00"), NOW);
    const target = at("2026-12-03T13:00");
    await bookFor(7010, 30, at("2026-12-03T13:30"), NOW); // overlaps the hour from 13:00
    const result = await moveBooking(SETTINGS, 7009, mine.ref, target, NOW, newIdentity());
    expect(result).toMatchObject({ ok: false, reason: "slot-taken" });
    const stored = await BookingModel.findOne({ ref: mine.ref }).lean();
    expect(stored?.status).toBe("confirmed");
    expect(stored?.start.getTime()).toBe(at("2026-12-02T10:00"));
    expect(stored?.moveTo?.start).toBeUndefined();
    expect(await SlotClaimModel.countDocuments({ bookingId: stored!._id })).toBe(15);
  });

  it("keeps the original when the race is lost at the claim itself", async () => {
    const mine = await bookFor(7011, 60, at("2026-12-02T10:00"), NOW);
    const target = at("2026-12-03T13:00");
    // Another booking claims a cell of the target directly in the database, as a concurrent
    // confirm in another process would between our availability check and our claim.
    const other = await bookFor(7012, 30, at("2026-12-04T13:00"), NOW);
    await SlotClaimModel.create({ _id: new Date(target + 30 * MINUTE), bookingId: other.id });
    const result = await moveBooking(SETTINGS, 7011, mine.ref, target, NOW, newIdentity());
    expect(result).toMatchObject({ ok: false, reason: "slot-taken" });
    const stored = await BookingModel.findOne({ ref: mine.ref }).lean();
    expect(stored?.start.getTime()).toBe(at("2026-12-02T10:00"));
    expect(await SlotClaimModel.countDocuments({ bookingId: stored!._id })).toBe(15);
    expect(await SlotClaimModel.countDocuments({ bookingId: stored!._id, _id: { $gte: new Date(target - HOUR) } })).toBe(0);
  });

  it("50 customers moving into one slot at once: exactly one gets it, the others keep theirs", async () => {
    const target = at("2026-12-10T13:00");
    const bookings = [];
    // Five 30-minute bookings each afternoon (13:00, 13:45, …, 16:00) on ten weekdays.
    const weekdays = ["14", "15", "16", "17", "18", "21", "22", "23", "28", "29"];
    for (let i = 0; i < 50; i++) {
      const day = at(`2026-12-${weekdays[Math.floor(i / 5)]}T13:00`);
      bookings.push(await bookFor(7100 + i, 30, day + (i % 5) * 45 * MINUTE, NOW));
    }
    const results = await Promise.all(bookings.map((b, i) => moveBooking(SETTINGS, 7100 + i, b.ref, target, NOW, newIdentity())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await BookingModel.countDocuments({ status: "confirmed", start: new Date(target) })).toBe(1);
    expect(await BookingModel.countDocuments({ status: "confirmed" })).toBe(50);
    expect(await SlotClaimModel.countDocuments()).toBe(50 * 9);
  });
});

describe("claim repair after a crash", () => {
  it("frees the cells of a cancelled booking and of an interrupted move", async () => {
    const cancelled = await bookFor(7201, 60, at("2026-12-02T10:00"), NOW);
    await BookingModel.updateOne({ ref: cancelled.ref }, { $set: { status: "cancelled" } }); // crash before release
    const moving = await bookFor(7202, 60, at("2026-12-03T10:00"), NOW);
    const doc = await BookingModel.findOne({ ref: moving.ref });
    const newStart = at("2026-12-04T10:00");
    await BookingModel.updateOne(
      { _id: doc!._id },
      { $set: { moveTo: { start: new Date(newStart), bufferEnd: new Date(newStart + 75 * MINUTE), at: new Date(NOW) } } },
    );
    await SlotClaimModel.insertMany(claimCells(newStart, newStart + 75 * MINUTE).map((c) => ({ _id: c, bookingId: doc!._id })));
    // Crash here: the booking still says 3 Dec but holds 4 Dec too.

    expect(await repairClaims(NOW + 10 * MINUTE)).toBe(30);
    expect(await SlotClaimModel.countDocuments({ bookingId: cancelled.id })).toBe(0);
    const cells = await SlotClaimModel.find({ bookingId: doc!._id }).lean();
    expect(cells.every((c) => c._id.getTime() < at("2026-12-04T00:00"))).toBe(true);
    expect(cells).toHaveLength(15);
    expect((await BookingModel.findById(doc!._id).lean())?.moveTo?.start).toBeUndefined();
  });
});
