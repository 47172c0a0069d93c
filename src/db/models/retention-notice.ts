import { Schema, model } from "mongoose";

/**
 * An inactive customer was asked whether to keep their data (P9). One per customer (`_id` is the
 * customer's id), so of several processes only one sends the question; it is removed when the
 * customer answers or uses the bot again, or when the data is erased.
 */
const retentionNoticeSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    warnedAt: { type: Date, required: true, index: true },
  },
  { collection: "retention_notices", versionKey: false },
);

export const RetentionNoticeModel = model("RetentionNotice", retentionNoticeSchema);
