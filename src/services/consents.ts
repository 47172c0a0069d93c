import type { Types } from "mongoose";
import { ConsentRecordModel } from "../db/models/consent.js";
import { MARKETING_CHANNELS, type MarketingChannel } from "../domain/enums.js";

/** Current marketing consent per channel, derived from the records. */
export type ConsentState = Record<MarketingChannel, boolean>;

/** Derives the current marketing consents from the append-only records (P3). */
export async function currentMarketingConsents(customerId: Types.ObjectId): Promise<ConsentState> {
  // Folded here rather than with $group/$last, which FerretDB 1.24 lacks; a customer has few records.
  const records = await ConsentRecordModel.find({ customerId, purpose: "marketing" }, { channel: 1, action: 1 })
    .sort({ at: 1, _id: 1 })
    .lean();
  const state: ConsentState = { telegram: false, email: false, sms: false };
  for (const record of records) state[record.channel] = record.action === "granted";
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
