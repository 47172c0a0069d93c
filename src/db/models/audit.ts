import { Schema, model, type InferSchemaType } from "mongoose";

export const AUDIT_ACTIONS = [
  "view",
  "export",
  "change",
  "booking-created",
  "booking-cancelled",
  "booking-moved",
  "consent",
  "data-request",
  "retention-warning",
  "erase",
  "marketing-export",
  "customer-created",
  "telegram-link-created",
  "telegram-linked",
  "telegram-link-refused",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who viewed or changed a customer's data, and when (P8). Entries are only ever added; they name
 * fields, never values, so the log itself holds no contact details. Kept at least two years.
 */
const auditEntrySchema = new Schema(
  {
    customerId: { type: Schema.Types.ObjectId, required: true, index: true },
    actorKind: { type: String, enum: ["customer", "admin", "system"], required: true },
    /** The admin's Telegram id when an admin acted. */
    actorId: { type: Number },
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    /** Names of the fields concerned, e.g. ["email", "phone"]. */
    fields: { type: [String], default: undefined },
    /** A booking or request the entry is about. */
    subjectId: { type: Schema.Types.ObjectId },
    at: { type: Date, required: true, index: true },
  },
  { collection: "audit_entries", versionKey: false },
);

export type AuditEntryFields = InferSchemaType<typeof auditEntrySchema>;
export const AuditEntryModel = model("AuditEntry", auditEntrySchema);
