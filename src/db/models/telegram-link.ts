import { Schema, model, type InferSchemaType } from "mongoose";

/**
 * A one-time link the practitioner made for a customer without Telegram (A11): opening
 * `t.me/<bot>?start=<token>` links the Telegram account that opened it to the customer. Only a
 * hash of the token is stored (`_id`), so the database alone cannot be used to link anyone. A
 * link is used once (`usedAt`), expires (`expiresAt`), and is replaced by the next link made for
 * the same customer; links are deleted with the customer and some days after they expired.
 */
const telegramLinkSchema = new Schema(
  {
    /** SHA-256 of the token (hex). */
    _id: { type: String, required: true },
    customerId: { type: Schema.Types.ObjectId, ref: "Customer", required: true, index: true },
    /** The practitioner (Telegram id) who made the link; told when it is used. */
    createdBy: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, index: true },
    usedAt: { type: Date },
    /** The Telegram account that was linked with it. */
    usedBy: { type: Number },
  },
  { collection: "telegram_links", versionKey: false },
);

export type TelegramLinkFields = InferSchemaType<typeof telegramLinkSchema>;
export const TelegramLinkModel = model("TelegramLink", telegramLinkSchema);
