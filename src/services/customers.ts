import type { Types } from "mongoose";
import { LANGUAGES, type Language } from "../domain/enums.js";
import { ChatModel } from "../db/models/chat.js";
import { CustomerModel, telegramIdentity, type CustomerFields } from "../db/models/customer.js";
import { isDuplicateKey } from "../db/errors.js";
import { MARKETING_CONSENT_WORDING_VERSION, PRIVACY_NOTICE_VERSION } from "../domain/versions.js";
import { CUSTOMER, recordAudits, type AuditInput } from "./audit.js";
import { currentMarketingConsents, recordMarketingChoices, type ConsentState } from "./consents.js";
import { fieldCrypto } from "./field-crypto.js";

/** Decrypts an encrypted contact field, if present. */
export function reveal(value: string | null | undefined): string | undefined {
  return value ? fieldCrypto().decrypt(value) : undefined;
}


/** Picks one of our languages from Telegram's `language_code` (e.g. "sv-FI" → "sv"). */
export function languageFromTelegram(code: string | undefined, fallback: Language): Language {
  const base = code?.toLowerCase().split("-")[0];
  return LANGUAGES.find((l) => l === base) ?? fallback;
}

/** Who is talking to the bot, as the middleware keeps it on the context. */
export interface CustomerSession {
  id: string;
  language: Language;
}

/**
 * Customer ids by Telegram id, as this process has seen them. An id never changes while its
 * customer exists, so nothing needs invalidating: a customer erased meanwhile (by any process)
 * is simply not found by id, and is looked up again by Telegram id; so is a bare record removed
 * when its Telegram account was linked to a customer the practice created (telegram-link.ts).
 * Looking up by `_id` is what every MongoDB-compatible server indexes best (FerretDB 1.24 on
 * SQLite indexes nothing else).
 */
const knownIds = new Map<number, Types.ObjectId>();
const MAX_KNOWN_IDS = 100_000;

/** Remembers whose record a Telegram id is: the chat record names it on every update (chats.ts). */
export function rememberCustomerId(telegramId: number, id: Types.ObjectId): void {
  if (knownIds.get(telegramId)?.equals(id)) return;
  if (knownIds.size >= MAX_KNOWN_IDS) knownIds.clear();
  knownIds.set(telegramId, id);
}

/** A customer record as read, with its id (`projection` may leave other fields out). */
export type CustomerRecord = CustomerFields & { _id: Types.ObjectId; createdAt?: Date; updatedAt?: Date };

/**
 * The customer record of a Telegram user, or null. By its `_id` when this process knows it (the
 * one field every MongoDB-compatible server indexes: FerretDB 1.24 on SQLite reads every customer
 * to find one by any other, measured 5 ms of its CPU at 100 customers and 54 ms at 2,000, against
 * 1–4 ms by `_id`); by Telegram id otherwise, or when the record known has gone or no longer
 * belongs to this account (erased; replaced by a record the practice made, telegram-link.ts).
 */
export async function findCustomerByTelegram(telegramId: number, projection?: Record<string, 1>): Promise<CustomerRecord | null> {
  const fields = projection ? { ...projection, telegramId: 1 as const } : undefined;
  const known = knownIds.get(telegramId);
  if (known) {
    const doc = await CustomerModel.findById(known, fields).lean<CustomerRecord>();
    if (doc?.telegramId === telegramId) return doc;
    knownIds.delete(telegramId);
  }
  const doc = await CustomerModel.findOne({ telegramId }, fields).lean<CustomerRecord>();
  if (doc) rememberCustomerId(telegramId, doc._id);
  return doc;
}

/**
 * Records an interaction: creates the customer on first contact (language from Telegram, stored
 * once) and updates the last-interaction time (P13).
 */
export async function touchCustomer(
  telegramId: number,
  telegramLanguage: string | undefined,
  fallback: Language,
  now: Date,
): Promise<CustomerSession> {
  const known = knownIds.get(telegramId);
  // No projection: FerretDB 1.24 does not support one on findAndModify.
  let doc = known
    ? await CustomerModel.findOneAndUpdate({ _id: known }, { $set: { lastSeenAt: now } }, { returnDocument: "after" }).lean()
    : null;
  if (!doc) {
    const upsert = () =>
      CustomerModel.findOneAndUpdate(
        { identity: telegramIdentity(telegramId) },
        {
          $set: { lastSeenAt: now },
          $setOnInsert: { telegramId, language: languageFromTelegram(telegramLanguage, fallback) },
        },
        { upsert: true, returnDocument: "after" },
      ).lean();
    try {
      doc = await upsert();
    } catch (error) {
      // Two first contacts at once (two processes): the unique identity lets one insert; the
      // other finds that customer on its second try.
      if (!isDuplicateKey(error)) throw error;
      doc = await upsert();
    }
    if (!doc) throw new Error("customer upsert returned nothing");
    rememberCustomerId(telegramId, doc._id);
  }
  return { id: doc._id.toHexString(), language: doc.language };
}

/**
 * The stored language of a Telegram user, if they have talked to the bot: from their chat's record
 * (a lookup by `_id`, which every server indexes), else from their customer record.
 */
export async function languageOf(telegramId: number): Promise<Language | undefined> {
  const chat = await ChatModel.findById(String(telegramId), { language: 1 }).lean();
  if (chat) return chat.language;
  const doc = await findCustomerByTelegram(telegramId, { language: 1 });
  return doc?.language;
}

/** What the booking flow needs to know about a returning customer. Plain data. */
export interface BookingProfile {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  /** True when the current privacy notice version has been acknowledged. */
  privacyAcknowledged: boolean;
  consentsAsked: boolean;
  consents: ConsentState;
}

/** The booking profile of a Telegram user (empty for someone new). */
export async function bookingProfile(telegramId: number): Promise<BookingProfile> {
  const doc = await findCustomerByTelegram(telegramId);
  const consents = doc
    ? await currentMarketingConsents(doc._id)
    : { telegram: false, email: false, sms: false };
  return {
    ...(doc?.firstName ? { firstName: doc.firstName } : {}),
    ...(doc?.lastName ? { lastName: doc.lastName } : {}),
    ...(doc?.email ? { email: reveal(doc.email) } : {}),
    ...(doc?.phone ? { phone: reveal(doc.phone) } : {}),
    privacyAcknowledged: doc?.privacyNoticeVersion === PRIVACY_NOTICE_VERSION,
    consentsAsked: Boolean(doc?.consentsAskedAt),
    consents,
  };
}

/** Contact details typed in the booking flow. */
export interface BookingDetails {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

/**
 * Saves the details and choices a customer confirmed in the booking flow: names and contact
 * details (encrypted), the privacy notice acknowledgement and, the first time, marketing choices.
 * Changed fields are audit-logged as changed by the customer: at once, or, given `pending`, added
 * to it for the caller to append with its own entries in one command. Returns the customer's id.
 */
export async function saveBookingDetails(
  telegramId: number,
  details: BookingDetails,
  choices: { privacyAcknowledged: boolean; marketing?: ConsentState },
  now: Date,
  /** The customer's record as the caller just read it, or null for nobody; read here when not given. */
  known?: CustomerRecord | null,
  pending?: AuditInput[],
): Promise<Types.ObjectId> {
  const before = known !== undefined ? known : await findCustomerByTelegram(telegramId);
  const crypto = fieldCrypto();
  const changed: string[] = [];
  if (before?.firstName !== details.firstName) changed.push("firstName");
  if (before?.lastName !== details.lastName) changed.push("lastName");
  if (reveal(before?.email) !== details.email) changed.push("email");
  if (reveal(before?.phone) !== details.phone) changed.push("phone");
  const acknowledging = choices.privacyAcknowledged && before?.privacyNoticeVersion !== PRIVACY_NOTICE_VERSION;

  const identity = telegramIdentity(telegramId);
  const update = {
    $set: {
      firstName: details.firstName,
      lastName: details.lastName,
      lastSeenAt: now,
      ...(changed.includes("email") ? { email: crypto.encrypt(details.email), emailHash: crypto.lookupHash(details.email) } : {}),
      ...(changed.includes("phone") && details.phone ? { phone: crypto.encrypt(details.phone), phoneHash: crypto.lookupHash(details.phone) } : {}),
      ...(acknowledging ? { privacyNoticeVersion: PRIVACY_NOTICE_VERSION, privacyAcknowledgedAt: now } : {}),
      ...(choices.marketing && !before?.consentsAskedAt ? { consentsAskedAt: now } : {}),
    },
    ...(details.phone ? {} : { $unset: { phone: 1, phoneHash: 1 } }),
  };
  // The record just read is written by its `_id` (see findCustomerByTelegram); by identity when
  // there was none, creating it, or when it has gone meanwhile (erased).
  const stored = before?._id && before.identity === identity ? before._id : undefined;
  let id = stored && (await CustomerModel.updateOne({ _id: stored }, update)).matchedCount === 1 ? stored : undefined;
  id ??= (
    await CustomerModel.findOneAndUpdate({ identity }, { ...update, $setOnInsert: { telegramId, language: "fi" } }, { upsert: true, returnDocument: "after" }).lean<{
      _id: Types.ObjectId;
    }>()
  )?._id;
  if (!id) throw new Error("customer upsert returned nothing");
  const audits: AuditInput[] = [];
  if (changed.length > 0) audits.push({ customerId: id, actor: CUSTOMER, action: "change", at: now, extra: { fields: changed } });
  if (choices.marketing && !before?.consentsAskedAt) {
    const consentChanges = await recordMarketingChoices(id, choices.marketing, MARKETING_CONSENT_WORDING_VERSION, "button", now);
    if (consentChanges.length > 0) audits.push({ customerId: id, actor: CUSTOMER, action: "consent", at: now, extra: { fields: consentChanges } });
  }
  if (pending) pending.push(...audits);
  else await recordAudits(audits);
  return id;
}
