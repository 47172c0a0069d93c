import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { beforeEach, describe, expect, it } from "vitest";
import { PaymentModel } from "../../src/db/models/payment.js";
import { restoreBackup, writeBackup } from "../../src/services/backup.js";
import { setMarketingConsent, updateProfileField } from "../../src/services/privacy.js";
import { seedDefaults } from "../../src/services/seed.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor } from "../helpers/fixtures.js";

useTestDatabase();
beforeEach(async () => {
  await seedDefaults();
});

const NOW = at("2026-11-30T08:00");

/** A backup written to a new folder, read back as the archive's bytes. */
async function backup(key: Buffer): Promise<{ archive: Buffer; documents: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "ajb-"));
  const written = await writeBackup(dir, key, 3, new Date(NOW));
  const archive = await readFile(written.file);
  expect(written.bytes).toBe(archive.length);
  return { archive, documents: written.documents };
}
const { EJSON } = mongoose.mongo.BSON;

/** Every document of every collection, canonically serialised and sorted. */
async function snapshot(): Promise<Record<string, string[]>> {
  const db = mongoose.connection.db!;
  const result: Record<string, string[]> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const docs = await db.collection(name).find({}).toArray();
    result[name] = docs.map((d) => EJSON.stringify(d, { relaxed: false })).sort();
  }
  return result;
}

describe("backups (O7)", () => {
  it("round-trips every document of every collection exactly", async () => {
    const booking = await bookFor(9901, 60, at("2026-12-02T10:00"), NOW);
    await bookFor(9902, 30, at("2026-12-03T13:00"), NOW);
    await setMarketingConsent(9901, "telegram", true, "button", new Date(NOW));
    await updateProfileField(9901, "address", "Kotikatu 1", { kind: "customer" }, new Date(NOW));
    await PaymentModel.create({
      bookingId: booking.id, receiptNumber: 1, amountCents: 5500, method: "card", serviceName: "x",
      vatTreatment: "exempt", vatRatePercent: 0, paidAt: new Date(NOW),
    });
    const key = randomBytes(32);
    const before = await snapshot();
    const documents = Object.values(before).reduce((n, docs) => n + docs.length, 0);
    const { archive, documents: archived } = await backup(key);
    expect(archived).toBe(documents);
    expect(archive.includes(Buffer.from("Kotikatu"))).toBe(false); // encrypted, not just compressed

    const db = mongoose.connection.db!;
    for (const name of Object.keys(before)) await db.collection(name).deleteMany({});
    await db.collection("customers").insertOne({ telegramId: 1, stray: true });
    const restored = await restoreBackup(archive, key);
    expect(restored.documents).toBe(documents);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an altered archive or the wrong key, changing nothing", async () => {
    await bookFor(9903, 60, at("2026-12-02T10:00"), NOW);
    const key = randomBytes(32);
    const { archive } = await backup(key);
    const before = await snapshot();
    const altered = Buffer.from(archive);
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 1, altered.length - 1);
    await expect(restoreBackup(altered, key)).rejects.toThrow();
    await expect(restoreBackup(archive, randomBytes(32))).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});

describe("backup files", () => {
  it("keeps the newest archives only, and leaves no partial file behind", async () => {
    await bookFor(9905, 60, at("2026-12-02T10:00"), NOW);
    const dir = await mkdtemp(path.join(tmpdir(), "ajb-"));
    const key = randomBytes(32);
    for (let i = 0; i < 4; i++) await writeBackup(dir, key, 2, new Date(NOW + i * 3_600_000));
    const files = (await readdir(dir)).sort();
    // 08:00 in Helsinki is 06:00 UTC: the four were made 06–09 UTC, the last two stay.
    expect(files).toEqual(["backup-2026-11-30T08-00-00-000Z.ajb", "backup-2026-11-30T09-00-00-000Z.ajb"]);
    const restored = await restoreBackup(await readFile(path.join(dir, files[1]!)), key);
    expect(restored.documents).toBeGreaterThan(0);
  });
});

describe("key rotation (P10)", () => {
  it("re-encrypts contact details, lookup hashes and conversation state under the new key", async () => {
    const { createFieldCrypto, fieldCrypto, useFieldCrypto } = await import("../../src/services/field-crypto.js");
    const { reencryptAll } = await import("../../src/services/key-rotation.js");
    const { ConversationStateModel } = await import("../../src/db/models/conversation-state.js");
    const { CustomerModel } = await import("../../src/db/models/customer.js");
    const { profile } = await import("../../src/services/privacy.js");
    await bookFor(9904, 60, at("2026-12-02T10:00"), NOW);
    await updateProfileField(9904, "phone", "+358401112223", { kind: "customer" }, new Date(NOW));
    const old = fieldCrypto();
    await ConversationStateModel.create({ _id: "9904", state: old.encrypt('{"typed":"secret"}'), updatedAt: new Date(NOW) });
    const next = createFieldCrypto(randomBytes(32));
    expect(await reencryptAll(old, next)).toEqual({ customers: 1, states: 1 });
    try {
      useFieldCrypto(next);
      expect(await profile(9904)).toMatchObject({ email: "a9904@example.com", phone: "+358401112223" });
      expect((await CustomerModel.findOne({ phoneHash: next.lookupHash("+358401112223") }).lean())?.telegramId).toBe(9904);
      const state = await ConversationStateModel.findById("9904").lean();
      expect(next.decrypt(state!.state)).toBe('{"typed":"secret"}');
      expect(() => old.decrypt(state!.state)).toThrow();
    } finally {
      useFieldCrypto(old);
    }
  });
});
