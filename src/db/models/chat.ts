import { Schema, model, type InferSchemaType } from "mongoose";
import { LANGUAGES } from "../../domain/enums.js";

/**
 * One record per private chat, read once and written once per update (bot/update-guard.ts,
 * services/chats.ts): who the chat's customer is and their language, the ids of the chat's
 * latest updates (so a redelivered update is handled once), and the conversations plugin's
 * state (a flow in progress).
 *
 * `_id` is the chat id as a string (in a private chat, the person's Telegram id): FerretDB 1.24's
 * SQLite backend looks a document up by index only through a string or ObjectId `_id`. The state
 * is JSON, encrypted like contact details: a flow in progress holds what the customer typed, and
 * the plugin's replayed Telegram objects (inline keyboards are arrays of arrays, which FerretDB
 * cannot store as nested arrays).
 */
const chatSchema = new Schema(
  {
    _id: { type: String, required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    /** The customer's stored language, kept in step by services/privacy.ts updateLanguage. */
    language: { type: String, enum: LANGUAGES, required: true },
    /** Ids of the chat's latest handled updates, newest last (at most RECENT_UPDATES). */
    recentUpdates: { type: [Number], required: true },
    /** When the customer's `lastSeenAt` was last written (at most hourly). */
    seenAt: { type: Date, required: true },
    /** The conversations plugin's state, encrypted JSON; absent when no flow is in progress. */
    state: { type: String },
    /** The last update handled in this chat. */
    updatedAt: { type: Date, required: true, index: true },
  },
  { collection: "chats", versionKey: false },
);

export type ChatFields = InferSchemaType<typeof chatSchema>;
export const ChatModel = model("Chat", chatSchema);

/** Collections an earlier release kept what the chat record now holds; dropped at start-up. */
export const LEGACY_CHAT_COLLECTIONS = ["conversation_states", "processed_updates"] as const;
