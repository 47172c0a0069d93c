import type { Types } from "mongoose";
import { FreedTimeModel, WaitlistOfferModel } from "../db/models/waitlist.js";

/*
 * The calendar's two hooks for the waitlist, called where time changes hands: time freed (offers
 * to make) and time taken (offers whose time has gone). Each is one write, so the waitlist job
 * (bot/waitlist.ts) finds it even when this process stops right after.
 */

const DAY = 24 * 60 * 60_000;

/**
 * Records that [start, end) became free, for the waitlist (W2): made where the time is freed (a
 * cancellation, a move's old time, claims released, hours opened, time off given back). Past time
 * is not recorded.
 */
export async function recordFreedTime(start: Date | number, end: Date | number, now: Date): Promise<void> {
  const from = new Date(start);
  const to = new Date(end);
  if (to.getTime() <= Math.max(from.getTime(), now.getTime())) return;
  await FreedTimeModel.create({ start: from, end: to, at: now });
}

/**
 * Marks other customers' offers whose time overlaps [start, end) as gone, because `customerId`'s
 * booking now holds it (W2): the waitlist job then edits those offer messages so the time's
 * button is gone. One update; nothing is read, and nothing happens when no offer is there.
 */
export async function markOffersTaken(start: Date | number, end: Date | number, customerId: Types.ObjectId, now: Date): Promise<void> {
  const from = new Date(start).getTime();
  await WaitlistOfferModel.updateMany(
    {
      // No offered time is longer than a day, so offers starting a day earlier cannot reach `start`.
      start: { $gte: new Date(from - DAY), $lt: new Date(end) },
      end: { $gt: new Date(from) },
      customerId: { $ne: customerId },
      goneAt: { $exists: false },
    },
    { $set: { goneAt: now } },
  );
}
