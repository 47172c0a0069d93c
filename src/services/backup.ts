import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import mongoose from "mongoose";
import { withIdentity } from "../db/models/customer.js";
import { refuseWhileBotRuns, RESTORE_STATE, type RestoreMarker } from "./instances.js";

const MAGIC = Buffer.from("AJB1");
const { EJSON } = mongoose.mongo.BSON;

function backupKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "ajanvaraus backup v1", 32));
}

/** Every document of every collection, one canonical Extended JSON line each (counted in `counts`). */
async function* backupLines(db: mongoose.mongo.Db, counts: { collections: number; documents: number }): AsyncGenerator<string> {
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (!isBackedUp(name)) continue;
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

/** Restore's working collections (archive being loaded, live data moved aside) and its marker. */
const NEW_PREFIX = "_restore_new_";
const OLD_PREFIX = "_restore_old_";
/** At most this many documents or bytes are held in memory at once while restoring. */
const BATCH_DOCUMENTS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

/** Collections a backup leaves out: restore's own, and the heartbeats of running processes. */
function isBackedUp(name: string): boolean {
  return !name.startsWith("system.") && !name.startsWith("_restore") && name !== "instances";
}

/** A point in a restore where a test can make it fail, as a crash there would. */
export type RestorePoint = "loading" | "swapping";

function restoreState(db: mongoose.mongo.Db) {
  return db.collection<RestoreMarker>(RESTORE_STATE);
}

/** Removes the marker, and with it its collection, so a finished restore leaves nothing behind. */
async function clearMarker(db: mongoose.mongo.Db): Promise<void> {
  await restoreState(db).deleteOne({ _id: "restore" });
  await restoreState(db).drop().catch(() => undefined); // already gone
}

async function collectionNames(db: mongoose.mongo.Db): Promise<Set<string>> {
  return new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
}

/** The archive's lines, decrypted and decompressed as they are read; `onLine` is awaited for each. */
async function readArchive(file: string, masterKey: Buffer, onLine: (line: string) => Promise<void>): Promise<void> {
  const header = Buffer.alloc(MAGIC.length + 12 + 16);
  const handle = await open(file, "r");
  try {
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    if (bytesRead < header.length || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("not a backup archive");
  } finally {
    await handle.close();
  }
  const decipher = createDecipheriv("aes-256-gcm", backupKey(masterKey), header.subarray(4, 16));
  decipher.setAuthTag(header.subarray(16, 32));
  const consume = async (source: AsyncIterable<Buffer>) => {
    const decoder = new StringDecoder("utf8");
    let rest = "";
    for await (const chunk of source) {
      const lines = (rest + decoder.write(chunk)).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (line) await onLine(line);
    }
    rest += decoder.end();
    if (rest) await onLine(rest);
  };
  // The tag is checked only at the end, so what is read is loaded aside, never into live data,
  // until the whole archive proved authentic.
  let consuming: Promise<void> | undefined;
  try {
    await pipeline(createReadStream(file, { start: header.length }), decipher, createGunzip(), (source: AsyncIterable<Buffer>) => {
      consuming = consume(source);
      return consuming;
    });
  } catch (error) {
    // A stream that failed ends the pipeline at once; the line being loaded must finish first,
    // or it would write after the caller cleaned up.
    await consuming?.catch(() => undefined);
    throw error;
  }
}

/**
 * Loads the archive into `_restore_new_<name>` collections, each with the indexes its live
 * collection has (so a document the live rules would refuse fails the restore here), and checks
 * that every document arrived. Returns the names of the archive's collections.
 */
async function loadAside(
  db: mongoose.mongo.Db,
  file: string,
  masterKey: Buffer,
  interrupt: ((point: RestorePoint) => void | Promise<void>) | undefined,
): Promise<{ collections: string[]; documents: number }> {
  const counts = new Map<string, number>();
  const live = await collectionNames(db);
  let current: string | undefined;
  let batch: mongoose.mongo.Document[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (current === undefined || batch.length === 0) return;
    await db.collection(NEW_PREFIX + current).insertMany(batch, { ordered: true });
    batch = [];
    batchBytes = 0;
    await interrupt?.("loading");
  };
  await readArchive(file, masterKey, async (line) => {
    const entry = EJSON.parse(line, { relaxed: false }) as { collection?: string; c?: string; d?: mongoose.mongo.Document };
    if (typeof entry.collection === "string") {
      await flush();
      current = entry.collection;
      if (!isBackedUp(current) || counts.has(current)) throw new Error(`malformed archive: collection ${current}`);
      counts.set(current, 0);
      const target = await db.createCollection(NEW_PREFIX + current);
      if (live.has(current)) {
        for (const index of await db.collection(current).indexes()) {
          if (index.name === "_id_") continue;
          const options: Record<string, unknown> = { ...index };
          for (const internal of ["key", "v", "ns"]) delete options[internal];
          await target.createIndex(index.key, options);
        }
      }
    } else if (entry.c !== undefined && entry.c === current && entry.d) {
      // Customers from a backup made before every customer had an identity get one (see the model).
      batch.push(current === "customers" ? withIdentity(entry.d) : entry.d);
      batchBytes += line.length;
      counts.set(current, (counts.get(current) ?? 0) + 1);
      if (batch.length >= BATCH_DOCUMENTS || batchBytes >= BATCH_BYTES) await flush();
    } else {
      throw new Error("malformed archive: a document outside its collection");
    }
  });
  await flush();
  let documents = 0;
  for (const [name, count] of counts) {
    const loaded = await db.collection(NEW_PREFIX + name).countDocuments({});
    if (loaded !== count) throw new Error(`restore of ${name} loaded ${loaded} of ${count} documents`);
    documents += count;
  }
  return { collections: [...counts.keys()], documents };
}

/**
 * Puts the loaded collections in place of the live ones, one rename each, then drops the old
 * data. Safe to repeat from any point: a collection whose `_restore_new_` is gone is done.
 */
async function swapIn(db: mongoose.mongo.Db, marker: RestoreMarker, interrupt?: (point: RestorePoint) => void | Promise<void>): Promise<void> {
  for (const name of marker.collections) {
    const names = await collectionNames(db);
    if (!names.has(NEW_PREFIX + name)) continue;
    if (names.has(name)) {
      // With the old data already moved aside, a live collection can only be an empty one a
      // process made at start (indexes are created for every model) while the swap was cut off.
      if (names.has(OLD_PREFIX + name)) await db.collection(name).drop();
      else await db.renameCollection(name, OLD_PREFIX + name);
    }
    await db.renameCollection(NEW_PREFIX + name, name);
    await interrupt?.("swapping");
  }
  for (const name of await collectionNames(db)) if (name.startsWith(OLD_PREFIX)) await db.collection(name).drop();
  await clearMarker(db);
}

/**
 * Completes a restore that was cut off while swapping collections in (`npm run restore --
 * --finish`): the archive was fully loaded and checked before the swap began, so it is rolled
 * forward. Returns the archive's file name, or undefined when nothing was pending.
 */
export async function finishInterruptedRestore(): Promise<string | undefined> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database not connected");
  const marker = await restoreState(db).findOne({ _id: "restore" });
  if (!marker) return undefined;
  await swapIn(db, marker);
  return marker.file;
}

/**
 * Restores an archive made by writeBackup: every collection in it gets exactly the archive's
 * documents (collections not in the archive are left alone). Streamed: the archive is decrypted,
 * decompressed and inserted in batches, so memory does not grow with its size. Nothing live is
 * touched until the whole archive is loaded into side collections and proved authentic, so an
 * altered archive, a wrong key or a failure while loading leaves the previous data as it was;
 * then each collection is swapped in by a rename, and a crash during the swap is completed by
 * finishInterruptedRestore (the bot refuses to start until then). Refuses (BotRunningError)
 * while a bot runs against the database, unless `force`. `interrupt` is for tests.
 */
export async function restoreBackup(
  file: string,
  masterKey: Buffer,
  options: { force?: boolean; interrupt?: (point: RestorePoint) => void | Promise<void> } = {},
): Promise<{ collections: number; documents: number }> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database not connected");
  const force = options.force ?? false;
  await refuseWhileBotRuns("restore", force);
  await finishInterruptedRestore();
  const dropWork = async () => {
    for (const name of await collectionNames(db)) {
      if (name.startsWith(NEW_PREFIX) || name.startsWith(OLD_PREFIX)) await db.collection(name).drop();
    }
  };
  await dropWork(); // left by a restore that died while loading
  let loaded;
  try {
    loaded = await loadAside(db, file, masterKey, options.interrupt);
  } catch (error) {
    await dropWork().catch(() => undefined);
    throw error;
  }
  const marker: RestoreMarker = { _id: "restore", file: path.basename(file), collections: loaded.collections, at: new Date() };
  await restoreState(db).insertOne(marker);
  try {
    // Again now that the marker is written: a bot that started during the load sees the marker
    // and stops, or is seen here (it writes its heartbeat before it looks).
    await refuseWhileBotRuns("restore", force);
  } catch (error) {
    await clearMarker(db);
    await dropWork();
    throw error;
  }
  await swapIn(db, marker, options.interrupt);
  return { collections: loaded.collections.length, documents: loaded.documents };
}
