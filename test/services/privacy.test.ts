import mongoose from "mongoose";
import { Bot } from "grammy";
import { beforeEach, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { createMarketingSender } from "../../src/bot/marketing.js";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { ConsentRecordModel } from "../../src/db/models/consent.js";
import { ChatModel } from "../../src/db/models/chat.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { DataRequestModel } from "../../src/db/models/data-request.js";
import { PaymentModel } from "../../src/db/models/payment.js";
import { SlotClaimModel } from "../../src/db/models/slot-claim.js";
import { createFieldCrypto, fieldCrypto } from "../../src/services/field-crypto.js";
import { touchCustomer } from "../../src/services/customers.js";
import { createServices } from "../../src/services/index.js";
import {
  eraseByTelegramId,
  marketingState,
  mayMarket,
  profile,
  requestExport,
  setMarketingConsent,
  updateLanguage,
  updateProfileField,
  withdrawAllMarketing,
} from "../../src/services/privacy.js";
import { claimInactiveCustomers, eraseUnanswered, keepCustomerData, purgeExpired } from "../../src/services/retention.js";
import { seedDefaults } from "../../src/services/seed.js";
import { testConfig } from "../helpers/bot.js";
import { useTestDatabase } from "../helpers/db.js";
import { BOT_INFO, FakeTelegram } from "../helpers/fake-telegram.js";
import { at, bookFor, chatRecord } from "../helpers/fixtures.js";

useTestDatabase();
beforeEach(async () => {
  await seedDefaults();
});

const NOW = at("2026-11-30T08:00");
const DAY = 86_400_000;
/** A delivery that succeeds (the bot would send the file here). */
const delivered = () => Promise.resolve();
const RULES = { inactiveYears: 3, answerDays: 30, technicalDays: 30, auditDays: 1095, paymentYears: 6, accessLogDays: 30 };

async function rawCollection(name: string) {
  return mongoose.connection.db!.collection(name).find({}).toArray();
}

describe("encryption at rest (P10)", () => {
  it("stores no email, phone or address in the clear, and finds customers by keyed hash", async () => {
    await bookFor(1101, 60, at("2026-12-02T10:00"), NOW);
    await updateProfileField(1101, "phone", "+358401234567", { kind: "customer" }, new Date(NOW));
    await updateProfileField(1101, "address", "Malkasaarentie 52, 61470 Kitinoja", { kind: "customer" }, new Date(NOW));
    const raw = JSON.stringify(await rawCollection("customers"));
    for (const secret of ["a1101@example.com", "+358401234567", "0401234567", "Malkasaarentie"]) expect(raw).not.toContain(secret);
    expect(await profile(1101)).toMatchObject({ email: "a1101@example.com", phone: "+358401234567", address: "Malkasaarentie 52, 61470 Kitinoja" });
    const byHash = await CustomerModel.findOne({ emailHash: fieldCrypto().lookupHash("A1101@example.com ") }).lean();
    expect(byHash?.telegramId).toBe(1101);
    // Nothing else holds them either: audit entries name fields only.
    expect(JSON.stringify(await rawCollection("audit_entries"))).not.toContain("example.com");
  });

  it("refuses a ciphertext that was tampered with or made with another key", () => {
    const crypto = fieldCrypto();
    const sealed = crypto.encrypt("secret@example.com");
    expect(crypto.decrypt(sealed)).toBe("secret@example.com");
    const parts = sealed.split(".");
    parts[4] = Buffer.from("other@example.com").toString("base64url");
    expect(() => crypto.decrypt(parts.join("."))).toThrow();
    const other = createFieldCrypto(Buffer.alloc(32, 7));
    expect(() => other.decrypt(sealed)).toThrow();
    expect(crypto.encrypt("same")).not.toBe(crypto.encrypt("same")); // fresh IV every time
  });
});

describe("consent ledger (P3, P4)", () => {
  it("appends a record per change and derives the current state from them", async () => {
    await bookFor(1201, 60, at("2026-12-02T10:00"), NOW);
    await setMarketingConsent(1201, "telegram", true, "button", new Date(NOW));
    await setMarketingConsent(1201, "email", true, "button", new Date(NOW + 1000));
    await setMarketingConsent(1201, "telegram", false, "button", new Date(NOW + 2000));
    await setMarketingConsent(1201, "telegram", false, "button", new Date(NOW + 3000)); // no change, no record
    expect(await marketingState(1201)).toEqual({ telegram: false, email: true, sms: false });
    const records = await ConsentRecordModel.find().sort({ at: 1 }).lean();
    expect(records.map((r) => `${r.channel}:${r.action}`)).toEqual(["telegram:granted", "email:granted", "telegram:withdrawn"]);
    expect(records.every((r) => r.purpose === "marketing" && r.wordingVersion && r.method === "button")).toBe(true);

    const withdrawn = await withdrawAllMarketing(1201, "command", new Date(NOW + 4000));
    expect(withdrawn).toEqual(["email"]);
    expect(await marketingState(1201)).toEqual({ telegram: false, email: false, sms: false });
    expect(await ConsentRecordModel.countDocuments()).toBe(4);
    expect((await ConsentRecordModel.findOne().sort({ at: -1 }).lean())?.method).toBe("command");
    expect(await AuditEntryModel.countDocuments({ action: "consent" })).toBe(4);
  });

  it("a withdrawal between queueing and sending is honoured at send time", async () => {
    const config = testConfig();
    const tg = new FakeTelegram();
    const bot = new Bot(config.botToken, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
    const send = createMarketingSender(bot.api, createI18n("fi"), config, createServices(config));
    for (const id of [1301, 1302]) {
      await bookFor(id, 30, at(`2026-12-0${id - 1299}T13:00`), NOW);
      await setMarketingConsent(id, "telegram", true, "button", new Date(NOW));
    }
    const queue = [1301, 1302]; // the audience as counted when the campaign was confirmed
    await withdrawAllMarketing(1302, "button", new Date(NOW + 1000));
    const results = [];
    for (const id of queue) results.push(await send(id, "fi", "Joulutarjous: 60 min 50 €"));
    expect(results).toEqual(["sent", "no-consent"]);
    expect(tg.callsOf("sendMessage", 1302)).toHaveLength(0);
    const sent = tg.callsOf("sendMessage", 1301)[0]!;
    expect(String(sent.payload.text)).toContain("markkinointia");
    expect(JSON.stringify(sent.payload.reply_markup)).toContain("mk:stop");
    expect(await mayMarket(1301, "telegram")).toBe(true);
  });
});

describe("access and portability (P5)", () => {
  it("exports everything about the customer and nobody else's data", async () => {
    const mine = await bookFor(1401, 60, at("2026-12-02T10:00"), NOW);
    await setMarketingConsent(1401, "telegram", true, "button", new Date(NOW));
    const theirs = await bookFor(1402, 60, at("2026-12-03T10:00"), NOW);
    const customer = await CustomerModel.findOne({ telegramId: 1401 }).lean();
    await PaymentModel.create({
      bookingId: mine.id, customerId: customer!._id, customerName: "Testi Asiakas1401", receiptNumber: 1, amountCents: 5500,
      method: "card", serviceName: "Klassinen hieronta 60 min", vatTreatment: "exempt", vatRatePercent: 0, paidAt: new Date(NOW),
    });
    expect((await requestExport(1401, new Date(NOW), delivered)).status).toBe("answered");
    const result = await requestExport(1401, new Date(NOW + 1000), delivered);
    expect(result.status).toBe("answered");
    if (result.status !== "answered") return;
    const json = JSON.stringify(result.data);
    expect(result.data.profile).toMatchObject({ telegramUserId: 1401, email: "a1401@example.com", lastName: "Asiakas1401" });
    expect(result.data.bookings.map((b) => b.reference)).toEqual([mine.ref]);
    expect(result.data.consentHistory).toHaveLength(1);
    expect(result.data.payments).toHaveLength(1);
    // The earlier export is listed with its audit entry; this one is recorded once delivered.
    expect(result.data.auditTrail.map((e) => e.action)).toEqual(expect.arrayContaining(["change", "booking-created", "consent", "export"]));
    expect(result.data.dataRequests).toHaveLength(1);
    expect(json).not.toContain(theirs.ref);
    expect(json).not.toContain("1402");
  });

  it("answers two requests in 12 months at once; a third becomes a 30-day request; a year later it is immediate again", async () => {
    await bookFor(1501, 60, at("2026-12-02T10:00"), NOW);
    expect((await requestExport(1501, new Date(NOW), delivered)).status).toBe("answered");
    expect((await requestExport(1501, new Date(NOW + 100 * DAY), delivered)).status).toBe("answered");
    const third = await requestExport(1501, new Date(NOW + 200 * DAY), delivered);
    expect(third).toEqual({ status: "pending", dueAt: NOW + 230 * DAY });
    const pending = await DataRequestModel.findOne({ status: "pending" }).lean();
    expect(pending?.dueAt.getTime()).toBe(NOW + 230 * DAY);
    expect(await requestExport(1501, new Date(NOW + 201 * DAY), delivered)).toEqual({ status: "already-pending", dueAt: NOW + 230 * DAY });
    // A year on the customer may have it at once again; the request still waiting is answered by the same file.
    expect((await requestExport(1501, new Date(NOW + 366 * DAY), delivered)).status).toBe("answered");
    expect(await DataRequestModel.countDocuments({ status: "pending" })).toBe(0);
  });
});

describe("erasure (P7)", () => {
  it("cancels future bookings, erases personal data, keeps the payment without the person", async () => {
    const past = await bookFor(1601, 60, at("2026-11-20T10:00"), at("2026-11-10T08:00"));
    await bookFor(1601, 60, at("2026-12-02T10:00"), NOW);
    await setMarketingConsent(1601, "email", true, "button", new Date(NOW));
    const customer = await CustomerModel.findOne({ telegramId: 1601 }).lean();
    await PaymentModel.create({
      bookingId: past.id, customerId: customer!._id, customerName: "Testi Asiakas1601", receiptNumber: 7, amountCents: 5500,
      method: "cash", serviceName: "Klassinen hieronta 60 min", vatTreatment: "exempt", vatRatePercent: 0, paidAt: at("2026-11-20T11:00"),
    });
    await ChatModel.create(chatRecord("1601", { state: "{}", updatedAt: new Date(NOW) }));
    const other = await bookFor(1602, 60, at("2026-12-03T10:00"), NOW);

    const result = await eraseByTelegramId(1601, new Date(NOW));
    expect(result?.cancelled).toHaveLength(1);
    expect(result?.keptPayments).toBe(1);
    expect(await CustomerModel.countDocuments({ telegramId: 1601 })).toBe(0);
    expect(await BookingModel.countDocuments({ customerId: customer!._id })).toBe(0);
    expect(await ConsentRecordModel.countDocuments({ customerId: customer!._id })).toBe(0);
    expect(await ChatModel.countDocuments({ _id: "1601" })).toBe(0);
    const payment = await PaymentModel.findOne({ receiptNumber: 7 }).lean();
    expect(payment).toMatchObject({ amountCents: 5500, serviceName: "Klassinen hieronta 60 min" });
    expect(payment?.customerName).toBeUndefined();
    expect(payment?.customerId).toBeUndefined();
    // The freed time is bookable; the other customer is untouched.
    expect(await SlotClaimModel.countDocuments()).toBe(15);
    expect((await BookingModel.findOne({ ref: other.ref }).lean())?.status).toBe("confirmed");
    expect(await AuditEntryModel.countDocuments({ customerId: customer!._id, action: "erase" })).toBe(1);
    expect(JSON.stringify(await rawCollection("audit_entries"))).not.toContain("Asiakas1601");
  });
});

describe("retention (P9)", () => {
  const YEAR = 365 * DAY;

  it("asks inactive customers once, keeps those who answer, erases the rest after 30 days", async () => {
    const longAgo = NOW - 4 * YEAR;
    const weekdays = { 1701: "01", 1702: "02", 1703: "05" };
    for (const [id, day] of Object.entries(weekdays)) await bookFor(Number(id), 60, at(`2022-12-${day}T10:00`), longAgo - 30 * DAY);
    await bookFor(1704, 60, at("2026-12-02T10:00"), NOW); // active
    await CustomerModel.updateMany({ telegramId: { $in: [1701, 1702, 1703] } }, { $set: { lastSeenAt: new Date(longAgo) } });

    const [a, b] = await Promise.all([claimInactiveCustomers(RULES, new Date(NOW)), claimInactiveCustomers(RULES, new Date(NOW))]);
    expect([...a, ...b].map((c) => c.telegramId).sort()).toEqual([1701, 1702, 1703]);
    expect(await claimInactiveCustomers(RULES, new Date(NOW + DAY))).toEqual([]);

    const keeper = await CustomerModel.findOne({ telegramId: 1701 }).lean();
    expect(await keepCustomerData(keeper!._id, new Date(NOW + DAY))).toBe(true);
    await CustomerModel.updateOne({ telegramId: 1702 }, { $set: { lastSeenAt: new Date(NOW + 5 * DAY) } }); // came back

    expect(await eraseUnanswered(RULES, new Date(NOW + 29 * DAY))).toHaveLength(0);
    const erased = await eraseUnanswered(RULES, new Date(NOW + 31 * DAY));
    expect(erased).toHaveLength(1);
    expect((await CustomerModel.find().lean()).map((c) => c.telegramId).sort()).toEqual([1701, 1702, 1704]);
  });

  it("never asks a customer who has a booking ahead", async () => {
    await bookFor(1801, 60, at("2026-12-02T10:00"), NOW);
    await CustomerModel.updateOne({ telegramId: 1801 }, { $set: { lastSeenAt: new Date(NOW - 4 * YEAR) } });
    expect(await claimInactiveCustomers(RULES, new Date(NOW))).toEqual([]);
  });

  it("forgets people who only opened the bot once their last interaction is TECHNICAL_LOG_DAYS old, and nobody else", async () => {
    const old = new Date(NOW - 31 * DAY);
    const touch = (id: number, when: Date) => touchCustomer(id, "fi", "fi", when);
    await touch(1901, old); // /start only
    await touch(1902, old); // changed the language (audit-logged), nothing else
    await updateLanguage(1902, "sv", old);
    await touch(1903, old); // acknowledged the notice, never booked
    await CustomerModel.updateOne({ telegramId: 1903 }, { $set: { privacyNoticeVersion: "1", privacyAcknowledgedAt: old } });
    await ChatModel.create(chatRecord("1901", { state: "{}", updatedAt: old }));
    await touch(1904, new Date(NOW - 29 * DAY)); // still within the period
    await bookFor(1905, 60, at("2026-10-20T10:00"), at("2026-10-10T08:00")); // a customer, with a booking
    await CustomerModel.updateOne({ telegramId: 1905 }, { $set: { lastSeenAt: old } });
    await touch(1906, old); // granted marketing consent
    await setMarketingConsent(1906, "telegram", true, "command", old);
    await touch(1907, old); // asked for their data
    await requestExport(1907, old, delivered);
    await touch(1908, old); // gave a detail in /profile
    await updateProfileField(1908, "birthYear", 1970, { kind: "customer" }, old);
    await touch(1909, old); // the practitioner
    const gone = await CustomerModel.find({ telegramId: { $in: [1901, 1902, 1903] } }).lean();

    expect((await purgeExpired(RULES, new Date(NOW - 2 * DAY), { keepTelegramIds: [1909] })).passersBy).toBe(0);
    const purged = await purgeExpired(RULES, new Date(NOW), { keepTelegramIds: [1909] });
    expect(purged.passersBy).toBe(3);
    expect((await CustomerModel.find().lean()).map((c) => c.telegramId).sort()).toEqual([1904, 1905, 1906, 1907, 1908, 1909]);
    expect(await ChatModel.countDocuments({ _id: "1901" })).toBe(0);
    for (const c of gone) expect(await AuditEntryModel.countDocuments({ customerId: c._id, action: "erase", actorKind: "system" })).toBe(1);
    // One who comes back later simply starts afresh.
    await touch(1901, new Date(NOW));
    expect(await CustomerModel.countDocuments({ telegramId: 1901 })).toBe(1);
  });

  it("deletes technical records, old audit entries and payments past the accounting period", async () => {
    await ChatModel.create(chatRecord("old", { state: "{}", updatedAt: new Date(NOW - 31 * DAY) }));
    await ChatModel.create(chatRecord("new", { state: "{}", updatedAt: new Date(NOW - DAY) }));
    const someone = new mongoose.Types.ObjectId();
    await AuditEntryModel.create({ customerId: someone, actorKind: "system", action: "view", at: new Date(NOW - 1096 * DAY) });
    await AuditEntryModel.create({ customerId: someone, actorKind: "system", action: "view", at: new Date(NOW - 1094 * DAY) });
    const base = { bookingId: someone, amountCents: 1, method: "cash" as const, serviceName: "x", vatTreatment: "exempt" as const, vatRatePercent: 0 };
    await PaymentModel.create({ ...base, receiptNumber: 1, paidAt: new Date(Date.UTC(2019, 11, 31, 12)) }); // kept to end of 2025
    await PaymentModel.create({ ...base, receiptNumber: 2, paidAt: new Date(Date.UTC(2020, 0, 1, 12)) }); // kept to end of 2026
    const purged = await purgeExpired(RULES, new Date(NOW));
    expect(purged).toMatchObject({ conversations: 1, auditEntries: 1, payments: 1 });
    expect((await PaymentModel.find().lean()).map((p) => p.receiptNumber)).toEqual([2]);
    expect(await ChatModel.countDocuments()).toBe(1);
  });
});
