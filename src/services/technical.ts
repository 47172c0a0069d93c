import { AccessLogModel, ProcessedUpdateModel } from "../db/models/technical.js";
import { isDuplicateKey } from "../db/errors.js";

/**
 * Takes an update for handling by process `instance`; false when it is a duplicate: already
 * handled, or being handled by this process. An update another process took but never finished
 * (it was killed) is taken over: in polling mode only one process runs, so that one is gone.
 */
export async function claimUpdate(updateId: number, instance: string, now: Date): Promise<boolean> {
  const key = String(updateId);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await ProcessedUpdateModel.create({ _id: key, at: now, instance, done: false });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const taken = await ProcessedUpdateModel.findById(key).lean();
    if (!taken) continue;
    if (taken.done || taken.instance === instance) return false;
    await ProcessedUpdateModel.deleteOne({ _id: key, instance: taken.instance, done: false });
  }
  return false;
}

/** Marks a taken update as handled. */
export async function settleUpdate(updateId: number): Promise<void> {
  await ProcessedUpdateModel.updateOne({ _id: String(updateId) }, { $set: { done: true } });
}

/** Writes one webhook request to the access log (P11). */
export async function logAccess(ip: string, path: string, status: number, now: Date): Promise<void> {
  await AccessLogModel.create({ ip, path, status, at: now });
}

/** Deletes processed-update ids older than a day and access-log entries older than `accessDays`. */
export async function purgeTechnical(now: Date, accessDays: number): Promise<{ updates: number; accessLog: number }> {
  const [updates, access] = await Promise.all([
    ProcessedUpdateModel.deleteMany({ at: { $lt: new Date(now.getTime() - 86_400_000) } }),
    AccessLogModel.deleteMany({ at: { $lt: new Date(now.getTime() - accessDays * 86_400_000) } }),
  ]);
  return { updates: updates.deletedCount, accessLog: access.deletedCount };
}
