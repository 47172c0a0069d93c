import { AccessLogModel } from "../db/models/technical.js";

/** Writes one webhook request to the access log (P11). */
export async function logAccess(ip: string, path: string, status: number, now: Date): Promise<void> {
  await AccessLogModel.create({ ip, path, status, at: now });
}

/** Deletes access-log entries older than `accessDays`. */
export async function purgeTechnical(now: Date, accessDays: number): Promise<{ accessLog: number }> {
  const access = await AccessLogModel.deleteMany({ at: { $lt: new Date(now.getTime() - accessDays * 86_400_000) } });
  return { accessLog: access.deletedCount };
}
