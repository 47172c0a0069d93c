import { Types } from "mongoose";
import { AuditEntryModel } from "../db/models/audit.js";
import { BookingModel } from "../db/models/booking.js";
import { BroadcastDeliveryModel, BroadcastModel } from "../db/models/broadcast.js";
import { ConsentRecordModel } from "../db/models/consent.js";
import { ChatModel } from "../db/models/chat.js";
import type { CustomerFields } from "../db/models/customer.js";
import { DataRequestModel } from "../db/models/data-request.js";
import { PaymentModel } from "../db/models/payment.js";
import { RetentionNoticeModel } from "../db/models/retention-notice.js";
import { TelegramLinkModel } from "../db/models/telegram-link.js";
import { WaitlistEntryModel, WaitlistOfferModel } from "../db/models/waitlist.js";
import { reveal } from "./customers.js";
import { openState } from "./chats.js";

/** A stored customer as the export reads it. */
export type ExportedCustomer = CustomerFields & { _id: Types.ObjectId; createdAt?: Date; updatedAt?: Date };

/** One stored document as the export shows it: dates as ISO strings, ids as hex strings. */
export type ExportRecord = Record<string, unknown>;

/**
 * Everything stored about a customer (P5): one section per collection that holds facts about a
 * person (see EXPORT_COVERAGE), plus `visits` and `noShows`, the past bookings read two ways.
 */
export interface CustomerExport {
  exportedAt: string;
  profile: ExportRecord;
  bookings: ExportRecord[];
  /** Past standing bookings the customer came to (or that are not marked either way). */
  visits: ExportRecord[];
  /** Past bookings the practitioner marked as missed: not visits. */
  noShows: ExportRecord[];
  payments: ExportRecord[];
  consentHistory: ExportRecord[];
  marketingMessages: ExportRecord[];
  retentionQuestions: ExportRecord[];
  conversationsInProgress: ExportRecord[];
  auditTrail: ExportRecord[];
  dataRequests: ExportRecord[];
  /** Links the practitioner made for connecting the customer's Telegram account (A11). */
  telegramLinks: ExportRecord[];
  /** The customer's requests to be told when a time opens, and the times offered to them (W5). */
  waitlist: ExportRecord[];
  waitlistOffers: ExportRecord[];
}

/** A section filled from one collection, record for document. */
export type ExportSection = Exclude<keyof CustomerExport, "exportedAt" | "visits" | "noShows">;

/** How one stored field reaches the export: under which key (decoded how), or why it does not. */
export type FieldCoverage = { key: string; decode?: (stored: unknown) => unknown } | { omitted: string };

/** How a collection's documents about a person reach their export. */
export interface CollectionCoverage {
  section: ExportSection;
  /** The person's documents in the collection, in the order the export lists them. */
  find(customer: ExportedCustomer): Promise<Array<Record<string, unknown>>>;
  /** Every stored top-level field, `_id` included. */
  fields: Record<string, FieldCoverage>;
  /** The stored field that tells the section's records apart; none when a person has one document at most. */
  matchBy?: string;
}

const as = (key: string): FieldCoverage => ({ key });
const encrypted = (key: string): FieldCoverage => ({ key, decode: (stored) => reveal(stored as string | undefined) });
const thePerson: FieldCoverage = { omitted: "the person the export is about" };

/**
 * Every collection with documents about a person, and how each of their fields reaches the
 * person's export (or, for a few, why not). test/services/data-export.test.ts holds this to the
 * models: a collection that refers to a customer and is not here, or a field not accounted for,
 * fails it. buildExport is driven by this table, so what it declares is what the export holds.
 */
export const EXPORT_COVERAGE: Record<string, CollectionCoverage | { omitted: string }> = {
  customers: {
    section: "profile",
    find: (customer) => Promise.resolve([customer]),
    fields: {
      _id: as("customerId"),
      identity: { omitted: "the Telegram user id above, or for a customer the practice created the customer id, as one unique key" },
      telegramId: as("telegramUserId"),
      language: as("language"),
      firstName: as("firstName"),
      lastName: as("lastName"),
      email: encrypted("email"),
      emailHash: { omitted: "a keyed hash of the email above, for exact lookups; it says nothing the email does not" },
      phone: encrypted("phone"),
      phoneHash: { omitted: "a keyed hash of the phone number above, for exact lookups; it says nothing the number does not" },
      address: encrypted("address"),
      gender: as("gender"),
      birthYear: as("birthYear"),
      privacyNoticeVersion: as("privacyNoticeVersion"),
      privacyAcknowledgedAt: as("privacyNoticeAcknowledgedAt"),
      consentsAskedAt: as("marketingConsentAskedAt"),
      lastSeenAt: as("lastInteraction"),
      createdAt: as("customerSince"),
      updatedAt: as("profileUpdatedAt"),
    },
  },
  bookings: {
    section: "bookings",
    find: (c) => BookingModel.find({ customerId: c._id }).sort({ start: 1, _id: 1 }).lean(),
    matchBy: "_id",
    fields: {
      _id: as("id"),
      ref: as("reference"),
      customerId: thePerson,
      serviceId: { omitted: "the catalogue entry's internal id; the service as booked is exported" },
      service: as("service"),
      start: as("start"),
      end: as("end"),
      bufferEnd: { omitted: "the practitioner's own time kept free after the appointment" },
      status: as("status"),
      cancelledAt: as("cancelledAt"),
      cancelledBy: as("cancelledBy"),
      cancelReason: as("cancelReason"),
      attendance: as("attendance"),
      moveTo: as("moveInProgress"),
      lastMove: as("lastMove"),
      icsSequence: { omitted: "a counter that lets calendar apps tell the newest version of the booking's calendar file" },
      reminderDueAt: as("reminderDueAt"),
      reminderSentAt: as("reminderSentAt"),
      createdAt: as("bookedAt"),
      updatedAt: as("updatedAt"),
    },
  },
  payments: {
    section: "payments",
    find: (c) => PaymentModel.find({ customerId: c._id }).sort({ paidAt: 1, _id: 1 }).lean(),
    matchBy: "_id",
    fields: {
      _id: as("id"),
      bookingId: as("bookingId"),
      customerId: thePerson,
      customerName: as("nameOnReceipt"),
      receiptNumber: as("receiptNumber"),
      amountCents: as("amountCents"),
      method: as("method"),
      serviceName: as("service"),
      vatTreatment: as("vatTreatment"),
      vatRatePercent: as("vatRatePercent"),
      paidAt: as("paidAt"),
    },
  },
  consent_records: {
    section: "consentHistory",
    find: (c) => ConsentRecordModel.find({ customerId: c._id }).sort({ at: 1, _id: 1 }).lean(),
    matchBy: "_id",
    fields: {
      _id: as("id"),
      customerId: thePerson,
      purpose: as("purpose"),
      channel: as("channel"),
      action: as("action"),
      wordingVersion: as("wordingVersion"),
      method: as("method"),
      at: as("at"),
    },
  },
  broadcast_deliveries: {
    section: "marketingMessages",
    // The id ends in the customer's id (see the model); deliveries have no other field naming them.
    find: (c) => BroadcastDeliveryModel.find({ _id: { $regex: `:${c._id.toHexString()}$` } }).sort({ at: 1, _id: 1 }).lean(),
    matchBy: "broadcastId",
    fields: {
      _id: { omitted: "the broadcast's id and the person's id joined; the first is exported as broadcastId" },
      broadcastId: as("broadcastId"),
      outcome: as("outcome"),
      at: as("at"),
    },
  },
  retention_notices: {
    section: "retentionQuestions",
    find: (c) => RetentionNoticeModel.find({ _id: c._id }).lean(),
    fields: {
      _id: thePerson,
      warnedAt: as("askedAt"),
      answeredAt: as("answeredAt"),
    },
  },
  chats: {
    section: "conversationsInProgress",
    // Keyed by the chat, which for a private chat is the person's Telegram id (none: not on Telegram).
    find: (c) => (typeof c.telegramId === "number" ? ChatModel.find({ _id: String(c.telegramId) }).lean() : Promise.resolve([])),
    fields: {
      _id: { omitted: "the person's Telegram id, exported in the profile" },
      customerId: thePerson,
      language: { omitted: "a copy of the profile's language" },
      recentUpdates: { omitted: "ids Telegram gave the person's latest messages and button presses, kept to handle each once; they say nothing else" },
      seenAt: { omitted: "when the profile's last interaction time was last written" },
      state: { key: "state", decode: (stored) => (stored ? (JSON.parse(openState(stored as string)) as unknown) : undefined) },
      updatedAt: as("savedAt"),
    },
  },
  audit_entries: {
    section: "auditTrail",
    find: (c) => AuditEntryModel.find({ customerId: c._id }).sort({ at: 1, _id: 1 }).lean(),
    matchBy: "_id",
    fields: {
      _id: as("id"),
      customerId: thePerson,
      actorKind: as("actor"),
      actorId: as("adminTelegramId"),
      action: as("action"),
      fields: as("fields"),
      subjectId: as("subjectId"),
      at: as("at"),
    },
  },
  data_requests: {
    section: "dataRequests",
    find: (c) => DataRequestModel.find({ customerId: c._id }).sort({ requestedAt: 1, _id: 1 }).lean(),
    matchBy: "_id",
    fields: {
      _id: as("id"),
      customerId: thePerson,
      kind: as("kind"),
      status: as("status"),
      requestedAt: as("requestedAt"),
      dueAt: as("dueAt"),
      answeredAt: as("answeredAt"),
    },
  },
  telegram_links: {
    section: "telegramLinks",
    find: (c) => TelegramLinkModel.find({ customerId: c._id }).sort({ createdAt: 1, _id: 1 }).lean(),
    matchBy: "createdAt",
    fields: {
      _id: { omitted: "a hash of the link's one-time code; the code itself is not stored" },
      customerId: thePerson,
      createdBy: as("madeByAdminTelegramId"),
      createdAt: as("madeAt"),
      expiresAt: as("expiresAt"),
      usedAt: as("usedAt"),
      usedBy: as("usedByTelegramUserId"),
    },
  },
  waitlist_entries: {
    section: "waitlist",
    find: (c) => WaitlistEntryModel.find({ customerId: c._id }).sort({ createdAt: 1, _id: 1 }).lean(),
    matchBy: "_id",
    fields: {
      _id: as("id"),
      customerId: thePerson,
      serviceId: as("serviceId"),
      fromDay: as("fromDay"),
      toDay: as("toDay"),
      part: as("partOfDay"),
      bookingId: as("bookingToMoveId"),
      createdAt: as("joinedAt"),
      expiresAt: as("expiresAt"),
    },
  },
  waitlist_offers: {
    section: "waitlistOffers",
    find: (c) => WaitlistOfferModel.find({ customerId: c._id }).sort({ start: 1, _id: 1 }).lean(),
    matchBy: "start",
    fields: {
      _id: { omitted: "the person's id and the offered time joined; the time is exported as start" },
      entryId: as("waitlistEntryId"),
      customerId: thePerson,
      start: as("start"),
      end: as("end"),
      sendAfter: as("sendAfter"),
      createdAt: as("createdAt"),
      sentAt: as("sentAt"),
      messageId: as("telegramMessageId"),
      goneAt: as("bookedBySomeoneElseAt"),
      goneShownAt: as("messageUpdatedAt"),
    },
  },
  slot_claims: { omitted: "five-minute cells of the practitioner's time held for a booking; the booking's start and end are exported" },
};

/** Collections that hold no fact about any one customer, and why. */
export const NOT_ABOUT_CUSTOMERS: Record<string, string> = {
  admin_settings: "the practitioners' own settings (daily agenda time), keyed by a practitioner's Telegram id; nothing about a customer",
  access_log: "source addresses of webhook requests: Telegram's servers, not a customer's device (P11)",
  broadcasts: "the texts of the practitioner's marketing messages; each one a person was sent is in their export",
  calendar_feeds: "the practitioners' calendar subscriptions (a practitioner's Telegram id, a hash of the address's token, settings); nothing about a customer",
  calendar_feed_fetches:
    "one record per fetch of a practitioner's calendar subscription (whose, when, the window of bookings it covered); it names no customer: /audit works out whose bookings a fetch showed",
  freed_times: "spans of the practitioner's time that became free, for the waitlist; nothing about who freed them",
  calendar_versions: "a random stamp that changes when free times change",
  instances: "a heartbeat per running bot process (host name, process id), so restore and key rotation wait for it",
  locks: "leases held for seconds while a record changes; a key may carry a record's id, never a fact about a person",
  schedule_exceptions: "the practitioner's time off and extra hours",
  services: "the service catalogue",
  weekly_hours: "the practitioner's working hours",
};

/** Dates as ISO strings, ids as hex strings, absent as null: stored values as the export shows them. */
export function plainValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Types.ObjectId || (value as { _bsontype?: string })._bsontype === "ObjectId") return (value as Types.ObjectId).toHexString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plainValue(v)]));
  }
  return value;
}

function toRecord(doc: Record<string, unknown>, fields: Record<string, FieldCoverage>): ExportRecord {
  const record: ExportRecord = {};
  for (const [field, coverage] of Object.entries(fields)) {
    if ("omitted" in coverage) continue;
    const stored = doc[field];
    record[coverage.key] = plainValue(coverage.decode && stored !== undefined && stored !== null ? coverage.decode(stored) : stored);
  }
  return record;
}

/** Everything stored about one customer, as their export (P5) gives it. */
export async function buildExport(customer: ExportedCustomer, now: Date): Promise<CustomerExport> {
  const sections = new Map<ExportSection, ExportRecord[]>();
  await Promise.all(
    Object.values(EXPORT_COVERAGE).map(async (coverage) => {
      if ("omitted" in coverage) return;
      const docs = await coverage.find(customer);
      sections.set(coverage.section, docs.map((doc) => toRecord(doc, coverage.fields)));
    }),
  );
  const section = (name: ExportSection) => sections.get(name) ?? [];

  // What each marketing message said, from the broadcast it belonged to.
  const messages = section("marketingMessages");
  const broadcastIds = [...new Set(messages.map((m) => String(m.broadcastId)))].filter((id) => Types.ObjectId.isValid(id));
  const texts = new Map(
    (await BroadcastModel.find({ _id: { $in: broadcastIds } }, { text: 1 }).lean()).map((b) => [b._id.toHexString(), b.text]),
  );
  for (const m of messages) m.text = texts.get(String(m.broadcastId)) ?? null;

  const bookings = section("bookings");
  const past = bookings.filter((b) => b.status === "confirmed" && typeof b.start === "string" && Date.parse(b.start) < now.getTime());
  return {
    exportedAt: now.toISOString(),
    profile: section("profile")[0] ?? {},
    bookings,
    visits: past.filter((b) => b.attendance !== "no-show"),
    noShows: past.filter((b) => b.attendance === "no-show"),
    payments: section("payments"),
    consentHistory: section("consentHistory"),
    marketingMessages: messages,
    retentionQuestions: section("retentionQuestions"),
    conversationsInProgress: section("conversationsInProgress"),
    auditTrail: section("auditTrail"),
    dataRequests: section("dataRequests"),
    telegramLinks: section("telegramLinks"),
    waitlist: section("waitlist"),
    waitlistOffers: section("waitlistOffers"),
  };
}

/** The figures of an export's readable summary. Plain data. */
export interface ExportSummary {
  counts: Record<
    "bookings" | "visits" | "noShows" | "cancelled" | "payments" | "consentRecords" | "marketingMessages" | "auditEntries" | "dataRequests",
    number
  >;
  /** When the marketing consent question was put to the customer, if it was. */
  consentsAskedAt?: number;
  /** The latest retention question: when asked and, if so, answered. */
  retentionQuestion?: { askedAt: number; answeredAt?: number };
}

/** What the readable summary next to the file says, in figures. */
export function summarizeExport(data: CustomerExport): ExportSummary {
  const time = (value: unknown) => (typeof value === "string" ? Date.parse(value) : undefined);
  const consentsAskedAt = time(data.profile.marketingConsentAskedAt);
  const question = data.retentionQuestions.at(-1);
  const askedAt = time(question?.askedAt);
  const answeredAt = time(question?.answeredAt);
  return {
    counts: {
      bookings: data.bookings.length,
      visits: data.visits.length,
      noShows: data.noShows.length,
      cancelled: data.bookings.filter((b) => b.status === "cancelled").length,
      payments: data.payments.length,
      consentRecords: data.consentHistory.length,
      marketingMessages: data.marketingMessages.filter((m) => m.outcome === "sent").length,
      auditEntries: data.auditTrail.length,
      dataRequests: data.dataRequests.length,
    },
    ...(consentsAskedAt !== undefined ? { consentsAskedAt } : {}),
    ...(askedAt !== undefined ? { retentionQuestion: { askedAt, ...(answeredAt !== undefined ? { answeredAt } : {}) } } : {}),
  };
}
