import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { InstanceModel } from "../db/models/instance.js";
import mongoose from "mongoose";
import type { Logger } from "../logger.js";

/** How often a running bot refreshes its heartbeat. */
export const HEARTBEAT_MS = 30_000;
/** A heartbeat older than this belongs to a process that is gone (killed, or its machine down). */
const STALE_MS = 3 * HEARTBEAT_MS;

/** Where a restore keeps its marker while it swaps collections in (services/backup.ts). */
export const RESTORE_STATE = "_restore_state";

/** A restore's marker (`_id` "restore"): written once the archive is loaded aside, deleted when swapped in. */
export interface RestoreMarker {
  _id: string;
  file: string;
  collections: string[];
  at: Date;
}

/** The file of a restore that was cut off while swapping collections in, if there is one. */
export async function interruptedRestore(): Promise<string | undefined> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database not connected");
  return (await db.collection<RestoreMarker>(RESTORE_STATE).findOne({ _id: "restore" }))?.file;
}

/**
 * Announces this bot process in `instances` until it stops, so maintenance commands (restore,
 * key rotation) can refuse to run under it. Refuses to start (throws) while an interrupted
 * restore has left collections half swapped. Writes its heartbeat before looking at the restore,
 * and a restore writes its marker before looking at heartbeats, so of a bot and a restore
 * starting together at least one sees the other.
 */
export async function startInstanceHeartbeat(
  logger: Logger,
  { intervalMs = HEARTBEAT_MS } = {},
): Promise<{ stop(): Promise<void> }> {
  const id = randomBytes(8).toString("hex");
  const startedAt = new Date();
  const fields = { host: hostname(), pid: process.pid, startedAt };
  const beat = () =>
    InstanceModel.updateOne({ _id: id }, { $set: { at: new Date() }, $setOnInsert: fields }, { upsert: true }).then(() => undefined);
  await InstanceModel.create({ _id: id, ...fields, at: startedAt });
  const restore = await interruptedRestore();
  if (restore) {
    await InstanceModel.deleteOne({ _id: id });
    throw new Error(
      `a restore (${restore}) was interrupted while swapping collections: run \`npm run restore -- --finish\` to complete it before starting the bot`,
    );
  }
  // Heartbeats of processes killed long ago are only clutter.
  await InstanceModel.deleteMany({ at: { $lt: new Date(Date.now() - 86_400_000) } });
  let inFlight: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    inFlight = beat().catch((error: unknown) => logger.warn({ err: error }, "instance heartbeat failed"));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
      await InstanceModel.deleteOne({ _id: id });
    },
  };
}

/** Bot processes whose heartbeat is fresh: described for a person ("host x, pid 1, seen 12 s ago"). */
export async function runningInstances(now = new Date()): Promise<string[]> {
  const alive = await InstanceModel.find({ at: { $gte: new Date(now.getTime() - STALE_MS) } }).lean();
  return alive.map((i) => `host ${i.host}, pid ${i.pid}, seen ${Math.max(0, Math.round((now.getTime() - i.at.getTime()) / 1000))} s ago`);
}

/** Thrown by a maintenance command that will not run while a bot does. */
export class BotRunningError extends Error {}

/**
 * Throws unless no bot process runs against the database (or `force`): `action` is what the
 * command would do, for the message.
 */
export async function refuseWhileBotRuns(action: string, force: boolean): Promise<void> {
  if (force) return;
  const running = await runningInstances();
  if (running.length === 0) return;
  throw new BotRunningError(
    `refusing to ${action} while the bot runs against this database (${running.join("; ")}). ` +
      `Stop the bot first; a bot killed outright counts as running for ${STALE_MS / 1000} s after its last heartbeat. ` +
      "Add --force to do it anyway.",
  );
}
