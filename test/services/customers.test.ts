import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { CustomerModel, telegramIdentity } from "../../src/db/models/customer.js";
import { findCustomerByTelegram, saveBookingDetails, touchCustomer } from "../../src/services/customers.js";
import { useTestDatabase } from "../helpers/db.js";

useTestDatabase();

/** The filters of the customer queries `fn` makes (Mongoose's debug hook). */
async function customerFilters(fn: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const filters: Array<Record<string, unknown>> = [];
  mongoose.set("debug", (collection: string, _method: string, filter: Record<string, unknown>) => {
    if (collection === "customers") filters.push(filter);
  });
  try {
    await fn();
  } finally {
    mongoose.set("debug", false);
  }
  return filters;
}

describe("recording an interaction (P13)", () => {
  it("finds a known customer by id, and a customer erased meanwhile (by any process) is created anew", async () => {
    const first = await touchCustomer(4242, "sv", "fi", new Date("2026-11-30T08:00Z"));
    expect(first.language).toBe("sv");

    const filters = await customerFilters(() => touchCustomer(4242, "fi", "fi", new Date("2026-11-30T09:00Z")));
    expect(filters).toHaveLength(1);
    expect(Object.keys(filters[0]!)).toEqual(["_id"]);
    const stored = await CustomerModel.findOne({ telegramId: 4242 }).lean();
    expect(stored?.lastSeenAt.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(stored?.language).toBe("sv"); // stored once, at first contact

    // Erased behind this process's back: the next message starts a new customer record.
    await CustomerModel.collection.deleteOne({ telegramId: 4242 });
    const again = await touchCustomer(4242, "en", "fi", new Date("2026-11-30T10:00Z"));
    expect(again.id).not.toBe(first.id);
    expect(again.language).toBe("en");
    expect(await CustomerModel.countDocuments({ telegramId: 4242 })).toBe(1);
  });
});

describe("finding a customer by Telegram id", () => {
  it("asks by the record's id once this process knows it, and still finds the right record after an erasure or a link moved the account", async () => {
    const { id } = await touchCustomer(5151, "fi", "fi", new Date("2026-11-30T08:00Z"));
    let found: Awaited<ReturnType<typeof findCustomerByTelegram>> = null;
    const filters = await customerFilters(async () => (found = await findCustomerByTelegram(5151)));
    expect(filters.map((f) => Object.keys(f))).toEqual([["_id"]]);
    expect(found!._id.toHexString()).toBe(id);

    // Erased by another process, which then made a new record for the same person.
    await CustomerModel.collection.deleteOne({ telegramId: 5151 });
    const remade = await CustomerModel.create({ telegramId: 5151, language: "sv", lastSeenAt: new Date("2026-11-30T09:00Z") });
    expect((await findCustomerByTelegram(5151))?._id.toHexString()).toBe(remade._id.toHexString());

    // The account was linked to a record the practice made: that record is now the person's.
    const practiceMade = await CustomerModel.create({ identity: "practice:test-1", language: "fi", lastSeenAt: new Date("2026-11-30T09:00Z") });
    await CustomerModel.collection.deleteOne({ _id: remade._id });
    await CustomerModel.collection.updateOne({ _id: practiceMade._id }, { $set: { telegramId: 5151, identity: telegramIdentity(5151) } });
    expect((await findCustomerByTelegram(5151, { firstName: 1 }))?._id.toHexString()).toBe(practiceMade._id.toHexString());

    expect(await findCustomerByTelegram(5152)).toBeNull();
  });

  it("booking details are written to the record read, and to a new one when that record was erased in between", async () => {
    await touchCustomer(6161, "fi", "fi", new Date("2026-11-30T08:00Z"));
    const read = await findCustomerByTelegram(6161);
    const details = { firstName: "Aino", lastName: "Asiakas", email: "aino@example.com" };
    const now = new Date("2026-11-30T08:05Z");
    const filters = await customerFilters(() => saveBookingDetails(6161, details, { privacyAcknowledged: true }, now, read));
    expect(filters.map((f) => Object.keys(f))).toEqual([["_id"]]);
    expect(await CustomerModel.findById(read!._id).lean()).toMatchObject({ firstName: "Aino", lastName: "Asiakas" });

    await CustomerModel.collection.deleteOne({ _id: read!._id });
    const id = await saveBookingDetails(6161, { ...details, firstName: "Aina" }, { privacyAcknowledged: true }, now, read);
    expect(id.toHexString()).not.toBe(read!._id.toHexString());
    expect(await CustomerModel.find({ telegramId: 6161 }).lean()).toMatchObject([{ firstName: "Aina", telegramId: 6161 }]);
  });
});
