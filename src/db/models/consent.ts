import { Schema, model, type InferSchemaType } from "mongoose";
import { MARKETING_CHANNELS } from "../../domain/enums.js";

/**
 * One grant or withdrawal of consent (P3). Records are only ever added; a customer's current
 * state is the latest record per purpose and channel.
 */
const consentRecordSchema = new Schema(
  {
    customerId: { type: Schema.Types.ObjectId, required: true, index: true },
    purpose: { type: String, enum: ["marketing"], required: true },
    channel: { type: String, enum: MARKETING_CHANNELS, required: true },
    action: { type: String, enum: ["granted", "withdrawn"], required: true },
    wordingVersion: { type: String, required: true },
    method: { type: String, enum: ["button", "command", "admin"], required: true },
    at: { type: Date, required: true },
  },
  { collection: "consent_records", versionKey: false },
);

export type ConsentRecordFields = InferSchemaType<typeof consentRecordSchema>;
export const ConsentRecordModel = model("ConsentRecord", consentRecordSchema);
