import { readdirSync } from "node:fs";
import mongoose from "mongoose";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { RetentionNoticeModel } from "../../src/db/models/retention-notice.js";
import { TelegramLinkModel } from "../../src/db/models/telegram-link.js";
import { cancelByAdmin } from "../../src/services/admin.js";
import { markAttendance } from "../../src/services/bookings.js";
import { recordPayment } from "../../src/services/payments.js";
import { newIdentity, bookAppointment } from "../../src/services/booking.js";
import { claimDelivery, createBroadcast, settleDelivery } from "../../src/services/broadcast.js";
import { listActiveServices } from "../../src/services/catalog.js";
import { touchCustomer } from "../../src/services/customers.js";
import { EXPORT_COVERAGE, NOT_ABOUT_CUSTOMERS, type CollectionCoverage, type CustomerExport } from "../../src/services/data-export.js";
import { requestExport, setMarketingConsent, updateProfileField } from "../../src/services/privacy.js";
import { keepCustomerData } from "../../src/services/retention.js";
import { seedDefaults } from "../../src/services/seed.js";
import { joinWaitlist, matchFreedTimes, offerSent, takeDueOffers } from "../../src/services/waitlist.js";
import { ADMIN_ID, createTestBot, TestCustomer } from "../helpers/bot.js";
import { useTestDatabase } from "../helpers/db.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { at, SETTINGS } from "../helpers/fixtures.js";

useTestDatabase();
beforeEach(async () => {
  await seedDefaults();
});

// Every model file, so a model nobody imports yet is enumerated too.
beforeAll(async () => {
  const dir = new URL("../../src/db/models/", import.meta.url);
  for (const file of readdirSync(dir)) if (file.endsWith(".ts")) await import(new URL(file, dir).href);
});

const NOW = at("2026-11-30T08:00");
const DAY = 86_400_000;
// Telegram ids unlikely to equal any other number stored (prices, durations, receipt numbers).
const ME = 7_345_001;
const OTHER = 7_345_002;

/** A field name or reference that ties a document to a customer (a booking is a customer's). */
const PERSON_FIELD = /^(customerId|telegramId|bookingId)$/;
const PERSON_REFS = ["Customer", "Booking"];

type AnyModel = mongoose.Model<Record<string, unknown>>;

function allModels(): AnyModel[] {
  return mongoose.modelNames().map((name) => mongoose.model(name) as unknown as AnyModel);
}

/** A model's top-level stored fields, `_id` included. */
function storedFields(model: AnyModel): string[] {
  return [...new Set(Object.keys(model.schema.paths).map((p) => p.split(".")[0]!))].filter((f) => f !== "__v");
}

function personPaths(model: AnyModel): string[] {
  return Object.entries(model.schema.paths)
    .filter(([path, type]) => PERSON_FIELD.test(path.split(".").at(-1)!) || PERSON_REFS.includes(String((type.options as { ref?: unknown }).ref)))
    .map(([path]) => path);
}

const covered = (collection: string): CollectionCoverage | undefined => {
  const entry = EXPORT_COVERAGE[collection];
  return entry && !("omitted" in entry) ? entry : undefined;
};

/** A stored (raw driver) value as the export should show it. */
function normalize(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if ((value as { _bsontype?: string })._bsontype === "ObjectId") return (value as mongoose.Types.ObjectId).toHexString();
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

/** Whether a raw document names the customer anywhere: a field, a nested value or its id. */
function mentions(value: unknown, customerId: string, telegramId: number): boolean {
  if (value === null || value === undefined) return false;
  if ((value as { _bsontype?: string })._bsontype === "ObjectId") return (value as mongoose.Types.ObjectId).toHexString() === customerId;
  if (typeof value === "string") return value.includes(customerId) || value === String(telegramId);
  if (typeof value === "number") return value === telegramId;
  if (value instanceof Date) return false;
  if (Array.isArray(value)) return value.some((v) => mentions(v, customerId, telegramId));
  if (typeof value === "object") return Object.values(value).some((v) => mentions(v, customerId, telegramId));
  return false;
}

async function book(telegramId: number, minutes: number, start: number, now: number, marketing?: { telegram: boolean; email: boolean; sms: boolean }) {
  const service = (await listActiveServices()).find((s) => s.durationMinutes === minutes)!;
  const result = await bookAppointment(SETTINGS, {
    bookingId: newIdentity(),
    telegramId,
    serviceId: service.id,
    start,
    now,
    privacyAcknowledged: true,
    ...(marketing ? { marketing } : {}),
    details: { firstName: "Vienti", lastName: `Asiakas${telegramId}`, email: `v${telegramId}@example.com` },
  });
  if (!result.ok) throw new Error(`booking failed: ${result.reason}`);
  return result.booking;
}

/** A customer with something stored in every collection that can hold a fact about a person. */
async function seedEverything(telegramId: number, hour: "10" | "14") {
  const short = hour === "10" ? "13" : "16";
  const past = at("2026-11-10T08:00");
  await touchCustomer(telegramId, "fi", "fi", new Date(past));
  const missed = await book(telegramId, 60, at(`2026-11-20T${hour}:00`), past, { telegram: true, email: false, sms: false });
  const visited = await book(telegramId, 60, at(`2026-11-23T${hour}:00`), past);
  const upcoming = await book(telegramId, 60, at(`2026-12-02T${hour}:00`), NOW);
  const cancelled = await book(telegramId, 30, at(`2026-12-03T${short}:00`), NOW);
  await markAttendance(missed.id, "no-show", { kind: "admin", telegramId: ADMIN_ID }, new Date(NOW));
  await markAttendance(visited.id, "attended", { kind: "admin", telegramId: ADMIN_ID }, new Date(NOW));
  // Waiting for a time that day: the cancellation below is offered to them (W5).
  const sixty = (await listActiveServices()).find((s) => s.durationMinutes === 60)!;
  await joinWaitlist(SETTINGS, telegramId, { serviceId: sixty.id, fromDay: "2026-12-03", toDay: "2026-12-03", part: "any" }, NOW);
  // And waiting to move the upcoming booking to an earlier day.
  await joinWaitlist(SETTINGS, telegramId, { moveRef: upcoming.ref, fromDay: "2026-12-01", toDay: "2026-12-01", part: "morning" }, NOW);
  await cancelByAdmin(ADMIN_ID, cancelled.id, "Hieroja sairastui", new Date(NOW));
  await matchFreedTimes(SETTINGS, NOW);
  // Sent as a message (its id kept for editing when a time goes).
  for (const due of await takeDueOffers(SETTINGS, NOW)) await offerSent(due.offerIds, 4242);
  await recordPayment(visited.id, 5500, "card", { kind: "admin", telegramId: ADMIN_ID }, new Date(NOW));
  await setMarketingConsent(telegramId, "sms", true, "button", new Date(NOW));
  await updateProfileField(telegramId, "phone", "+358401112233", { kind: "customer" }, new Date(NOW));
  await updateProfileField(telegramId, "address", "Vientikatu 5, 00100 Helsinki", { kind: "customer" }, new Date(NOW));
  await updateProfileField(telegramId, "gender", "female", { kind: "customer" }, new Date(NOW));
  await updateProfileField(telegramId, "birthYear", 1980, { kind: "customer" }, new Date(NOW));
  const customer = (await CustomerModel.findOne({ telegramId }).lean())!;
  const broadcastId = await createBroadcast(ADMIN_ID, `Joulutarjous asiakkaalle ${telegramId}`, new Date(NOW));
  await claimDelivery(broadcastId, customer._id.toHexString(), new Date(NOW));
  await settleDelivery(broadcastId, customer._id.toHexString(), "sent");
  await RetentionNoticeModel.create({ _id: customer._id, warnedAt: new Date(NOW - 40 * DAY) });
  // The link that joined the customer's Telegram to the record the practice made for them (A11).
  await TelegramLinkModel.create({
    _id: `seeded-link-hash-${telegramId}`,
    customerId: customer._id,
    createdBy: ADMIN_ID,
    createdAt: new Date(past),
    expiresAt: new Date(past + 7 * DAY),
    usedAt: new Date(past + DAY),
    usedBy: telegramId,
  });
  await keepCustomerData(customer._id, new Date(NOW - 38 * DAY));
  // A booking flow left half-way: its saved state.
  const tg = new FakeTelegram();
  await new TestCustomer(createTestBot(tg), tg, { id: telegramId, language: "fi" }).send("/book");
  await requestExport(telegramId, new Date(NOW - 100 * DAY), () => Promise.resolve());
  return { customer, missed, visited, upcoming, cancelled, broadcastId };
}

describe("the export covers everything stored about a person (P5)", () => {
  it("every model is either covered by the export or declared to hold nothing about a customer; every customer-referring one is covered", () => {
    const collections = new Set<string>();
    for (const model of allModels()) {
      const collection = model.collection.collectionName;
      collections.add(collection);
      const inExport = collection in EXPORT_COVERAGE;
      const outside = collection in NOT_ABOUT_CUSTOMERS;
      expect(inExport !== outside, `${collection}: declare it in EXPORT_COVERAGE or NOT_ABOUT_CUSTOMERS (src/services/data-export.ts)`).toBe(true);
      const refs = personPaths(model);
      if (refs.length > 0) expect(inExport, `${collection} refers to a customer (${refs.join(", ")}) but is not covered by the export`).toBe(true);
      if (outside) expect(NOT_ABOUT_CUSTOMERS[collection]!.length, collection).toBeGreaterThan(10);
      const entry = EXPORT_COVERAGE[collection];
      if (!entry) continue;
      if ("omitted" in entry) {
        expect(entry.omitted.length, collection).toBeGreaterThan(10);
        continue;
      }
      // Each field appears in the export, or is left out with a reason.
      expect(Object.keys(entry.fields).sort(), `${collection}: fields of EXPORT_COVERAGE`).toEqual(storedFields(model).sort());
      for (const [field, coverage] of Object.entries(entry.fields)) {
        if ("omitted" in coverage) expect(coverage.omitted.length, `${collection}.${field}`).toBeGreaterThan(10);
      }
    }
    for (const declared of [...Object.keys(EXPORT_COVERAGE), ...Object.keys(NOT_ABOUT_CUSTOMERS)]) {
      expect(collections.has(declared), `${declared} is declared but no model stores it`).toBe(true);
    }
  });

  it("every stored document that names the customer appears in their real export, field by field, and nobody else's does", async () => {
    const mine = await seedEverything(ME, "10");
    const theirs = await seedEverything(OTHER, "14");
    // What is stored about the customer when they ask (the request's own records come after the file).
    const customerId = mine.customer._id.toHexString();
    const stored = new Map<string, Array<Record<string, unknown>>>();
    for (const collection of await mongoose.connection.db!.collections()) {
      const docs = (await collection.find({}).toArray()).filter((doc) => mentions(doc, customerId, ME));
      if (docs.length > 0) stored.set(collection.collectionName, docs);
    }
    let data: CustomerExport | undefined;
    const result = await requestExport(ME, new Date(NOW), (exported) => {
      data = exported;
      return Promise.resolve();
    });
    expect(result.status).toBe("answered");
    if (!data) throw new Error("nothing delivered");

    const found = new Set<string>();
    for (const [name, docs] of stored) {
      found.add(name);
      const coverage = covered(name);
      expect(coverage, `${name} holds documents about the customer but the export does not cover it`).toBeDefined();
      if (!coverage) continue;
      const section = data[coverage.section];
      const records = Array.isArray(section) ? section : [section];
      for (const doc of docs) {
        let record: Record<string, unknown> | undefined;
        if (coverage.matchBy) {
          const key = (coverage.fields[coverage.matchBy] as { key: string }).key;
          record = records.find((r) => r[key] === normalize(doc[coverage.matchBy!]));
        } else {
          expect(records, name).toHaveLength(1);
          record = records[0];
        }
        expect(record, `${name} ${String(doc._id)} is not in the export`).toBeDefined();
        for (const [field, fieldCoverage] of Object.entries(coverage.fields)) {
          if ("omitted" in fieldCoverage) continue;
          const stored = doc[field];
          const expected = normalize(fieldCoverage.decode && stored != null ? fieldCoverage.decode(stored) : stored);
          expect(record![fieldCoverage.key], `${name}.${field} → ${fieldCoverage.key}`).toEqual(expected);
        }
      }
    }
    // The seed reached every covered collection, so each kind was checked in a real export.
    for (const [collection, entry] of Object.entries(EXPORT_COVERAGE)) {
      if (!("omitted" in entry)) expect(found.has(collection), `no ${collection} document was seeded`).toBe(true);
    }

    // The facts the export used to leave out, read the way a person would.
    expect(data.profile).toMatchObject({ phone: "+358401112233", address: "Vientikatu 5, 00100 Helsinki", gender: "female", birthYear: 1980 });
    expect(data.profile.marketingConsentAskedAt).toBe(new Date(at("2026-11-10T08:00")).toISOString());
    expect(data.noShows.map((b) => b.reference)).toEqual([mine.missed.ref]);
    expect(data.visits.map((b) => b.reference)).toEqual([mine.visited.ref]);
    expect(data.bookings.find((b) => b.reference === mine.cancelled.ref)).toMatchObject({
      status: "cancelled",
      cancelledBy: "admin",
      cancelReason: "Hieroja sairastui",
    });
    expect(data.marketingMessages).toEqual([
      expect.objectContaining({ broadcastId: mine.broadcastId, outcome: "sent", text: `Joulutarjous asiakkaalle ${ME}` }),
    ]);
    expect(data.retentionQuestions).toEqual([{ askedAt: new Date(NOW - 40 * DAY).toISOString(), answeredAt: new Date(NOW - 38 * DAY).toISOString() }]);
    expect(data.conversationsInProgress).toHaveLength(1);

    const json = JSON.stringify(data);
    for (const foreign of [theirs.customer._id.toHexString(), theirs.upcoming.ref, theirs.broadcastId, String(OTHER), `Asiakas${OTHER}`]) {
      expect(json).not.toContain(foreign);
    }
    expect(await BookingModel.countDocuments({ customerId: theirs.customer._id })).toBe(4);
  });
});
