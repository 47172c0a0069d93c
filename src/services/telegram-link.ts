import { createHash, randomBytes } from "node:crypto";
import { Types } from "mongoose";
import type { BookingRules } from "../config.js";
import { BookingModel } from "../db/models/booking.js";
import { bindChat } from "./chats.js";
import { CustomerModel, telegramIdentity, type CustomerFields } from "../db/models/customer.js";
import { isDuplicateKey } from "../db/errors.js";
import { TelegramLinkModel } from "../db/models/telegram-link.js";
import type { Language } from "../domain/enums.js";
import { CUSTOMER, recordAudit, SYSTEM } from "./audit.js";
import { bookingLock } from "./bookings.js";
import { withLock } from "./locks.js";
import { isPasserBy } from "./retention.js";
import { reminderDueAt } from "./slots.js";

/*
 * Linking a customer the practice created to Telegram (A11), only through a one-time link the
 * practitioner makes and sends them: `t.me/<bot>?start=<token>`. Never by a typed email or phone
 * number, which would hand someone else's history to whoever types it. See docs/architecture.md,
 * "Customers without Telegram".
 */

const DAY = 86_400_000;
/** `link_` and 32 random bytes in base64url: 48 characters of Telegram's start-parameter alphabet [A-Za-z0-9_-] (at most 64). */
const TOKEN = /^link_[A-Za-z0-9_-]{43}$/;

/** Whether a /start parameter is one of our link tokens (anything else is not looked up). */
export function isLinkToken(payload: string): boolean {
  return TOKEN.test(payload);
}

/** What is stored of a token: its SHA-256 (256 random bits need no key or salt). */
function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function nameOf(c: Pick<CustomerFields, "firstName" | "lastName">): string {
  return [c.firstName, c.lastName].filter(Boolean).join(" ");
}

/** The lock under which a customer's links are made and used, so two openings of one link link once. */
function customerLock(customerId: Types.ObjectId): string {
  return `customer:${customerId.toHexString()}`;
}

export type CreateLinkResult =
  | { status: "created"; token: string; expiresAt: number; name: string }
  | { status: "already-linked"; name: string }
  | { status: "not-found" };

/**
 * Makes a one-time link token for a customer not yet on Telegram, valid for `validDays`. Only
 * its hash is stored; a new link replaces the customer's earlier unused ones (so one sent to a
 * wrong number can be revoked by making another). Audit-logged as made by the practitioner.
 */
export async function createTelegramLink(adminId: number, customerId: string, now: Date, validDays: number): Promise<CreateLinkResult> {
  if (!Types.ObjectId.isValid(customerId)) return { status: "not-found" };
  const id = new Types.ObjectId(customerId);
  return withLock(customerLock(id), async (): Promise<CreateLinkResult> => {
    const customer = await CustomerModel.findById(id, { firstName: 1, lastName: 1, telegramId: 1 }).lean();
    if (!customer) return { status: "not-found" };
    if (typeof customer.telegramId === "number") return { status: "already-linked", name: nameOf(customer) };
    const token = `link_${randomBytes(32).toString("base64url")}`;
    const expiresAt = new Date(now.getTime() + validDays * DAY);
    await TelegramLinkModel.deleteMany({ customerId: id, usedAt: { $exists: false } });
    await TelegramLinkModel.create({ _id: tokenHash(token), customerId: id, createdBy: adminId, createdAt: now, expiresAt });
    await recordAudit(id, { kind: "admin", telegramId: adminId }, "telegram-link-created", now);
    return { status: "created", token, expiresAt: expiresAt.getTime(), name: nameOf(customer) };
  });
}

/** Why a link was not used; each is audit-logged on the customer it was made for. */
export type LinkRefusal = "expired" | "used" | "customer-linked-elsewhere" | "has-own-record";

export type LinkOutcome =
  /** Linked now: the Telegram account is this customer's from here on. */
  | { status: "linked"; customerId: string; language: Language; name: string; createdBy: number }
  /** This account was linked to this customer before (the link opened again): nothing to do. */
  | { status: "already-linked"; customerId: string; language: Language }
  /** Not a link we made (forged, mistyped, or deleted with its customer or after it expired). */
  | { status: "invalid" }
  | { status: LinkRefusal; name: string; createdBy: number; ownName?: string };

/**
 * Links the Telegram account that opened a link to the customer it was made for (A11), once.
 * Under the customer's lock (two accounts opening one link at once: one wins), in this order:
 *
 * - the same account linked before: "already-linked", nothing changes (a repeated /start is harmless);
 * - the link was used, has expired, or the customer is linked to another account: refused;
 * - the account already has a customer record of its own with any history (bookings, details,
 *   consents, payments, requests): refused, "has-own-record". Merging two people's records
 *   cannot be undone, and the one who opened a link may not be the person it was meant for; the
 *   practitioner is told and goes on with the chat record (or erases the one she made);
 * - otherwise the account's bare record (the bot makes one for everybody who writes to it) is
 *   replaced by the customer: its language and privacy acknowledgement carry over, the customer's
 *   future bookings get their reminders, and the link is marked used.
 *
 * Every outcome but a repeat or an unknown link is audit-logged on the customer.
 */
export async function redeemTelegramLink(token: string, telegramId: number, now: Date, rules: BookingRules): Promise<LinkOutcome> {
  if (!isLinkToken(token)) return { status: "invalid" };
  const hash = tokenHash(token);
  const found = await TelegramLinkModel.findById(hash, { customerId: 1 }).lean();
  if (!found) return { status: "invalid" };
  return withLock(customerLock(found.customerId), async (): Promise<LinkOutcome> => {
    const link = await TelegramLinkModel.findById(hash).lean();
    const customer = link ? await CustomerModel.findById(link.customerId).lean<CustomerFields & { _id: Types.ObjectId }>() : null;
    if (!link || !customer) return { status: "invalid" };
    const name = nameOf(customer);
    if (customer.telegramId === telegramId) return { status: "already-linked", customerId: customer._id.toHexString(), language: customer.language };
    const refuse = async (reason: LinkRefusal, ownName?: string): Promise<LinkOutcome> => {
      await recordAudit(customer._id, SYSTEM, "telegram-link-refused", now, { fields: [reason] });
      return { status: reason, name, createdBy: link.createdBy, ...(ownName ? { ownName } : {}) };
    };
    if (link.usedAt) return refuse("used");
    if (link.expiresAt.getTime() <= now.getTime()) return refuse("expired");
    if (typeof customer.telegramId === "number") return refuse("customer-linked-elsewhere");

    // The account's own record, if any, must be bare; a process that recreated it meanwhile
    // (the person wrote again) makes the link's write fail on the unique identity: look again.
    for (let attempt = 0; ; attempt++) {
      const own = await CustomerModel.findOne({ identity: telegramIdentity(telegramId) }).lean<CustomerFields & { _id: Types.ObjectId }>();
      if (own && !(await isPasserBy(own))) return refuse("has-own-record", nameOf(own) || undefined);
      if (own) await CustomerModel.deleteOne({ _id: own._id });
      try {
        await CustomerModel.updateOne(
          { _id: customer._id },
          {
            $set: {
              identity: telegramIdentity(telegramId),
              telegramId,
              lastSeenAt: now,
              ...(own ? { language: own.language } : {}),
              ...(own?.privacyNoticeVersion && own.privacyAcknowledgedAt
                ? { privacyNoticeVersion: own.privacyNoticeVersion, privacyAcknowledgedAt: own.privacyAcknowledgedAt }
                : {}),
            },
          },
        );
        break;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= 2) throw error;
      }
    }
    await TelegramLinkModel.updateOne({ _id: hash }, { $set: { usedAt: now, usedBy: telegramId } });
    await TelegramLinkModel.deleteMany({ customerId: customer._id, usedAt: { $exists: false } });
    await scheduleReminders(customer._id, rules, now);
    await recordAudit(customer._id, CUSTOMER, "telegram-linked", now);
    const linked = await CustomerModel.findById(customer._id, { language: 1 }).lean();
    // The chat's record named the bare record: from the next update on, the linked customer.
    await bindChat(telegramId, customer._id, linked?.language ?? customer.language);
    return { status: "linked", customerId: customer._id.toHexString(), language: linked?.language ?? customer.language, name, createdBy: link.createdBy };
  });
}

/** Gives a newly linked customer's future bookings the reminders they did not get while unlinked. */
async function scheduleReminders(customerId: Types.ObjectId, rules: BookingRules, now: Date): Promise<void> {
  const ahead = await BookingModel.find(
    { customerId, status: "confirmed", start: { $gt: now }, reminderSentAt: { $exists: false } },
    { _id: 1, start: 1 },
  ).lean();
  for (const b of ahead) {
    const due = reminderDueAt(rules, b.start.getTime(), now.getTime());
    if (!due) continue;
    await withLock(bookingLock(b._id), () =>
      BookingModel.updateOne({ _id: b._id, status: "confirmed", start: b.start }, { $set: { reminderDueAt: due } }),
    );
  }
}
