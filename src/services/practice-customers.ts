import { Types } from "mongoose";
import { isDuplicateKey } from "../db/errors.js";
import { CustomerModel, practiceIdentity, type CustomerFields } from "../db/models/customer.js";
import { DataRequestModel } from "../db/models/data-request.js";
import { validateEmail, validateName, validatePhone, type InvalidReason } from "../domain/contact.js";
import type { Language } from "../domain/enums.js";
import { recordAudit, type Actor } from "./audit.js";
import { buildExport, type CustomerExport } from "./data-export.js";
import { fieldCrypto } from "./field-crypto.js";
import { withLock } from "./locks.js";
import { dataRequestLock, eraseCustomer, REQUEST_DUE_DAYS, type ErasureResult } from "./privacy.js";
import { keepCustomerData } from "./retention.js";

/*
 * Customers the practitioner looks after herself (A10): created for a phone or walk-in booking,
 * with a name and optionally a phone number and email, and no Telegram account until they open a
 * link she sends (telegram-link.ts). Their data is covered like a chat customer's: she hands them
 * their export and erases them on request (they cannot use /mydata or /deleteme), and retention
 * asks her about them (retention.ts). Every action here is audit-logged with her id.
 */

const DAY = 86_400_000;
const admin = (telegramId: number): Actor => ({ kind: "admin", telegramId });
type CustomerLean = CustomerFields & { _id: Types.ObjectId };

/** What the practitioner types for a new customer. */
export interface NewCustomerInput {
  firstName: string;
  lastName: string;
  phone?: string;
  email?: string;
  /** The customer's language for anything the bot sends them later; the practice's default otherwise. */
  language?: Language;
}

/** Another customer with the same phone number or email. Plain data. */
export interface CustomerMatch {
  customerId: string;
  name: string;
  onTelegram: boolean;
}

export type CreateCustomerResult =
  | { ok: true; customerId: string }
  /** A typed value was refused: which, and why (the same reasons as the booking flow's). */
  | { ok: false; reason: "invalid"; field: "firstName" | "lastName" | "phone" | "email"; problem: InvalidReason }
  /** Someone already has this phone number or email (audit-logged as viewed); `allowDuplicate` creates anyway. */
  | { ok: false; reason: "duplicate"; matches: CustomerMatch[] };

/**
 * Creates a customer without Telegram (A10) from what the practitioner typed: names validated
 * like the booking flow's, phone normalised to E.164, email checked; contact details encrypted
 * with their lookup hashes, so /customer finds them by phone or email like anyone else. A phone
 * number or email another customer already has is reported first (a family may share one:
 * `allowDuplicate` then creates anyway). The customer has no marketing consents and no privacy
 * acknowledgement: the practice informs them itself, and the bot asks before their first booking
 * in the chat. Audit-logged as created by the practitioner.
 *
 * With `customerId` (24 hex digits, fixed before the form was shown, as a booking's id is) the
 * same form submitted again, even at the same moment, creates the customer once: the record's
 * `_id` is that id, its unique insert decides, and a repeat returns the customer already made.
 */
export async function createPhoneCustomer(
  input: NewCustomerInput,
  adminId: number,
  now: Date,
  options: { defaultLanguage: Language; allowDuplicate?: boolean; customerId?: string },
): Promise<CreateCustomerResult> {
  if (options.customerId !== undefined && !/^[0-9a-f]{24}$/.test(options.customerId)) throw new Error("customerId must be 24 hex digits");
  const id = new Types.ObjectId(options.customerId);
  // Made by an earlier submit of the same form: only a customer the practice created has this identity.
  const madeBefore = async () => options.customerId !== undefined && (await CustomerModel.exists({ _id: id, identity: practiceIdentity(id) })) !== null;
  if (await madeBefore()) return { ok: true, customerId: id.toHexString() };
  const firstName = validateName(input.firstName);
  if (!firstName.ok) return { ok: false, reason: "invalid", field: "firstName", problem: firstName.reason };
  const lastName = validateName(input.lastName);
  if (!lastName.ok) return { ok: false, reason: "invalid", field: "lastName", problem: lastName.reason };
  let phone: string | undefined;
  if (input.phone?.trim()) {
    const checked = validatePhone(input.phone);
    if (!checked.ok) return { ok: false, reason: "invalid", field: "phone", problem: checked.reason };
    phone = checked.value;
  }
  let email: string | undefined;
  if (input.email?.trim()) {
    const checked = validateEmail(input.email);
    if (!checked.ok) return { ok: false, reason: "invalid", field: "email", problem: checked.reason };
    email = checked.value;
  }
  const crypto = fieldCrypto();
  const hashes = {
    ...(phone ? { phoneHash: crypto.lookupHash(phone) } : {}),
    ...(email ? { emailHash: crypto.lookupHash(email) } : {}),
  };
  if (!options.allowDuplicate && Object.keys(hashes).length > 0) {
    const same = await CustomerModel.find({ $or: Object.entries(hashes).map(([k, v]) => ({ [k]: v })) }, { firstName: 1, lastName: 1, telegramId: 1 })
      .limit(10)
      .lean();
    // The same form's other submit got there first.
    if (same.some((c) => c._id.equals(id))) return { ok: true, customerId: id.toHexString() };
    if (same.length > 0) {
      for (const c of same) await recordAudit(c._id, admin(adminId), "view", now, { fields: ["firstName", "lastName"] });
      return {
        ok: false,
        reason: "duplicate",
        matches: same.map((c) => ({
          customerId: c._id.toHexString(),
          name: [c.firstName, c.lastName].filter(Boolean).join(" "),
          onTelegram: typeof c.telegramId === "number",
        })),
      };
    }
  }
  try {
    await CustomerModel.create({
      _id: id,
      identity: practiceIdentity(id),
      language: input.language ?? options.defaultLanguage,
      firstName: firstName.value,
      lastName: lastName.value,
      ...(phone ? { phone: crypto.encrypt(phone) } : {}),
      ...(email ? { email: crypto.encrypt(email) } : {}),
      ...hashes,
      lastSeenAt: now,
    });
  } catch (error) {
    // The same form's other submit inserted it (and audit-logs it) at the same moment.
    if (isDuplicateKey(error) && (await madeBefore())) return { ok: true, customerId: id.toHexString() };
    throw error;
  }
  await recordAudit(id, admin(adminId), "customer-created", now, {
    fields: ["firstName", "lastName", ...(phone ? ["phone"] : []), ...(email ? ["email"] : [])],
  });
  return { ok: true, customerId: id.toHexString() };
}

export type PractitionerExport = { status: "delivered"; name: string } | { status: "not-found" };

/**
 * The practitioner answers a customer's access request herself (P5): the customer's full export
 * (the same as /mydata) is handed to `deliver` (the bot sends it to her, to pass on), and only once
 * that returned is it recorded as an answered request, with every request of the customer still
 * waiting, and audit-logged as her export. For a customer without Telegram this is the only way;
 * no yearly limit applies, since she decides. Runs under the customer's data-request lock.
 */
export async function exportForPractitioner(
  adminId: number,
  customerId: string,
  now: Date,
  deliver: (data: CustomerExport, name: string) => Promise<void>,
): Promise<PractitionerExport> {
  if (!Types.ObjectId.isValid(customerId)) return { status: "not-found" };
  const id = new Types.ObjectId(customerId);
  return withLock(dataRequestLock(id), async (): Promise<PractitionerExport> => {
    const customer = await CustomerModel.findById(id).lean<CustomerLean>();
    if (!customer) return { status: "not-found" };
    const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ");
    const data = await buildExport(customer, now);
    await deliver(data, name);
    const request = await DataRequestModel.create({
      customerId: id,
      kind: "access",
      status: "answered",
      requestedAt: now,
      dueAt: new Date(now.getTime() + REQUEST_DUE_DAYS * DAY),
      answeredAt: now,
    });
    await recordAudit(id, admin(adminId), "export", now, { subjectId: request._id });
    const waiting = await DataRequestModel.find({ customerId: id, kind: "access", status: "pending" }, { _id: 1 }).lean();
    for (const w of waiting) {
      await DataRequestModel.updateOne({ _id: w._id }, { $set: { status: "answered", answeredAt: now } });
      await recordAudit(id, admin(adminId), "export", now, { subjectId: w._id });
    }
    return { status: "delivered", name };
  });
}

/**
 * Erases a customer at their request made to the practitioner (P7): the same erasure as
 * /deleteme (future bookings cancelled, payment records kept without the name), audit-logged as
 * hers. Undefined when the customer is gone already.
 */
export async function eraseByPractitioner(adminId: number, customerId: string, now: Date): Promise<ErasureResult | undefined> {
  if (!Types.ObjectId.isValid(customerId)) return undefined;
  const id = new Types.ObjectId(customerId);
  if (!(await CustomerModel.exists({ _id: id }))) return undefined;
  return eraseCustomer(id, admin(adminId), now);
}

/**
 * The practitioner answers the retention question for a customer who cannot answer it in the
 * chat (not on Telegram): keep their data. Audit-logged; false when no question was waiting.
 */
export async function keepByPractitioner(adminId: number, customerId: string, now: Date): Promise<boolean> {
  if (!Types.ObjectId.isValid(customerId)) return false;
  const id = new Types.ObjectId(customerId);
  if (!(await keepCustomerData(id, now))) return false;
  await recordAudit(id, admin(adminId), "change", now, { fields: ["retention"] });
  return true;
}
