import type { Types } from "mongoose";
import { ConsentRecordModel, MARKETING_CHANNELS, type MarketingChannel } from "../db/models/consent.js";

/** Current marketing consent per channel, derived from the records. */
export type ConsentState = Record<MarketingChannel, boolean>;

/** Derives the current marketing consents from the append-only records (P3). */
export async function currentMarketingConsents(customerId: Types.ObjectId): Promise<ConsentState> {
  const latest = await ConsentRecordModel.aggregate<{ _id: MarketingChannel; action: string }>([
    { $match: { customerId, purpose: "marketing" } },
    { $sort: { at: 1, _id: 1 } },
    { $group: { _id: "$channel", action: { $last: "$action" } } },
  ]);
  const state: ConsentState = { telegram: false, email: false, sms: false };
  for (const row of latest) state[row._id] = row.action === "granted";
  return state;
}

/**
 * Appends a record for each channel whose wanted state differs from the current one; an
 * unchanged channel gets no record. Returns the channels that changed.
 */
export async function recordMarketingChoices(
  customerId: Types.ObjectId,
  wanted: ConsentState,
  wordingVersion: string,
  method: "button" | "command" | "admin",
  at: Date,
): Promise<MarketingChannel[]> {
  const current = await currentMarketingConsents(customerId);
  const changed = MARKETING_CHANNELS.filter((c) => current[c] !== wanted[c]);
  if (changed.length > 0) {
    await ConsentRecordModel.insertMany(
      changed.map((channel) => ({
        customerId,
        purpose: "marketing",
        channel,
        action: wanted[channel] ? "granted" : "withdrawn",
        wordingVersion,
        method,
        at,
      })),
    );
  }
  return changed;
}
