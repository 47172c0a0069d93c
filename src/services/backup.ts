import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import mongoose from "mongoose";

const MAGIC = Buffer.from("AJB1");
const { EJSON } = mongoose.mongo.BSON;

function backupKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "ajanvaraus backup v1", 32));
}

/**
 * Makes an encrypted, compressed archive of every collection (O7): one canonical Extended JSON
 * line per document (types such as ObjectId and Date survive exactly), gzip, then AES-256-GCM
 * with a key derived from ENCRYPTION_KEY. Layout: "AJB1" | iv (12) | tag (16) | ciphertext.
 */
export async function createBackup(masterKey: Buffer): Promise<{ archive: Buffer; collections: number; documents: number }> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database not connected");
  const lines: string[] = [];
  let collections = 0;
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name.startsWith("system.")) continue;
    collections++;
    lines.push(EJSON.stringify({ collection: name }, { relaxed: false }));
    for await (const doc of db.collection(name).find({})) {
      lines.push(EJSON.stringify({ c: name, d: doc }, { relaxed: false }));
    }
  }
  const compressed = await promisify(gzip)(Buffer.from(lines.join("\n"), "utf8"));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", backupKey(masterKey), iv);
  const data = Buffer.concat([cipher.update(compressed), cipher.final()]);
  return { archive: Buffer.concat([MAGIC, iv, cipher.getAuthTag(), data]), collections, documents: lines.length - collections };
}

/**
 * Restores an archive made by createBackup: every collection in it is emptied and refilled.
 * Refuses an archive that was altered or made with another key.
 */
export async function restoreBackup(archive: Buffer, masterKey: Buffer): Promise<{ collections: number; documents: number }> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database not connected");
  if (!archive.subarray(0, 4).equals(MAGIC)) throw new Error("not a backup archive");
  const decipher = createDecipheriv("aes-256-gcm", backupKey(masterKey), archive.subarray(4, 16));
  decipher.setAuthTag(archive.subarray(16, 32));
  const compressed = Buffer.concat([decipher.update(archive.subarray(32)), decipher.final()]);
  const text = (await promisify(gunzip)(compressed)).toString("utf8");
  const byCollection = new Map<string, Record<string, unknown>[]>();
  for (const line of text.split("\n")) {
    if (!line) continue;
    const entry = EJSON.parse(line, { relaxed: false }) as { collection?: string; c?: string; d?: Record<string, unknown> };
    if (entry.collection) byCollection.set(entry.collection, byCollection.get(entry.collection) ?? []);
    else if (entry.c && entry.d) byCollection.get(entry.c)?.push(entry.d);
  }
  let documents = 0;
  for (const [name, docs] of byCollection) {
    const collection = db.collection(name);
    await collection.deleteMany({});
    for (let i = 0; i < docs.length; i += 1000) await collection.insertMany(docs.slice(i, i + 1000));
    documents += docs.length;
  }
  return { collections: byCollection.size, documents };
}

/** Writes an archive to `dir` and keeps only the newest `keep`; returns the file written. */
export async function writeBackupFile(dir: string, archive: Buffer, keep: number, now: Date): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `backup-${now.toISOString().replace(/[:.]/g, "-")}.ajb`);
  await writeFile(file, archive, { mode: 0o600 });
  const backups = (await readdir(dir)).filter((f) => /^backup-.*\.ajb$/.test(f)).sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) await rm(path.join(dir, old));
  return file;
}
