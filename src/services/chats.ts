import { deflateRawSync, inflateRawSync } from "node:zlib";
import { Types, type mongo } from "mongoose";
import type { Language } from "../domain/enums.js";
import { ChatModel, type ChatFields } from "../db/models/chat.js";
import { CustomerModel } from "../db/models/customer.js";
import { rememberCustomerId, touchCustomer, type CustomerSession } from "./customers.js";
import { fieldCrypto, type FieldCrypto } from "./field-crypto.js";

/** How many of a chat's latest update ids are kept to recognise a redelivered one. */
export const RECENT_UPDATES = 16;
/** A customer's `lastSeenAt` (the notice's "last login") is written at most this often. */
export const SEEN_EVERY_MS = 3_600_000;

type StoredChat = ChatFields & { _id: string };
/** The hot path goes straight to the driver: no Mongoose query building for two commands an update. */
const chats = () => ChatModel.collection as unknown as mongo.Collection<StoredChat>;

/** First byte of a compressed state's plaintext (JSON, as an earlier release stored it, never starts so). */
const DEFLATED = 0;

/**
 * Seals a flow's state (JSON) for the chat record: compressed, then encrypted like contact details.
 * A booking's replay log grows to 12–15 KB of JSON and compresses to about a fifth. Every chat read
 * and write carries the record, and FerretDB's SQLite backend costs some three times as much a
 * command once a document outgrows a database page (4 KB): measured, 11.8 ms of its CPU for a read
 * and a write of a 12 KB record against 3.4 ms at 3 KB.
 */
export function sealState(json: string, crypto: FieldCrypto = fieldCrypto()): string {
  const deflated = deflateRawSync(json);
  const plain = Buffer.allocUnsafe(deflated.length + 1);
  plain[0] = DEFLATED;
  deflated.copy(plain, 1);
  return crypto.encryptBytes(plain);
}

/** The JSON of a sealed state (also of one an earlier release stored uncompressed). */
export function openState(sealed: string, crypto: FieldCrypto = fieldCrypto()): string {
  const plain = crypto.decryptBytes(sealed);
  return plain[0] === DEFLATED ? inflateRawSync(plain.subarray(1)).toString("utf8") : plain.toString("utf8");
}

/** A chat opened for one update: its customer, and its flow state as stored. */
export interface OpenChat {
  readonly chatId: string;
  readonly customer: CustomerSession;
  /** The conversations plugin's state, as read; the bot replaces it for the write. */
  state: unknown;
  /** Internal: what the write at the end of the update must carry. */
  readonly stored: { /** The state's JSON as read (undefined: none stored). */ stateJson: string | undefined; recent: number[]; seenAt: Date; customerChanged: boolean };
}

/**
 * Opens the chat of `telegramId` for update `updateId`: one read of the chat record in the usual
 * case. Returns "duplicate" for an update this chat has handled already (a webhook retry, or
 * polling resumed after a restart). The customer is created on first contact (P13), and their
 * last-interaction time is written when it is an hour old.
 */
export async function openChat(
  telegramId: number,
  updateId: number,
  telegramLanguage: string | undefined,
  fallback: Language,
  now: Date,
): Promise<OpenChat | "duplicate"> {
  const chatId = String(telegramId);
  const doc = await chats().findOne({ _id: chatId });
  if (doc?.recentUpdates.includes(updateId)) return "duplicate";
  let customer: CustomerSession | undefined;
  let seenAt = doc?.seenAt ?? now;
  let customerChanged = false;
  if (doc) {
    customer = { id: (doc.customerId).toHexString(), language: doc.language };
    rememberCustomerId(telegramId, doc.customerId);
    if (now.getTime() - doc.seenAt.getTime() >= SEEN_EVERY_MS) {
      const seen = await CustomerModel.updateOne({ _id: doc.customerId }, { $set: { lastSeenAt: now } });
      seenAt = now;
      // The customer is gone (erased, or merged into a record the practice made): found again
      // or created below, like a first contact.
      if (seen.matchedCount === 0) customer = undefined;
    }
  }
  if (!customer) {
    customer = await touchCustomer(telegramId, telegramLanguage, fallback, now);
    seenAt = now;
    customerChanged = true;
    if (!doc) {
      // Stored now rather than with the update's end: whatever this update does to the record
      // (an erasure deletes it) is then not undone by the
      // write at its end, which never creates a record.
      await chats().updateOne(
        { _id: chatId },
        { $setOnInsert: { customerId: new Types.ObjectId(customer.id), language: customer.language, recentUpdates: [], seenAt, updatedAt: now } },
        { upsert: true },
      );
      customerChanged = false;
    }
  }
  const stateJson = doc?.state ? openState(doc.state) : undefined;
  return {
    chatId,
    customer,
    state: stateJson === undefined ? undefined : (JSON.parse(stateJson) as unknown),
    stored: { stateJson, recent: doc?.recentUpdates ?? [], seenAt, customerChanged },
  };
}

/**
 * Writes the chat record at the end of an update: one command. The update joins the recent ids;
 * the flow state is written only when it changed. A record deleted meanwhile (the customer erased
 * their data, or was forgotten) is not brought back.
 */
export async function closeChat(chat: OpenChat, updateId: number, now: Date): Promise<void> {
  const { stored } = chat;
  const recentUpdates = [...stored.recent, updateId].slice(-RECENT_UPDATES);
  const set: Partial<ChatFields> = { recentUpdates, updatedAt: now, seenAt: stored.seenAt };
  const unset: Record<string, 1> = {};
  if (chat.state === undefined) {
    if (stored.stateJson !== undefined) unset.state = 1;
  } else {
    const json = JSON.stringify(chat.state);
    // Unchanged (an answer that left the flow where it was): not encrypted and sent again.
    if (json !== stored.stateJson) set.state = sealState(json);
  }
  if (stored.customerChanged) {
    set.customerId = new Types.ObjectId(chat.customer.id);
    set.language = chat.customer.language;
  }
  const update = Object.keys(unset).length > 0 ? { $set: set, $unset: unset } : { $set: set };
  await chats().updateOne({ _id: chat.chatId }, update);
}

/** Points a chat at another customer record (a Telegram link joined it to one the practice made). */
export async function bindChat(telegramId: number, customerId: Types.ObjectId, language: Language): Promise<void> {
  await chats().updateOne({ _id: String(telegramId) }, { $set: { customerId, language } });
}

/** Keeps a chat's cached language in step with the customer's stored one. */
export async function setChatLanguage(telegramId: number, language: Language): Promise<void> {
  await chats().updateOne({ _id: String(telegramId) }, { $set: { language } });
}
