import { Schema, model } from "mongoose";

/**
 * Update ids already taken for handling. Inserted before an update is handled; the unique `_id`
 * makes a redelivered update (webhook retry, polling restart) a no-op. Purged after a day.
 */
const processedUpdateSchema = new Schema(
  {
    _id: { type: Number, required: true },
    at: { type: Date, required: true, index: true },
  },
  { collection: "processed_updates", versionKey: false },
);

/**
 * Source addresses of webhook requests (P11), kept apart from the application log and deleted
 * after ACCESS_LOG_DAYS. In webhook mode these are Telegram's servers, not customers' devices.
 */
const accessLogSchema = new Schema(
  {
    ip: { type: String, required: true },
    path: { type: String, required: true },
    status: { type: Number, required: true },
    at: { type: Date, required: true, index: true },
  },
  { collection: "access_log", versionKey: false },
);

export const ProcessedUpdateModel = model("ProcessedUpdate", processedUpdateSchema);
export const AccessLogModel = model("AccessLog", accessLogSchema);
