import { AccessLogModel, ProcessedUpdateModel } from "../db/models/technical.js";

/** Takes an update for handling; false when it was taken before (a duplicate delivery). */
export async function claimUpdate(updateId: number, now: Date): Promise<boolean> {
  try {
    await ProcessedUpdateModel.create({ _id: updateId, at: now });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
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
