import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { createGzip, gunzip } from "node:zlib";
import mongoose from "mongoose";

const MAGIC = Buffer.from("AJB1");
const { EJSON } = mongoose.mongo.BSON;

function backupKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "ajanvaraus backup v1", 32));
}

/** Every document of every collection, one canonical Extended JSON line each (counted in `counts`). */
async function* backupLines(db: mongoose.mongo.Db, counts: { collections: number; documents: number }): AsyncGenerator<string> {
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name.startsWith("system.")) continue;
    counts.collections++;
    yield `${EJSON.stringify({ collection: name }, { relaxed: false })}\n`;
    for await (const doc of db.collection(name).find({})) {
      counts.documents++;
      yield `${EJSON.stringify({ c: name, d: doc }, { relaxed: false })}\n`;
    }
  }
}

/**
 * Writes an encrypted, compressed archive of every collection (O7) to `dir` and keeps only the
 * newest `keep`: one canonical Extended JSON line per document (types such as ObjectId and Date
 * survive exactly), gzip, then AES-256-GCM with a key derived from ENCRYPTION_KEY. Layout:
 * "AJB1" | iv (12) | tag (16) | ciphertext. Streamed from the database cursor to the file, so the
 * bot's memory does not grow with the practice's history; the tag, known only at the end, is
 * written into its place last, and the file gets its name only when complete.
 */
export async function writeBackup(
  dir: string,
  masterKey: Buffer,
  keep: number,
  now: Date,
): Promise<{ file: string; collections: number; documents: number; bytes: number }> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database not connected");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `backup-${now.toISOString().replace(/[:.]/g, "-")}.ajb`);
  const partial = `${file}.partial`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", backupKey(masterKey), iv);
  const counts = { collections: 0, documents: 0 };
  try {
    const out = createWriteStream(partial, { mode: 0o600 });
    out.write(Buffer.concat([MAGIC, iv, Buffer.alloc(16)]));
    await pipeline(Readable.from(backupLines(db, counts)), createGzip(), cipher, out);
    const handle = await open(partial, "r+");
    try {
      await handle.write(cipher.getAuthTag(), 0, 16, MAGIC.length + iv.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const backups = (await readdir(dir)).filter((f) => /^backup-.*\.ajb$/.test(f)).sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) await rm(path.join(dir, old));
  return { file, ...counts, bytes: (await stat(file)).size };
}

/**
 * Restores an archive made by writeBackup: every collection in it is emptied and refilled.
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
