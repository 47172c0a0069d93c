import { Schema, model, type InferSchemaType } from "mongoose";

/**
 * A customer's request to exercise a privacy right (P5, P7): access/portability exports and
 * erasures. Exports beyond two in twelve months wait here for the practitioner (A7), due in 30
 * days. Kept as proof of how requests were handled.
 */
const dataRequestSchema = new Schema(
  {
    customerId: { type: Schema.Types.ObjectId, required: true, index: true },
    kind: { type: String, enum: ["access", "erasure"], required: true },
    status: { type: String, enum: ["answered", "pending"], required: true },
    requestedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    answeredAt: { type: Date },
  },
  { collection: "data_requests", versionKey: false },
);
dataRequestSchema.index({ status: 1, dueAt: 1 });

export type DataRequestFields = InferSchemaType<typeof dataRequestSchema>;
export const DataRequestModel = model("DataRequest", dataRequestSchema);
