import { Types } from "mongoose";
import type { Projected } from "../db/models/projected.js";
import type { Language } from "../domain/enums.js";
import { BroadcastDeliveryModel, BroadcastModel } from "../db/models/broadcast.js";
import { ConsentRecordModel } from "../db/models/consent.js";
import { CustomerModel, type CustomerFields } from "../db/models/customer.js";
import { isDuplicateKey } from "../db/errors.js";

/** Customers whose latest Telegram marketing record is a grant: the broadcast audience (A6). */
export async function telegramAudience(): Promise<Types.ObjectId[]> {
  const records = await ConsentRecordModel.find({ purpose: "marketing", channel: "telegram" }, { customerId: 1, action: 1 })
    .sort({ at: 1, _id: 1 })
    .lean();
  const latest = new Map<string, boolean>();
  for (const r of records) latest.set(r.customerId.toHexString(), r.action === "granted");
  return [...latest].filter(([, granted]) => granted).map(([id]) => new Types.ObjectId(id));
}

/** Records a confirmed broadcast; returns its id. */
export async function createBroadcast(adminId: number, text: string, now: Date): Promise<string> {
  const doc = await BroadcastModel.create({ text, createdBy: adminId, status: "sending", createdAt: now });
  return doc._id.toHexString();
}

/** A recipient to send to now. Plain data. */
export interface BroadcastRecipient {
  customerId: string;
  telegramId: number;
  language: Language;
}

/** Broadcasts still sending (after a restart: to resume). */
export async function unfinishedBroadcasts(): Promise<Array<{ id: string; text: string; createdBy: number }>> {
  const rows = await BroadcastModel.find({ status: "sending" }).lean();
  return rows.map((b) => ({ id: b._id.toHexString(), text: b.text, createdBy: b.createdBy }));
}

/** Audience members not yet claimed for this broadcast. */
export async function pendingRecipients(broadcastId: string): Promise<BroadcastRecipient[]> {
  const audience = await telegramAudience();
  const done = new Set(
    (await BroadcastDeliveryModel.find({ broadcastId }, { _id: 1 }).lean()).map((d) => d._id.split(":")[1]),
  );
  const todo = audience.filter((id) => !done.has(id.toHexString()));
  const customers = await CustomerModel.find({ _id: { $in: todo } }, { telegramId: 1, language: 1 }).lean<
    Array<Projected<CustomerFields, "telegramId" | "language">>
  >();
  // A Telegram consent needs Telegram; a customer the practice created has none until linked.
  return customers.flatMap((c) =>
    typeof c.telegramId === "number" ? [{ customerId: c._id.toHexString(), telegramId: c.telegramId, language: c.language }] : [],
  );
}

/** Claims one recipient; false when it was claimed before (by this or another process). */
export async function claimDelivery(broadcastId: string, customerId: string, now: Date): Promise<boolean> {
  try {
    await BroadcastDeliveryModel.create({ _id: `${broadcastId}:${customerId}`, broadcastId, outcome: "claimed", at: now });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Records how a claimed delivery ended. */
export async function settleDelivery(broadcastId: string, customerId: string, outcome: "sent" | "no-consent" | "failed"): Promise<void> {
  await BroadcastDeliveryModel.updateOne({ _id: `${broadcastId}:${customerId}` }, { $set: { outcome } });
}

/** Marks a broadcast finished; returns its counts. */
export async function finishBroadcast(broadcastId: string, now: Date): Promise<Record<string, number>> {
  await BroadcastModel.updateOne({ _id: broadcastId }, { $set: { status: "done", finishedAt: now } });
  const rows = await BroadcastDeliveryModel.find({ broadcastId }, { outcome: 1 }).lean();
  const counts: Record<string, number> = { sent: 0, "no-consent": 0, failed: 0, claimed: 0 };
  for (const r of rows) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  return counts;
}
