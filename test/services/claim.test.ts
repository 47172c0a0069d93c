import { DateTime } from "luxon";
import { Types } from "mongoose";
import { describe, expect, it, vi } from "vitest";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { SlotClaimModel } from "../../src/db/models/slot-claim.js";
import { listActiveServices, type ServiceView } from "../../src/services/catalog.js";
import { groupSlotsByDay } from "../../src/domain/availability.js";
import { bookAppointment } from "../../src/services/booking.js";
import { freeSlots, slotsOnDay, type BookingSettings } from "../../src/services/slots.js";
import { claimCells, claimSlot, repairClaims, STALE_CLAIM_MS } from "../../src/services/claims.js";
import { seedDefaults } from "../../src/services/seed.js";
import { useTestDatabase } from "../helpers/db.js";

useTestDatabase();

const zone = "Europe/Helsinki";
const settings: BookingSettings = {
  zone,
  rules: { granularityMinutes: 15, minNoticeMinutes: 12 * 60, horizonDays: 60, cancellationCutoffMinutes: 24 * 60, reminderOffsetMinutes: 24 * 60 },
};
// Monday 2026-11-30, 08:00 in Helsinki; the next slots are on Tuesday.
const now = DateTime.fromISO("2026-11-30T08:00", { zone }).toMillis();
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

async function customers(count: number) {
  await CustomerModel.insertMany(
    Array.from({ length: count }, (_, i) => ({ telegramId: 1000 + i, language: "fi", lastSeenAt: new Date(now) })),
  );
}

/** The default practice with `count` customers; returns its service of each length. */
async function practice(count: number): Promise<(minutes: number) => ServiceView> {
  await seedDefaults();
  if (count > 0) await customers(count);
  const all = await listActiveServices();
  return (minutes) => all.find((s) => s.durationMinutes === minutes)!;
}

function request(telegramId: number, serviceId: string, start: number, bookingId = new Types.ObjectId().toHexString()) {
  return {
    bookingId,
    telegramId,
    serviceId,
    start,
    now,
    privacyAcknowledged: true,
    details: { firstName: "Testi", lastName: `Asiakas${telegramId}`, email: `a${telegramId}@example.com` },
  };
}

describe("slot claim (B4)", () => {
  it("50 simultaneous confirms of one slot make exactly one booking", async () => {
    const service = (await practice(50))(60);
    const start = at("2026-12-01T10:00");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => bookAppointment(settings, request(1000 + i, service.id, start))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "slot-taken")).toBe(true);
    expect(await BookingModel.countDocuments({ status: "confirmed" })).toBe(1);
    expect(await BookingModel.countDocuments()).toBe(1);
    // 60 min + 15 min buffer = 15 cells of five minutes, all owned by the one booking.
    const winner = await BookingModel.findOne({ status: "confirmed" });
    expect(await SlotClaimModel.countDocuments({ bookingId: winner!._id })).toBe(15);
    expect(await SlotClaimModel.countDocuments()).toBe(15);
  });

  it("concurrent confirms of overlapping times of different lengths make one booking", async () => {
    const ofLength = await practice(20);
    const s60 = ofLength(60);
    const s30 = ofLength(30);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? bookAppointment(settings, request(1000 + i, s60.id, at("2026-12-01T10:00")))
          : bookAppointment(settings, request(1000 + i, s30.id, at("2026-12-01T10:30"))),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await BookingModel.countDocuments({ status: "confirmed" })).toBe(1);
  });

  it("a 60-minute booking blocks the 30-minute slots that overlap it, and its buffer", async () => {
    const ofLength = await practice(2);
    const s60 = ofLength(60);
    const s30 = ofLength(30);
    const first = await bookAppointment(settings, request(1000, s60.id, at("2026-12-01T10:00")));
    expect(first.ok).toBe(true);

    const free = await freeSlots(settings, s30, now);
    // A 30-minute massage needs 45 minutes with its buffer: from 09:30 on it would run into the
    // 10:00 booking, and the booking with its own buffer holds the time until 11:15.
    for (const t of ["09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00"]) {
      expect(free).not.toContain(at(`2026-12-01T${t}`));
    }
    expect(free).toContain(at("2026-12-01T09:15"));
    expect(free).toContain(at("2026-12-01T11:15"));

    // Even bypassing the availability check, the database refuses an overlapping claim.
    const overlapping = await bookAppointment(settings, request(1001, s30.id, at("2026-12-01T10:30")));
    expect(overlapping).toMatchObject({ ok: false, reason: "slot-taken" });
  });

  it("the time picker reads one day's bookings yet offers exactly what the whole-horizon computation does", async () => {
    const ofLength = await practice(4);
    const s90 = ofLength(90);
    const s30 = ofLength(30);
    // Bookings at the edges of Wednesday 2 December: late Tuesday, early and late Wednesday, early Thursday.
    for (const [i, iso] of ["2026-12-01T16:00", "2026-12-02T09:00", "2026-12-02T15:00", "2026-12-03T09:00"].entries()) {
      expect((await bookAppointment(settings, request(1000 + i, s30.id, at(iso)))).ok).toBe(true);
    }
    const whole = groupSlotsByDay(await freeSlots(settings, s90, now), zone);
    for (const day of ["2026-12-01", "2026-12-02", "2026-12-03"]) {
      const picked = await slotsOnDay(settings, { serviceId: s90.id }, day, now);
      expect(picked.length).toBeGreaterThan(0);
      expect(picked).toEqual(whole.get(day));
    }
    expect(await slotsOnDay(settings, { serviceId: s90.id }, "not-a-day", now)).toEqual([]);
  });

  it("claim cells cover the booking and its buffer on the five-minute grid", () => {
    const start = Date.UTC(2026, 11, 1, 8, 0);
    const cells = claimCells(start, start + 75 * 60_000);
    expect(cells).toHaveLength(15);
    expect(cells[0]!.getTime()).toBe(start);
    expect(cells.at(-1)!.getTime()).toBe(start + 70 * 60_000);
  });

  it("time claimed by a process that died before writing the booking is freed at the next start, not while it may still be written", async () => {
    const s60 = (await practice(0))(60);
    const claimAt = async (start: number, bookingId: Types.ObjectId) =>
      SlotClaimModel.insertMany(claimCells(start, start + 75 * 60_000).map((c) => ({ _id: c, bookingId })));
    // A claim made three minutes ago whose booking never came, and one made just now.
    const dead = at("2026-12-01T13:00");
    await claimAt(dead, Types.ObjectId.createFromTime(Math.floor(Date.now() / 1000) - 180));
    const inProgress = at("2026-12-01T10:00");
    await claimAt(inProgress, new Types.ObjectId());

    expect(await repairClaims(Date.now())).toBe(15);
    expect(await SlotClaimModel.countDocuments()).toBe(15);
    expect(await freeSlots(settings, s60, now)).toContain(dead);
    await customers(1);
    expect((await bookAppointment(settings, request(1000, s60.id, dead))).ok).toBe(true);
    // The young claim stays: nobody can take its time, whatever the free-time list says.
    expect(await bookAppointment(settings, request(1000, s60.id, inProgress))).toMatchObject({ ok: false, reason: "slot-taken" });
  });

  it("a losing confirm writes nothing: no booking, no details, no audit entry", async () => {
    const s60 = (await practice(2))(60);
    const start = at("2026-12-01T13:00");
    expect((await bookAppointment(settings, request(1000, s60.id, start))).ok).toBe(true);
    // The second customer's view of free times is bypassed: they confirm the taken time anyway.
    const claimsBefore = await SlotClaimModel.countDocuments();
    expect(await bookAppointment(settings, request(1001, s60.id, start))).toMatchObject({ ok: false, reason: "slot-taken" });
    expect(await BookingModel.countDocuments()).toBe(1);
    expect(await SlotClaimModel.countDocuments()).toBe(claimsBefore);
    const loser = await CustomerModel.findOne({ telegramId: 1001 }).lean();
    expect(loser?.firstName).toBeUndefined();
    expect(await AuditEntryModel.countDocuments({ customerId: loser!._id })).toBe(0);
  });

  it("a booking's audit trail names the details saved, the consents given and the booking, in that order; a booking that fails after its details were saved still records them", async () => {
    const s60 = (await practice(2))(60);
    const first = { ...request(1000, s60.id, at("2026-12-01T13:00")), marketing: { telegram: true, email: false, sms: false } };
    const booked = await bookAppointment(settings, first);
    expect(booked.ok).toBe(true);
    const customer = await CustomerModel.findOne({ telegramId: 1000 }).lean();
    const trail = await AuditEntryModel.find({ customerId: customer!._id }).sort({ _id: 1 }).lean();
    expect(trail.map((e) => [e.actorKind, e.action, e.fields ?? [], e.subjectId?.toHexString()])).toEqual([
      ["customer", "change", ["firstName", "lastName", "email"], undefined],
      ["customer", "consent", ["telegram"], undefined],
      ["customer", "booking-created", [], first.bookingId],
    ]);

    // The booking write fails (the database went away mid-way): the customer's new details
    // stand, so their entry is written; no booking, so no booking entry.
    const failing = vi.spyOn(BookingModel, "create").mockRejectedValueOnce(new Error("connection lost"));
    try {
      await expect(bookAppointment(settings, request(1001, s60.id, at("2026-12-01T15:00")))).rejects.toThrow("connection lost");
    } finally {
      failing.mockRestore();
    }
    const other = await CustomerModel.findOne({ telegramId: 1001 }).lean();
    expect(other?.lastName).toBe("Asiakas1001");
    const otherTrail = await AuditEntryModel.find({ customerId: other!._id }).lean();
    expect(otherTrail.map((e) => e.action)).toEqual(["change"]);
    expect(await BookingModel.countDocuments({ customerId: other!._id })).toBe(0);
  });

  it("confirming the same summary again finds the booking it made, also after a crash between claim and booking", async () => {
    const s60 = (await practice(2))(60);
    const start = at("2026-12-01T13:00");
    const same = request(1000, s60.id, start);
    const first = await bookAppointment(settings, same);
    const again = await bookAppointment(settings, same);
    expect(first.ok && again.ok).toBe(true);
    expect(again).toEqual(first);
    expect(await BookingModel.countDocuments()).toBe(1);
    expect(await AuditEntryModel.countDocuments({ action: "booking-created" })).toBe(1);

    // A process claimed the time under this summary's id and died before writing the booking:
    // the same confirm pressed again books it (the claim is its own), nobody else can.
    const later = at("2026-12-01T15:00");
    const crashed = request(1001, s60.id, later);
    await claimSlot(new Types.ObjectId(crashed.bookingId), later, later + 75 * 60_000);
    expect(await bookAppointment(settings, request(1000, s60.id, later))).toMatchObject({ ok: false, reason: "slot-taken" });
    const retried = await bookAppointment(settings, crashed);
    expect(retried.ok).toBe(true);
    expect(await BookingModel.countDocuments({ status: "confirmed" })).toBe(2);
    expect(await SlotClaimModel.countDocuments({ bookingId: new Types.ObjectId(crashed.bookingId) })).toBe(15);
  });

  it("the loser of a race is told the winner's whole time, and the times offered next leave it out", async () => {
    const ofLength = await practice(2);
    const s30 = ofLength(30);
    const winnerStart = at("2026-12-01T10:00");
    // The winner has claimed but not yet written its booking: the calendar does not show it.
    const winnerId = new Types.ObjectId();
    expect((await claimSlot(winnerId, winnerStart, winnerStart + 105 * 60_000)).ok).toBe(true);
    const lost = await bookAppointment(settings, request(1001, s30.id, at("2026-12-01T10:30")));
    expect(lost).toMatchObject({ ok: false, reason: "slot-taken", taken: [{ start: winnerStart, end: winnerStart + 105 * 60_000 }] });
    const taken = !lost.ok && lost.reason === "slot-taken" ? lost.taken : [];
    const before = await slotsOnDay(settings, { serviceId: s30.id }, "2026-12-01", now);
    const after = await slotsOnDay(settings, { serviceId: s30.id, alsoBusy: taken }, "2026-12-01", now);
    expect(before).toContain(at("2026-12-01T10:30"));
    expect(after).not.toContain(at("2026-12-01T10:30"));
    // Nothing that overlaps 10:00–11:45 (the winner with its buffer) is offered.
    for (const slot of after) expect(slot + 45 * 60_000 <= winnerStart || slot >= winnerStart + 105 * 60_000, new Date(slot).toISOString()).toBe(true);
    expect(after).toContain(at("2026-12-01T09:15"));
  });

  it("the sweep frees a claim whose booking never came once its lease is over, on a running instance", async () => {
    const s60 = (await practice(1))(60);
    const start = at("2026-12-01T13:00");
    const orphan = new Types.ObjectId();
    const claimedAt = new Date(Date.now());
    await claimSlot(orphan, start, start + 75 * 60_000, claimedAt);
    // Within the lease: kept (its booking may be being written by another process).
    expect(await repairClaims(claimedAt.getTime() + STALE_CLAIM_MS - 1000)).toBe(0);
    expect(await bookAppointment(settings, request(1000, s60.id, start))).toMatchObject({ ok: false, reason: "slot-taken" });
    // After it: freed, and the time can be booked.
    expect(await repairClaims(claimedAt.getTime() + STALE_CLAIM_MS + 1000)).toBe(15);
    expect((await bookAppointment(settings, request(1000, s60.id, start))).ok).toBe(true);
  });
});
