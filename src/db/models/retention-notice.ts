import { Schema, model } from "mongoose";

/**
 * An inactive customer was asked whether to keep their data (P9). One per customer (`_id` is the
 * customer's id), so of several processes only one sends the question. An answer (the "keep my
 * data" button, or using the bot again) is recorded in `answeredAt`, so the export can show it;
 * the notice is replaced when the customer is asked again after a later period of inactivity,
 * and deleted when the data is erased.
 */
const retentionNoticeSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, ref: "Customer", required: true },
    warnedAt: { type: Date, required: true, index: true },
    answeredAt: { type: Date },
  },
  { collection: "retention_notices", versionKey: false },
);

export const RetentionNoticeModel = model("RetentionNotice", retentionNoticeSchema);
