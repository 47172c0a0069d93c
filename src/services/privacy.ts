import { eraseWaitlist } from "./waitlist.js";
import { Types } from "mongoose";
import { BookingModel } from "../db/models/booking.js";
import { BroadcastDeliveryModel } from "../db/models/broadcast.js";
import { ConsentRecordModel } from "../db/models/consent.js";
import { ChatModel } from "../db/models/chat.js";
import { CustomerModel, type CustomerFields } from "../db/models/customer.js";
import { DataRequestModel } from "../db/models/data-request.js";
import { PaymentModel } from "../db/models/payment.js";
import { RetentionNoticeModel } from "../db/models/retention-notice.js";
import { SlotClaimModel } from "../db/models/slot-claim.js";
import { TelegramLinkModel } from "../db/models/telegram-link.js";
import { GENDERS, MARKETING_CHANNELS, type Language, type MarketingChannel } from "../domain/enums.js";
import { validateEmail, validateName, validatePhone, type Validated } from "../domain/contact.js";
import { MARKETING_CONSENT_WORDING_VERSION } from "../domain/versions.js";
import { CUSTOMER, recordAudit, type Actor } from "./audit.js";
import { currentMarketingConsents, recordMarketingChoices, type ConsentState } from "./consents.js";
import { setChatLanguage } from "./chats.js";
import { findCustomerByTelegram, reveal } from "./customers.js";
import { buildExport, summarizeExport, type CustomerExport, type ExportSummary } from "./data-export.js";
import { fieldCrypto } from "./field-crypto.js";
import { withLock } from "./locks.js";
import { cancelBooking, type Cancellation } from "./bookings.js";

const DAY = 86_400_000;
/** The notice allows the full list twice a year: two exports in any 12 months are answered at once. */
export const EXPORTS_PER_YEAR = 2;
export const REQUEST_DUE_DAYS = 30;

// --- Marketing consent (P3, P4) ------------------------------------------------------------

/** The customer's current marketing consents, derived from the ledger. */
export async function marketingState(telegramId: number): Promise<ConsentState> {
  const customer = await findCustomerByTelegram(telegramId);
  return customer ? currentMarketingConsents(customer._id) : { telegram: false, email: false, sms: false };
}

/** Grants or withdraws marketing consent on one channel; returns the new state. */
export async function setMarketingConsent(
  telegramId: number,
  channel: MarketingChannel,
  granted: boolean,
  method: "button" | "command",
  now: Date,
): Promise<ConsentState> {
  const customer = await findCustomerByTelegram(telegramId);
  if (!customer) return { telegram: false, email: false, sms: false };
  const current = await currentMarketingConsents(customer._id);
  const wanted = { ...current, [channel]: granted };
  const changed = await recordMarketingChoices(customer._id, wanted, MARKETING_CONSENT_WORDING_VERSION, method, now);
  if (changed.length > 0) await recordAudit(customer._id, CUSTOMER, "consent", now, { fields: changed });
  return wanted;
}

/** Withdraws every marketing consent at once (P4); returns the channels that were withdrawn. */
export async function withdrawAllMarketing(telegramId: number, method: "button" | "command", now: Date): Promise<MarketingChannel[]> {
  const customer = await findCustomerByTelegram(telegramId);
  if (!customer) return [];
  return withdrawAllFor(customer._id, method, CUSTOMER, now);
}

/**
 * Withdraws every marketing consent of a customer, by whoever acted: the customer, or the
 * practitioner recording a refusal the customer sent by email (the notice promises that route).
 */
export async function withdrawAllFor(
  customerId: Types.ObjectId,
  method: "button" | "command" | "admin",
  actor: Actor,
  now: Date,
): Promise<MarketingChannel[]> {
  const none: ConsentState = { telegram: false, email: false, sms: false };
  const changed = await recordMarketingChoices(customerId, none, MARKETING_CONSENT_WORDING_VERSION, method, now);
  if (changed.length > 0) await recordAudit(customerId, actor, "consent", now, { fields: changed });
  return changed;
}

/**
 * Whether a marketing message may be sent to this customer on this channel right now: by their
 * Telegram id, or by their record's id when the caller has it (a broadcast's recipient), which
 * spares a lookup by Telegram id (on FerretDB's SQLite backend a read of every customer).
 */
export async function mayMarket(who: number | { customerId: string }, channel: MarketingChannel): Promise<boolean> {
  if (typeof who === "number") return (await marketingState(who))[channel];
  if (!Types.ObjectId.isValid(who.customerId)) return false;
  return (await currentMarketingConsents(new Types.ObjectId(who.customerId)))[channel];
}

// --- Profile (P6, P13) ---------------------------------------------------------------------

export type Gender = (typeof GENDERS)[number];

/** What the customer sees and can correct in /profile. Plain data. */
export interface ProfileView {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  address?: string;
  gender?: Gender;
  birthYear?: number;
  language: Language;
}

export const PROFILE_FIELDS = ["firstName", "lastName", "email", "phone", "address", "gender", "birthYear"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
/** Fields a customer may clear; name and email are needed for bookings once given. */
export const OPTIONAL_FIELDS: readonly ProfileField[] = ["phone", "address", "gender", "birthYear"];

/** The customer's profile, decrypted. */
export async function profile(telegramId: number): Promise<ProfileView | undefined> {
  const c = await findCustomerByTelegram(telegramId);
  return c ? toProfileView(c) : undefined;
}

/** A stored customer's profile with contact details decrypted. */
export function toProfileView(c: CustomerFields): ProfileView {
  return {
    ...(c.firstName ? { firstName: c.firstName } : {}),
    ...(c.lastName ? { lastName: c.lastName } : {}),
    ...(c.email ? { email: reveal(c.email) } : {}),
    ...(c.phone ? { phone: reveal(c.phone) } : {}),
    ...(c.address ? { address: reveal(c.address) } : {}),
    ...(c.gender ? { gender: c.gender } : {}),
    ...(c.birthYear ? { birthYear: c.birthYear } : {}),
    language: c.language,
  };
}

/** Validates a typed value for a profile field; returns the stored form's plaintext. */
export function validateProfileValue(field: ProfileField, raw: string, thisYear: number): Validated<string | number> {
  switch (field) {
    case "firstName":
    case "lastName":
      return validateName(raw);
    case "email":
      return validateEmail(raw);
    case "phone":
      return validatePhone(raw);
    case "address": {
      const value = raw.replace(/\s+/g, " ").trim();
      if (!value) return { ok: false, reason: "empty" };
      if (value.length > 200) return { ok: false, reason: "too-long" };
      return { ok: true, value };
    }
    case "birthYear": {
      const value = raw.trim();
      if (!value) return { ok: false, reason: "empty" };
      const year = Number(value);
      if (!/^\d{4}$/.test(value) || year < 1900 || year > thisYear) return { ok: false, reason: "invalid" };
      return { ok: true, value: year };
    }
    case "gender": {
      const value = raw.trim();
      return (GENDERS as readonly string[]).includes(value) ? { ok: true, value } : { ok: false, reason: "invalid" };
    }
  }
}

/**
 * Sets (or, with `undefined`, clears) one profile field, encrypting contact details; the change
 * is audit-logged with its actor. The value must have passed validateProfileValue.
 */
export async function updateProfileField(
  telegramId: number,
  field: ProfileField,
  value: string | number | undefined,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  const customer = await findCustomerByTelegram(telegramId);
  if (!customer) return false;
  if (value === undefined && !OPTIONAL_FIELDS.includes(field)) return false;
  const crypto = fieldCrypto();
  let update: Record<string, unknown>;
  if (value === undefined) {
    const unset: Record<string, 1> = { [field]: 1 };
    if (field === "phone") unset.phoneHash = 1;
    update = { $unset: unset };
  } else if (field === "email" || field === "phone") {
    update = { $set: { [field]: crypto.encrypt(String(value)), [`${field}Hash`]: crypto.lookupHash(String(value)) } };
  } else if (field === "address") {
    update = { $set: { address: crypto.encrypt(String(value)) } };
  } else {
    update = { $set: { [field]: value } };
  }
  await withLock(`customer:${customer._id.toHexString()}`, () => CustomerModel.updateOne({ _id: customer._id }, update));
  await recordAudit(customer._id, actor, "change", now, { fields: [field] });
  return true;
}

/** Changes the customer's language, audit-logged like any profile change. */
export async function updateLanguage(telegramId: number, language: Language, now: Date): Promise<void> {
  const customer = await findCustomerByTelegram(telegramId);
  if (!customer || customer.language === language) return;
  await withLock(`customer:${customer._id.toHexString()}`, () => CustomerModel.updateOne({ _id: customer._id }, { $set: { language } }));
  await setChatLanguage(telegramId, language);
  await recordAudit(customer._id, CUSTOMER, "change", now, { fields: ["language"] });
}

// --- Access and portability (P5) -----------------------------------------------------------

export type ExportResult =
  | { status: "answered"; data: CustomerExport; summary: ExportSummary }
  /** Recorded now for the practitioner (A7), who was not told yet: tell them. */
  | { status: "pending"; dueAt: number }
  /** An earlier request still waits for the practitioner; nothing new was recorded. */
  | { status: "already-pending"; dueAt: number }
  | { status: "unknown" };

/**
 * Answers a /mydata request (P5). The first two in any twelve months are answered at once: the
 * export is handed to `deliver`, and the request is recorded as answered (and audit-logged) only
 * once `deliver` returned, so a failed send uses up nothing and the customer may simply ask
 * again; a request still waiting for the practitioner is answered by the same file. Beyond two,
 * one request is recorded as pending, due in 30 days, for the practitioner (A7); while it waits,
 * asking again records nothing and returns its due date. Runs under the customer's
 * "data-request" lock, so two requests at once (a double tap, two processes) cannot both decide;
 * the practitioner's answer takes the same lock.
 */
export async function requestExport(
  telegramId: number,
  now: Date,
  deliver: (data: CustomerExport) => Promise<void>,
): Promise<ExportResult> {
  const customer = await findCustomerByTelegram(telegramId);
  if (!customer) return { status: "unknown" };
  return withLock(dataRequestLock(customer._id), async (): Promise<ExportResult> => {
    const yearAgo = new Date(now.getTime() - 365 * DAY);
    const answered = await DataRequestModel.countDocuments({
      customerId: customer._id,
      kind: "access",
      status: "answered",
      requestedAt: { $gt: yearAgo },
    });
    const waiting = await DataRequestModel.find({ customerId: customer._id, kind: "access", status: "pending" }).sort({ dueAt: 1 }).lean();
    const dueAt = new Date(now.getTime() + REQUEST_DUE_DAYS * DAY);
    if (answered >= EXPORTS_PER_YEAR) {
      if (waiting[0]) return { status: "already-pending", dueAt: waiting[0].dueAt.getTime() };
      const request = await DataRequestModel.create({ customerId: customer._id, kind: "access", status: "pending", requestedAt: now, dueAt });
      await recordAudit(customer._id, CUSTOMER, "data-request", now, { subjectId: request._id });
      return { status: "pending", dueAt: dueAt.getTime() };
    }
    const data = await buildExport(customer, now);
    await deliver(data);
    const request = await DataRequestModel.create({
      customerId: customer._id,
      kind: "access",
      status: "answered",
      requestedAt: now,
      dueAt,
      answeredAt: now,
    });
    await recordAudit(customer._id, CUSTOMER, "export", now, { subjectId: request._id });
    for (const w of waiting) {
      await DataRequestModel.updateOne({ _id: w._id }, { $set: { status: "answered", answeredAt: now } });
      await recordAudit(customer._id, CUSTOMER, "export", now, { subjectId: w._id });
    }
    return { status: "answered", data, summary: summarizeExport(data) };
  });
}

/** The lock under which a customer's access requests are decided and answered. */
export function dataRequestLock(customerId: Types.ObjectId): string {
  return `data-request:${customerId.toHexString()}`;
}

// --- Erasure (P7) --------------------------------------------------------------------------

export interface ErasureResult {
  /** Future bookings that were cancelled, for telling the practitioner. */
  cancelled: Cancellation[];
  /** Payment records kept (stripped of personal details) because accounting law requires them. */
  keptPayments: number;
}

/**
 * Erases a customer (P7): cancels their future bookings, deletes their profile, consents,
 * bookings, chat state and Telegram links; payment records stay (accounting law: six years from
 * the end of the financial year) without the name or the link to the person. Audit entries and request records
 * stay, naming only the now meaningless customer id, as proof of what was done.
 */
export async function eraseCustomer(customerId: Types.ObjectId, actor: Actor, now: Date): Promise<ErasureResult> {
  const customer = await CustomerModel.findById(customerId).lean();
  if (!customer) return { cancelled: [], keptPayments: 0 };
  // Cancelled like any other cancellation (same lock, claims and audit entry), before the
  // bookings go: the audit entries stay, as the erasure's own does.
  const future = await BookingModel.find({ customerId, status: "confirmed", start: { $gt: now } }, { _id: 1 }).lean();
  const cancelled: Cancellation[] = [];
  for (const b of future) {
    const outcome = await cancelBooking(b._id, { kind: "erasure", by: actor }, now);
    if (outcome.ok) cancelled.push(outcome.cancellation);
  }
  // A payment carries its receipt's own copy of the service, amount and VAT, so it stands alone
  // once the name and the link to the person are gone; the bookings themselves can go.
  const keptPayments = await PaymentModel.countDocuments({ customerId });
  await PaymentModel.updateMany({ customerId }, { $unset: { customerId: 1, customerName: 1 } });
  const bookingIds = (await BookingModel.find({ customerId }, { _id: 1 }).lean()).map((b) => b._id);
  await SlotClaimModel.deleteMany({ bookingId: { $in: bookingIds } });
  await BookingModel.deleteMany({ customerId });
  await ConsentRecordModel.deleteMany({ customerId });
  await BroadcastDeliveryModel.deleteMany({ _id: { $regex: `:${customerId.toHexString()}$` } });
  await RetentionNoticeModel.deleteOne({ _id: customerId });
  await eraseWaitlist(customerId);
  if (typeof customer.telegramId === "number") await ChatModel.deleteMany({ _id: String(customer.telegramId) });
  await TelegramLinkModel.deleteMany({ customerId });
  await CustomerModel.deleteOne({ _id: customerId });
  await DataRequestModel.create({ customerId, kind: "erasure", status: "answered", requestedAt: now, dueAt: now, answeredAt: now });
  await recordAudit(customerId, actor, "erase", now);
  return { cancelled, keptPayments };
}

/** Erasure on the customer's own request (/deleteme). */
export async function eraseByTelegramId(telegramId: number, now: Date): Promise<ErasureResult | undefined> {
  const customer = await findCustomerByTelegram(telegramId);
  if (!customer) return undefined;
  return eraseCustomer(customer._id, CUSTOMER, now);
}

export { MARKETING_CHANNELS };
