import { FreedTimeModel } from "../db/models/waitlist.js";

/**
 * Records that [start, end) became free, for the waitlist (W2): one insert, made where the time
 * is freed (a cancellation, a move's old time, claims released, hours opened), so the offer job
 * finds it even when this process stops right after. Past time is not recorded.
 */
export async function recordFreedTime(start: Date | number, end: Date | number, now: Date): Promise<void> {
  const from = new Date(start);
  const to = new Date(end);
  if (to.getTime() <= Math.max(from.getTime(), now.getTime())) return;
  await FreedTimeModel.create({ start: from, end: to, at: now });
}
