import { Schema, model } from "mongoose";

/** A marketing broadcast the practitioner confirmed (A6). */
const broadcastSchema = new Schema(
  {
    text: { type: String, required: true, maxlength: 3500 },
    createdBy: { type: Number, required: true },
    status: { type: String, enum: ["sending", "done"], required: true },
    createdAt: { type: Date, required: true },
    finishedAt: { type: Date },
  },
  { collection: "broadcasts", versionKey: false },
);

/**
 * One recipient of a broadcast. `_id` is "<broadcast>:<customer>", and the record is inserted
 * before the message is sent: the unique `_id` is what guarantees nobody gets it twice, across
 * restarts and processes.
 */
const broadcastDeliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    broadcastId: { type: Schema.Types.ObjectId, required: true, index: true },
    outcome: { type: String, enum: ["claimed", "sent", "no-consent", "failed"], required: true },
    at: { type: Date, required: true },
  },
  { collection: "broadcast_deliveries", versionKey: false },
);

export const BroadcastModel = model("Broadcast", broadcastSchema);
export const BroadcastDeliveryModel = model("BroadcastDelivery", broadcastDeliverySchema);
