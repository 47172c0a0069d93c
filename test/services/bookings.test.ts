import { Types } from "mongoose";
import { beforeEach, describe, expect, it } from "vitest";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { SlotClaimModel } from "../../src/db/models/slot-claim.js";
import { cancelByAdmin } from "../../src/services/admin.js";
import { isOffered } from "../../src/services/slots.js";
import type { Cancellation } from "../../src/services/bookings.js";
import { cancelBooking } from "../../src/services/manage-booking.js";
import { eraseByTelegramId } from "../../src/services/privacy.js";
import { seedDefaults } from "../../src/services/seed.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor, SETTINGS } from "../helpers/fixtures.js";

useTestDatabase();
beforeEach(async () => {
  await seedDefaults();
});

const NOW = at("2026-11-30T08:00");
const ADMIN = 900_001;

describe("one cancel for every actor (issue 13)", () => {
  it("the customer, the practitioner and erasure each leave one audit entry of the same shape and free the time", async () => {
    const starts = { customer: at("2026-12-02T10:00"), admin: at("2026-12-03T10:00"), erasure: at("2026-12-04T10:00") };
    const bookings = {
      customer: await bookFor(5101, 60, starts.customer, NOW),
      admin: await bookFor(5102, 60, starts.admin, NOW),
      erasure: await bookFor(5103, 60, starts.erasure, NOW),
    };
    const customerIds = Object.fromEntries(
      await Promise.all(
        ([["customer", 5101], ["admin", 5102], ["erasure", 5103]] as const).map(async ([k, telegramId]) => [
          k,
          (await CustomerModel.findOne({ telegramId }).lean())!._id.toHexString(),
        ]),
      ),
    ) as Record<keyof typeof bookings, string>;

    const byCustomer = await cancelBooking(SETTINGS, 5101, bookings.customer.ref, NOW);
    const byAdmin = await cancelByAdmin(ADMIN, bookings.admin.id, "Hieroja sairastui", new Date(NOW));
    const byErasure = await eraseByTelegramId(5103, new Date(NOW));
    const cancellations: Record<keyof typeof bookings, Cancellation | undefined> = {
      customer: byCustomer.ok ? byCustomer.cancellation : undefined,
      admin: byAdmin,
      erasure: byErasure?.cancelled[0],
    };
    expect(byErasure?.cancelled).toHaveLength(1);

    const actors = { customer: { actorKind: "customer" }, admin: { actorKind: "admin", actorId: ADMIN }, erasure: { actorKind: "customer" } };
    for (const key of ["customer", "admin", "erasure"] as const) {
      const id = bookings[key].id;
      // One entry per cancellation, the same fields whoever acted; erasure keeps it like its own "erase" entry.
      const entries = await AuditEntryModel.find({ subjectId: new Types.ObjectId(id), action: "booking-cancelled" }).lean();
      expect(entries, key).toHaveLength(1);
      const { _id, at: when, ...entry } = entries[0]!;
      expect(_id).toBeDefined();
      expect(when.getTime(), key).toBe(NOW);
      expect({ ...entry, customerId: entry.customerId.toHexString(), subjectId: entry.subjectId?.toHexString() }, key).toEqual({
        customerId: customerIds[key],
        action: "booking-cancelled",
        subjectId: id,
        ...actors[key],
      });
      // The time is free again, at once.
      expect(await SlotClaimModel.countDocuments({ bookingId: new Types.ObjectId(id) }), key).toBe(0);
      expect(await isOffered(SETTINGS, { durationMinutes: 60, bufferAfterMinutes: 15 }, starts[key], NOW), key).toBe(true);
    }
    // Every cancellation withdraws the calendar event with the next sequence, and says who acted.
    for (const key of ["customer", "admin", "erasure"] as const) {
      expect(cancellations[key]?.booking, key).toMatchObject({ id: bookings[key].id, icsSequence: 1 });
    }
    expect(cancellations.customer?.actor).toEqual({ kind: "customer" });
    expect(cancellations.admin).toMatchObject({ actor: { kind: "admin", telegramId: ADMIN }, reason: "Hieroja sairastui", customerTelegramId: 5102 });
    expect(cancellations.erasure?.actor).toEqual({ kind: "erasure", by: { kind: "customer" } });
    // Nobody is left to tell after an erasure.
    expect(cancellations.erasure?.customerTelegramId).toBeUndefined();
    expect(await AuditEntryModel.countDocuments({ customerId: new Types.ObjectId(customerIds.erasure), action: "erase" })).toBe(1);
    for (const key of ["customer", "admin"] as const) {
      expect(await BookingModel.findById(bookings[key].id).lean(), key).toMatchObject({ status: "cancelled", icsSequence: 1, cancelledBy: key });
    }
  });
});
