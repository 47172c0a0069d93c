import { eraseWaitlist, purgeWaitlist } from "./waitlist.js";
import type { Projected } from "../db/models/projected.js";
import { WaitlistEntryModel } from "../db/models/waitlist.js";
import { DateTime } from "luxon";
import type { Types } from "mongoose";
import type { RetentionRules } from "../config.js";
import type { Language } from "../domain/enums.js";
import { AuditEntryModel } from "../db/models/audit.js";
import { CalendarFeedFetchModel } from "../db/models/calendar-feed.js";
import { isDuplicateKey } from "../db/errors.js";
import { BookingModel } from "../db/models/booking.js";
import { ConsentRecordModel } from "../db/models/consent.js";
import { ChatModel } from "../db/models/chat.js";
import { CustomerModel, type CustomerFields } from "../db/models/customer.js";
import { DataRequestModel } from "../db/models/data-request.js";
import { LockModel } from "../db/models/lock.js";
import { PaymentModel } from "../db/models/payment.js";
import { RetentionNoticeModel } from "../db/models/retention-notice.js";
import { SlotClaimModel } from "../db/models/slot-claim.js";
import { TelegramLinkModel } from "../db/models/telegram-link.js";
import { recordAudit, SYSTEM } from "./audit.js";
import { purgeTechnical } from "./technical.js";
import { eraseCustomer, type ErasureResult } from "./privacy.js";

const DAY = 86_400_000;

/** An inactive customer to ask. Plain data. */
export interface InactiveCustomer {
  customerId: string;
  /** Absent for a customer the practice created who never linked Telegram: nobody can be asked. */
  telegramId?: number;
  /** Shown to the practitioner when the customer cannot be asked. */
  name: string;
  language: Language;
}

function inactivityCutoff(rules: RetentionRules, now: Date): Date {
  return DateTime.fromJSDate(now).minus({ years: rules.inactiveYears }).toJSDate();
}

/**
 * Whether the customer had a visit (a standing booking) since `cutoff`, or has one ahead. The
 * last interaction alone does not tell: a customer the practice books by phone never uses the bot.
 */
async function visitedSince(customerId: Types.ObjectId, cutoff: Date): Promise<boolean> {
  return Boolean(await BookingModel.exists({ customerId, status: "confirmed", start: { $gt: cutoff } }));
}

/**
 * Finds customers inactive for `inactiveYears` (no interaction with the bot and no visit in that
 * time, none ahead) who have not been asked yet, and records the question for each. The record is
 * a unique insert, so with several processes each customer is asked once.
 */
export async function claimInactiveCustomers(rules: RetentionRules, now: Date, limit = 200): Promise<InactiveCustomer[]> {
  const cutoff = inactivityCutoff(rules, now);
  // Read through rather than the first `limit`: customers the practice books by phone keep an old
  // last interaction however often they visit, and would otherwise fill every round's page.
  const candidates = CustomerModel.find(
    { lastSeenAt: { $lt: cutoff } },
    { _id: 1, telegramId: 1, firstName: 1, lastName: 1, language: 1, lastSeenAt: 1 },
  )
    .sort({ lastSeenAt: 1 })
    .lean<Array<CustomerFields & { _id: Types.ObjectId }>>()
    .cursor();
  const claimed: InactiveCustomer[] = [];
  for await (const c of candidates) {
    if (claimed.length >= limit) break;
    if (await visitedSince(c._id, cutoff)) continue;
    // Kept within the period (the practitioner answered for a customer not on Telegram, who has no
    // interaction to show for it): asked again only after another full period.
    const earlier = await RetentionNoticeModel.findById(c._id, { answeredAt: 1 }).lean();
    if (earlier?.answeredAt && earlier.answeredAt > cutoff) continue;
    // A question from an earlier period of inactivity, answered or answered by coming back, is spent.
    await RetentionNoticeModel.deleteOne({ _id: c._id, $or: [{ warnedAt: { $lt: c.lastSeenAt } }, { answeredAt: { $exists: true } }] });
    try {
      await RetentionNoticeModel.create({ _id: c._id, warnedAt: now });
    } catch (error) {
      if (isDuplicateKey(error)) continue; // already asked
      throw error;
    }
    await recordAudit(c._id, SYSTEM, "retention-warning", now);
    claimed.push({
      customerId: c._id.toHexString(),
      ...(typeof c.telegramId === "number" ? { telegramId: c.telegramId } : {}),
      name: [c.firstName, c.lastName].filter(Boolean).join(" "),
      language: c.language,
    });
  }
  return claimed;
}

/**
 * The customer wants their data kept (the "keep my data" button), or used the bot again: the
 * question is marked answered (the export shows when), and the customer is not erased for it.
 * Returns whether an unanswered question was waiting.
 */
export async function keepCustomerData(customerId: Types.ObjectId | string, now: Date): Promise<boolean> {
  const result = await RetentionNoticeModel.updateOne({ _id: customerId, answeredAt: { $exists: false } }, { $set: { answeredAt: now } });
  return result.modifiedCount > 0;
}

/**
 * Erases customers who were asked more than `answerDays` ago and have neither used the bot nor
 * been booked since. Returns what each erasure did, for telling the practitioner about cancelled
 * bookings.
 */
export async function eraseUnanswered(rules: RetentionRules, now: Date): Promise<ErasureResult[]> {
  const deadline = new Date(now.getTime() - rules.answerDays * DAY);
  const cutoff = inactivityCutoff(rules, now);
  const notices = await RetentionNoticeModel.find({ warnedAt: { $lt: deadline }, answeredAt: { $exists: false } }).lean();
  const results: ErasureResult[] = [];
  for (const notice of notices) {
    const customer = await CustomerModel.findById(notice._id, { lastSeenAt: 1 }).lean();
    if (!customer) {
      await RetentionNoticeModel.deleteOne({ _id: notice._id });
      continue;
    }
    if (customer.lastSeenAt > notice.warnedAt) {
      await keepCustomerData(notice._id, customer.lastSeenAt); // they came back: the relationship continues
      continue;
    }
    if (await visitedSince(notice._id, cutoff)) {
      await keepCustomerData(notice._id, now); // booked again (by phone, say): the relationship continues
      continue;
    }
    results.push(await eraseCustomer(notice._id, SYSTEM, now));
  }
  return results;
}

/** Profile fields only a customer fills in (in the booking flow or /profile). */
const DETAIL_FIELDS = ["firstName", "lastName", "email", "phone", "address", "gender", "birthYear"] as const;

/** Whether anything beyond the bare record ties this person to the practice. */
async function hasCustomerRelationship(customerId: Types.ObjectId): Promise<boolean> {
  const found = await Promise.all([
    BookingModel.exists({ customerId }),
    ConsentRecordModel.exists({ customerId }), // marketing messages need a consent, so this covers them too
    DataRequestModel.exists({ customerId }),
    PaymentModel.exists({ customerId }),
    RetentionNoticeModel.exists({ _id: customerId }),
    // Waiting for a time is their own request; the entry is dropped after its last day (purgeWaitlist).
    WaitlistEntryModel.exists({ customerId }),
  ]);
  return found.some(Boolean);
}

/**
 * Whether a customer record is only that of someone who looked (see forgetPassersBy): no details
 * given and nothing else tying them to the practice.
 */
export async function isPasserBy(customer: CustomerFields & { _id: Types.ObjectId }): Promise<boolean> {
  if (DETAIL_FIELDS.some((field) => customer[field] !== undefined && customer[field] !== null)) return false;
  return !(await hasCustomerRelationship(customer._id));
}

/**
 * Forgets people who only looked (/start, /privacy, /help, /language) and never booked, gave
 * details, consented, paid or made a request (a waitlist entry still waiting is one). Their record (Telegram id, language, last
 * interaction) serves no booking and no customer relationship, so it goes once the last
 * interaction is `technicalDays` old instead of waiting out the years kept for customers.
 * Acknowledging the privacy notice alone is no relationship. Someone in the middle of a first
 * booking has just interacted, so is not touched; one who returns later simply starts afresh.
 * `keepTelegramIds` (the practitioners) keep their language setting however long they are away.
 * Returns how many were forgotten.
 */
export async function forgetPassersBy(rules: RetentionRules, now: Date, keepTelegramIds: readonly number[] = [], limit = 500): Promise<number> {
  const cutoff = new Date(now.getTime() - rules.technicalDays * DAY);
  const bare = Object.fromEntries(DETAIL_FIELDS.map((field) => [field, { $exists: false }]));
  const candidates = await CustomerModel.find({ lastSeenAt: { $lt: cutoff }, telegramId: { $nin: [...keepTelegramIds] }, ...bare }, { _id: 1, telegramId: 1 })
    .sort({ lastSeenAt: 1 })
    .limit(limit)
    .lean<Array<Projected<CustomerFields, "telegramId">>>();
  let forgotten = 0;
  for (const c of candidates) {
    if (await hasCustomerRelationship(c._id)) continue;
    // Conditional on the last interaction, so someone who came back meanwhile stays.
    const removed = await CustomerModel.deleteOne({ _id: c._id, lastSeenAt: { $lt: cutoff } });
    if (removed.deletedCount === 0) continue;
    if (typeof c.telegramId === "number") await ChatModel.deleteOne({ _id: String(c.telegramId) });
    // Offers sent for an entry that has ended stay until their time; they go with the person.
    await eraseWaitlist(c._id);
    await recordAudit(c._id, SYSTEM, "erase", now);
    forgotten++;
  }
  return forgotten;
}

/**
 * Deletes what has outlived its retention period: technical records (abandoned conversation
 * states, stale locks, claims of past time), the records of people who never became customers
 * (forgetPassersBy), audit entries, calendar feed fetches and request records past `auditDays`, and payment records
 * past the accounting period.
 */
export async function purgeExpired(
  rules: RetentionRules,
  now: Date,
  options: { keepTelegramIds?: readonly number[] } = {},
): Promise<Record<string, number>> {
  const technical = new Date(now.getTime() - rules.technicalDays * DAY);
  const audit = new Date(now.getTime() - rules.auditDays * DAY);
  // A payment of year Y is kept until the end of year Y + paymentYears.
  const paymentCutoff = new Date(Date.UTC(now.getUTCFullYear() - rules.paymentYears, 0, 1));
  const [conversations, locks, audits, feedFetches, requests, payments, claims, links] = await Promise.all([
    ChatModel.deleteMany({ updatedAt: { $lt: technical } }),
    LockModel.deleteMany({ at: { $lt: new Date(now.getTime() - DAY) } }),
    AuditEntryModel.deleteMany({ at: { $lt: audit } }),
    // The calendar feed's fetches are the audit record of what it showed (calendar-feed.ts).
    CalendarFeedFetchModel.deleteMany({ at: { $lt: audit } }),
    DataRequestModel.deleteMany({ requestedAt: { $lt: audit }, status: "answered" }),
    PaymentModel.deleteMany({ paidAt: { $lt: paymentCutoff } }),
    // Claims of time long past protect nothing.
    SlotClaimModel.deleteMany({ _id: { $lt: new Date(now.getTime() - rules.technicalDays * DAY) } }),
    // Telegram links some days after they expired, used or not (a used one answers "already used" until then).
    TelegramLinkModel.deleteMany({ expiresAt: { $lt: technical } }),
  ]);
  const technical2 = await purgeTechnical(now, rules.accessLogDays);
  const waitlist = await purgeWaitlist(now);
  const passersBy = await forgetPassersBy(rules, now, options.keepTelegramIds);
  return {
    ...technical2,
    ...waitlist,
    passersBy,
    conversations: conversations.deletedCount,
    locks: locks.deletedCount,
    auditEntries: audits.deletedCount,
    calendarFeedFetches: feedFetches.deletedCount,
    dataRequests: requests.deletedCount,
    payments: payments.deletedCount,
    slotClaims: claims.deletedCount,
    telegramLinks: links.deletedCount,
  };
}
