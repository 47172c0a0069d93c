import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { ensureIndexes } from "../../src/db/connect.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { restoreBackup, writeBackup } from "../../src/services/backup.js";
import { touchCustomer } from "../../src/services/customers.js";
import { createPhoneCustomer } from "../../src/services/practice-customers.js";
import { ADMIN_ID } from "../helpers/bot.js";
import { useTestDatabase } from "../helpers/db.js";

useTestDatabase();
const NOW = new Date("2026-12-01T06:00:00Z");

const customers = () => mongoose.connection.db!.collection("customers");

describe("customer identity (A10)", () => {
  it("a database from before customers without Telegram is brought over at start: identities added, the unique Telegram id index replaced", async () => {
    // As an earlier release left it: a unique index on telegramId and records without an identity.
    await customers().drop();
    await customers().createIndex({ telegramId: 1 }, { unique: true });
    await customers().insertMany([
      { telegramId: 101, language: "fi", lastSeenAt: NOW },
      { telegramId: 102, language: "sv", lastSeenAt: NOW },
    ]);
    await ensureIndexes();
    await ensureIndexes(); // every start runs it; a second run changes nothing

    const stored = await customers().find({}, { projection: { _id: 0, telegramId: 1, identity: 1 } }).sort({ telegramId: 1 }).toArray();
    expect(stored).toEqual([
      { telegramId: 101, identity: "telegram:101" },
      { telegramId: 102, identity: "telegram:102" },
    ]);
    const indexes = await customers().indexes();
    expect(indexes.find((i) => i.key.telegramId === 1)?.unique).toBeFalsy();
    expect(indexes.find((i) => i.key.identity === 1)?.unique).toBe(true);

    // Two customers without Telegram fit beside them; a Telegram account still has one record.
    for (const name of ["Anna", "Aino"]) {
      expect(await createPhoneCustomer({ firstName: name, lastName: "Puhelin" }, ADMIN_ID, NOW, { defaultLanguage: "fi" })).toMatchObject({ ok: true });
    }
    const known = await touchCustomer(101, "fi", "fi", NOW);
    await Promise.all([touchCustomer(103, "fi", "fi", NOW), touchCustomer(103, "fi", "fi", NOW)]);
    expect(await CustomerModel.countDocuments({ telegramId: 101 })).toBe(1);
    expect(known.language).toBe("fi");
    expect(await CustomerModel.countDocuments({ telegramId: 103 })).toBe(1);
    expect(await CustomerModel.countDocuments()).toBe(5);
    await expect(CustomerModel.create({ identity: "telegram:101", telegramId: 101, language: "fi", lastSeenAt: NOW })).rejects.toThrow(/duplicate key/i);
  });

  it("a backup made before customers had an identity restores with one", async () => {
    await customers().insertOne({ telegramId: 201, language: "fi", lastSeenAt: NOW, firstName: "Vanha" });
    const key = randomBytes(32);
    const written = await writeBackup(await mkdtemp(path.join(tmpdir(), "ajb-")), key, 3, NOW);
    await customers().deleteMany({});
    await restoreBackup(written.file, key);
    expect(await customers().findOne({ telegramId: 201 }, { projection: { _id: 0, identity: 1, firstName: 1 } })).toEqual({
      identity: "telegram:201",
      firstName: "Vanha",
    });
  });
});
