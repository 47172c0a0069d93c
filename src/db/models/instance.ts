import { Schema, model } from "mongoose";

/**
 * A running bot process, written at start, refreshed every 30 seconds and deleted on a clean
 * shutdown (services/instances.ts). Maintenance commands that must not run under a live bot
 * (restore, key rotation) look here; a process killed outright stops refreshing its document,
 * so a stale one does not count.
 */
const instanceSchema = new Schema(
  {
    /** Random per start. */
    _id: { type: String, required: true },
    host: { type: String, required: true },
    pid: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    /** The last heartbeat. */
    at: { type: Date, required: true },
  },
  { collection: "instances", versionKey: false },
);

export const InstanceModel = model("Instance", instanceSchema);
