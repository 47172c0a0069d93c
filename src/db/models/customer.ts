import { Schema, model, type InferSchemaType, type HydratedDocument } from "mongoose";
import { GENDERS, LANGUAGES } from "../../domain/enums.js";

/**
 * A person who talks to the bot. Only the fields the practice's privacy notice lists are kept
 * (docs/processing-record.md): no identity code, no health or treatment notes. Email, phone and
 * address are stored encrypted (services/field-crypto.ts); the hashes serve exact lookups.
 */
const customerSchema = new Schema(
  {
    telegramId: { type: Number, required: true, unique: true },
    language: { type: String, enum: LANGUAGES, required: true },
    firstName: { type: String, maxlength: 100 },
    lastName: { type: String, maxlength: 100 },
    email: { type: String },
    emailHash: { type: String, index: true },
    phone: { type: String },
    phoneHash: { type: String, index: true },
    address: { type: String },
    gender: { type: String, enum: GENDERS },
    birthYear: { type: Number, min: 1900, max: 2100 },
    /** Version of the privacy notice the customer acknowledged, and when. */
    privacyNoticeVersion: { type: String },
    privacyAcknowledgedAt: { type: Date },
    /** When the marketing consent question was first put to the customer. */
    consentsAskedAt: { type: Date },
    /** Last interaction with the bot (the notice's "last login"). */
    lastSeenAt: { type: Date, required: true },
  },
  { timestamps: true, collection: "customers" },
);
customerSchema.index({ lastSeenAt: 1 });

export type CustomerFields = InferSchemaType<typeof customerSchema>;
export type CustomerDocument = HydratedDocument<CustomerFields>;
export const CustomerModel = model("Customer", customerSchema);
