import { Schema, model } from "mongoose";

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

export const AccessLogModel = model("AccessLog", accessLogSchema);
