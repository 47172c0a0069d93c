import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { CustomerModel } from "../../src/db/models/customer.js";
import { touchCustomer } from "../../src/services/customers.js";
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
