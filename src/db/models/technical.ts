import { Schema, model } from "mongoose";

/**
 * Update ids taken for handling. Inserted (unique `_id`) before an update is handled and marked
 * done after, so a redelivered update (webhook retry, polling restart) is not handled twice; one
 * taken by a process that died before finishing is handled again by the next. Purged after a day.
 * The key is the update id as a string: every MongoDB indexes `_id` whatever its type, but
 * FerretDB's SQLite backend only looks a document up by index when `_id` is a string or
 * ObjectId, and scans the collection otherwise (measured: 20 ms → over 200 ms per lookup at
 * 20,000 documents).
 */
const processedUpdateSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true, index: true },
    /** The process that took it (random per start). */
    instance: { type: String, required: true },
    done: { type: Boolean, required: true },
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
