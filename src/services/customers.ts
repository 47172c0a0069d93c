import type { Types } from "mongoose";
import { LANGUAGES, type Language } from "../config.js";
import { CustomerModel } from "../db/models/customer.js";
import { PRIVACY_NOTICE_VERSION } from "../domain/versions.js";
import { currentMarketingConsents, type ConsentState } from "./consents.js";

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
 * Records an interaction: creates the customer on first contact (language from Telegram, stored
 * once) and updates the last-interaction time (P13).
 */
export async function touchCustomer(
  telegramId: number,
  telegramLanguage: string | undefined,
  fallback: Language,
  now: Date,
): Promise<CustomerSession> {
  const upsert = () =>
    CustomerModel.findOneAndUpdate(
      { telegramId },
      {
        $set: { lastSeenAt: now },
        $setOnInsert: { language: languageFromTelegram(telegramLanguage, fallback) },
      },
      // No projection: FerretDB 1.24 does not support one on findAndModify.
      { upsert: true, returnDocument: "after" },
    ).lean<{ _id: Types.ObjectId; language: Language }>();
  let doc;
  try {
    doc = await upsert();
  } catch (error) {
    // Two first contacts at once (two processes): the unique telegramId lets one insert; the
    // other finds that customer on its second try.
    if ((error as { code?: number }).code !== 11000) throw error;
    doc = await upsert();
  }
  if (!doc) throw new Error("customer upsert returned nothing");
  return { id: doc._id.toHexString(), language: doc.language };
}

/** The stored language of a Telegram user, if they have talked to the bot. */
export async function languageOf(telegramId: number): Promise<Language | undefined> {
  const doc = await CustomerModel.findOne({ telegramId }, { language: 1 }).lean<{ language: Language }>();
  return doc?.language;
}

/** Stores the customer's chosen language. */
export async function setLanguage(telegramId: number, language: Language): Promise<void> {
  await CustomerModel.updateOne({ telegramId }, { $set: { language } });
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
  const doc = await CustomerModel.findOne({ telegramId }).lean();
  const consents = doc
    ? await currentMarketingConsents(doc._id)
    : { telegram: false, email: false, sms: false };
  return {
    ...(doc?.firstName ? { firstName: doc.firstName } : {}),
    ...(doc?.lastName ? { lastName: doc.lastName } : {}),
    ...(doc?.email ? { email: doc.email } : {}),
    ...(doc?.phone ? { phone: doc.phone } : {}),
    privacyAcknowledged: doc?.privacyNoticeVersion === PRIVACY_NOTICE_VERSION,
    consentsAsked: Boolean(doc?.consentsAskedAt),
    consents,
  };
}
