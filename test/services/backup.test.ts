import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { beforeEach, describe, expect, it } from "vitest";
import { MODELS } from "../../src/db/connect.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { InstanceModel } from "../../src/db/models/instance.js";
import { PaymentModel } from "../../src/db/models/payment.js";
import { createLogger } from "../../src/logger.js";
import { finishInterruptedRestore, restoreBackup, writeBackup, type RestorePoint } from "../../src/services/backup.js";
import { BotRunningError, startInstanceHeartbeat } from "../../src/services/instances.js";
import { setMarketingConsent, updateProfileField } from "../../src/services/privacy.js";
import { seedDefaults } from "../../src/services/seed.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor } from "../helpers/fixtures.js";

useTestDatabase();
beforeEach(async () => {
  await seedDefaults();
});

const NOW = at("2026-11-30T08:00");

/** A backup written to a new folder: its file and bytes. */
async function backup(key: Buffer): Promise<{ file: string; archive: Buffer; documents: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "ajb-"));
  const written = await writeBackup(dir, key, 3, new Date(NOW));
  const archive = await readFile(written.file);
  expect(written.bytes).toBe(archive.length);
  return { file: written.file, archive, documents: written.documents };
}

/** `bytes` written to a file of their own. */
async function fileOf(bytes: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "ajb-")), "archive.ajb");
  await writeFile(file, bytes);
  return file;
}
const { EJSON } = mongoose.mongo.BSON;

/** Every document of every collection (but the running bots' heartbeats), canonically serialised and sorted. */
async function snapshot(): Promise<Record<string, string[]>> {
  const db = mongoose.connection.db!;
  const result: Record<string, string[]> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name === "instances") continue;
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
    const { file, archive, documents: archived } = await backup(key);
    expect(archived).toBe(documents);
    expect(archive.includes(Buffer.from("Kotikatu"))).toBe(false); // encrypted, not just compressed

    const db = mongoose.connection.db!;
    for (const name of Object.keys(before)) await db.collection(name).deleteMany({});
    await db.collection("customers").insertOne({ telegramId: 1, stray: true });
    const restored = await restoreBackup(file, key);
    expect(restored.documents).toBe(documents);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an altered archive or the wrong key, changing nothing", async () => {
    await bookFor(9903, 60, at("2026-12-02T10:00"), NOW);
    const key = randomBytes(32);
    const { file, archive } = await backup(key);
    await bookFor(9906, 60, at("2026-12-03T10:00"), NOW); // made after the backup: must survive a failed restore
    const before = await snapshot();
    const altered = Buffer.from(archive);
    // The last byte: the archive's end, which only the authentication tag checked at the end catches.
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 1, altered.length - 1);
    await expect(restoreBackup(await fileOf(altered), key)).rejects.toThrow();
    await expect(restoreBackup(file, randomBytes(32))).rejects.toThrow();
    await expect(restoreBackup(await fileOf(archive.subarray(0, archive.length - 100)), key)).rejects.toThrow();
    await expect(restoreBackup(await fileOf(Buffer.from("not an archive")), key)).rejects.toThrow(/not a backup archive/);
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
    const restored = await restoreBackup(path.join(dir, files[1]!), key);
    expect(restored.documents).toBeGreaterThan(0);
  });
});

describe("restore that fails, is cut off, or meets a running bot (O7)", () => {
  const killed = new Error("killed");
  const logger = createLogger("silent");

  it("a failure while loading leaves the previous data exactly as it was", async () => {
    await bookFor(9910, 60, at("2026-12-02T10:00"), NOW);
    const key = randomBytes(32);
    const { file } = await backup(key);
    await bookFor(9911, 60, at("2026-12-03T10:00"), NOW);
    await CustomerModel.deleteOne({ telegramId: 9910 });
    const before = await snapshot();
    let batches = 0;
    const interrupt = (point: RestorePoint) => {
      if (point === "loading" && ++batches === 2) throw killed;
    };
    await expect(restoreBackup(file, key, { interrupt })).rejects.toBe(killed);
    expect(batches).toBe(2);
    expect(await snapshot()).toEqual(before);

    // A restore killed outright while loading leaves its side collections; the next one clears them.
    const db = mongoose.connection.db!;
    await db.collection("_restore_new_customers").insertOne({ telegramId: 1, stray: true });
    await restoreBackup(file, key);
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names.filter((n) => n.startsWith("_restore"))).toEqual([]);
    expect(await CustomerModel.countDocuments({ telegramId: 9910 })).toBe(1);
    expect(await CustomerModel.countDocuments({ telegramId: 9911 })).toBe(0);
  });

  it("a restore cut off while swapping collections in is completed by --finish; until then the bot does not start", async () => {
    await bookFor(9912, 60, at("2026-12-02T10:00"), NOW);
    await updateProfileField(9912, "address", "Kotikatu 2", { kind: "customer" }, new Date(NOW));
    const key = randomBytes(32);
    const archived = await snapshot();
    const { file } = await backup(key);
    await bookFor(9913, 60, at("2026-12-03T10:00"), NOW);
    await CustomerModel.deleteOne({ telegramId: 9912 });

    let swapped = 0;
    const interrupt = (point: RestorePoint) => {
      if (point === "swapping" && ++swapped === 3) throw killed;
    };
    await expect(restoreBackup(file, key, { interrupt })).rejects.toBe(killed);
    await expect(startInstanceHeartbeat(logger)).rejects.toThrow(/npm run restore -- --finish/);
    expect(await InstanceModel.countDocuments({})).toBe(0);
    // A process starting meanwhile creates the collections its models need, empty.
    const db = mongoose.connection.db!;
    const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const model of MODELS) {
      if (!existing.has(model.collection.collectionName)) await db.createCollection(model.collection.collectionName);
    }

    expect(await finishInterruptedRestore()).toBe(path.basename(file));
    expect(await snapshot()).toEqual(archived);
    expect(await finishInterruptedRestore()).toBeUndefined();
    const heartbeat = await startInstanceHeartbeat(logger);
    await heartbeat.stop();
  });

  it("refuses while a bot runs against the database, unless forced; a bot killed long ago does not count", async () => {
    await bookFor(9914, 60, at("2026-12-02T10:00"), NOW);
    const key = randomBytes(32);
    const { file } = await backup(key);
    const archived = await snapshot();
    await CustomerModel.deleteOne({ telegramId: 9914 });

    const heartbeat = await startInstanceHeartbeat(logger, { intervalMs: 20 });
    try {
      const first = (await InstanceModel.findOne({}).lean())!;
      // The heartbeat is refreshed while the bot runs.
      for (let i = 0; (await InstanceModel.findById(first._id).lean())!.at.getTime() === first.at.getTime(); i++) {
        if (i > 500) throw new Error("no heartbeat");
        await new Promise((r) => setTimeout(r, 10));
      }
      const before = await snapshot();
      const refused = await restoreBackup(file, key).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BotRunningError);
      expect((refused as Error).message).toMatch(/bot runs against this database \(host .+, pid \d+.*--force/);
      expect(await snapshot()).toEqual(before);
      await restoreBackup(file, key, { force: true });
      expect(await CustomerModel.countDocuments({ telegramId: 9914 })).toBe(1);
    } finally {
      await heartbeat.stop();
    }
    expect(await InstanceModel.countDocuments({})).toBe(0); // a clean stop says goodbye

    await CustomerModel.deleteOne({ telegramId: 9914 });
    const long = new Date(Date.now() - 10 * 60_000);
    await InstanceModel.create({ _id: "killed", host: "h", pid: 1, startedAt: long, at: long });
    await restoreBackup(file, key);
    await InstanceModel.deleteMany({});
    expect(await snapshot()).toEqual(archived);
  });

  it("streams an archive larger than its batches, documents split across reads", async () => {
    const db = mongoose.connection.db!;
    const bulk = Array.from({ length: 3000 }, (_, i) => ({ _id: `doc-${i}`, n: i, blob: randomBytes(1500).toString("base64") }));
    for (let i = 0; i < bulk.length; i += 500) await db.collection<{ _id: string }>("bulk").insertMany(bulk.slice(i, i + 500));
    const key = randomBytes(32);
    const { file, archive } = await backup(key);
    expect(archive.length).toBeGreaterThan(4_000_000);
    await db.collection("bulk").deleteMany({ n: { $gte: 1000 } });
    const restored = await restoreBackup(file, key);
    expect(restored.documents).toBeGreaterThanOrEqual(3000);
    expect(await db.collection("bulk").countDocuments({})).toBe(3000);
    expect(await db.collection("bulk").findOne({ _id: "doc-2999" } as object)).toEqual(bulk[2999]);
  });
});
