import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { Types } from "mongoose";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { AccessLogModel } from "../../src/db/models/technical.js";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { SlotClaimModel } from "../../src/db/models/slot-claim.js";
import { PRIVACY_NOTICE_VERSION } from "../../src/domain/versions.js";
import { createLogger } from "../../src/logger.js";
import { WEBAPP_MESSAGES, type ServiceItem, type Slot } from "../../src/miniapp/api-types.js";
import { setWebAppMenuButton } from "../../src/miniapp/index.js";
import { createServices } from "../../src/services/index.js";
import { setMarketingConsent } from "../../src/services/privacy.js";
import { ADMIN_ID, createTestBot, LogCapture, TestCustomer, testConfig } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, HOUR } from "../helpers/fixtures.js";
import { calendarFilesTo } from "../helpers/ics.js";
import { apiAs, callApi, initDataFor, startWebApp } from "../helpers/webapp.js";

/** A string matcher typed as the string it stands for. */
const containing = (text: string): string => expect.stringContaining(text) as string;

useTestDatabase();
const suite = useBotSuite(at("2026-11-30T08:00"));
let server: Awaited<ReturnType<typeof startWebApp>>;
beforeEach(async () => {
  server = await startWebApp(suite.tg);
});
afterEach(async () => {
  await server.close();
});

/** Books `time` (e.g. "12.00") on `day` for `userId` through the API, as a first-time customer would. */
async function bookThroughApp(userId: number, day: string, time: string, minutes = 60) {
  const call = apiAs(server.app, userId);
  await call("session", {});
  const service = (await call("services", {})).find((s: ServiceItem) => s.durationMinutes === minutes)!;
  const slot = (await call("slots", { target: { serviceId: service.id }, day })).find((s: Slot) => s.time === time)!;
  const { id } = await call("identity", {});
  const result = await call("book", {
    bookingId: id,
    serviceId: service.id,
    start: slot.start,
    details: { firstName: "Testi", lastName: "Asiakas", email: `c${userId}@example.com` },
    privacyAcknowledged: true,
    marketing: { telegram: false, email: false, sms: false },
  });
  const booking = await BookingModel.findById(id).lean();
  return { call, service, slot, bookingId: id, result, booking };
}

/** The access log once it has `count` entries (each is written after its response). */
async function accessLogs(count: number) {
  // performance.now(): the suite's Date stands still.
  const deadline = performance.now() + 5_000;
  for (;;) {
    const entries = await AccessLogModel.find().sort({ _id: 1 }).lean();
    if (entries.length >= count || performance.now() > deadline) return entries;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the Mini App's API (M1, M3)", () => {
  it("a booking made through the API is claimed, audited, reminded and announced exactly like one made in the chat", async () => {
    const chat = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7001, language: "fi" });
    await chat.toSummary({ day: "ti 1.12.", time: "10.00" });
    await chat.press("Vahvista");
    const chatConfirmation = chat.lastText();
    const [chatFile] = calendarFilesTo(suite.tg, 7001);

    const call = apiAs(server.app, 7002);
    const session = await call("session", {});
    expect(session).toMatchObject({ language: "fi", admin: false, today: "2026-11-30", lastDay: "2027-01-29" });
    expect(await call("profile", {})).toEqual({ privacyAcknowledged: false, consentsAsked: false, consents: { telegram: false, email: false, sms: false } });
    const service = (await call("services", {})).find((s) => s.durationMinutes === 60)!;
    expect(service.name).toBe("Klassinen hieronta 60 min");
    const days = await call("days", { target: { serviceId: service.id } });
    expect(days[0]).toEqual({ date: "2026-12-01", label: "ti 1.12.2026" });
    const slots = await call("slots", { target: { serviceId: service.id }, day: "2026-12-01" });
    // 10.00 is the chat customer's now (with its buffer), as everywhere else.
    expect(slots.map((s) => s.time)).not.toContain("10.00");
    const slot = slots.find((s) => s.time === "13.00")!;
    expect(slot.when).toBe("ti 1.12.2026 klo 13.00");

    suite.tg.clearCalls();
    const { id } = await call("identity", {});
    const request = {
      bookingId: id,
      serviceId: service.id,
      start: slot.start,
      details: { firstName: "Testi", lastName: "Asiakas", email: "c7002@example.com" },
      privacyAcknowledged: true,
      marketing: { telegram: false, email: false, sms: false },
    };
    const result = await call("book", request);
    expect(result).toMatchObject({ ok: true, when: "ti 1.12.2026 klo 13.00", service: "Klassinen hieronta 60 min" });

    // The customer's chat gets the chat's own confirmation and calendar file.
    const appConfirmation = suite.tg.callsOf("sendMessage", 7002).map((c) => String(c.payload.text));
    expect(appConfirmation).toEqual([chatConfirmation.replace("klo 10.00", "klo 13.00")]);
    const [appFile] = calendarFilesTo(suite.tg, 7002);
    expect(appFile).toMatchObject({ sequence: 0, caption: chatFile!.caption, dtstart: "20261201T110000Z" });
    expect(appFile!.uid).toMatch(/@ajanvarausbotti$/);
    // The practitioner hears of it the same way, with the same actions.
    const notices = suite.tg.callsOf("sendMessage", ADMIN_ID);
    expect(notices).toHaveLength(1);
    const [chatBooking, appBooking] = await BookingModel.find().sort({ start: 1 }).lean();
    const chatNotice = `🆕 Uusi varaus\nti 1.12.2026 klo 10.00\nKlassinen hieronta 60 min\nAsiakas: Testi Asiakas`;
    expect(String(notices[0]!.payload.text)).toBe(chatNotice.replace("klo 10.00", "klo 13.00"));
    expect(JSON.stringify(notices[0]!.payload.reply_markup)).toContain(`ad:att:${id}`);

    // The same claim, audit and reminder as the chat's booking.
    expect(appBooking).toMatchObject({ status: "confirmed", reminderDueAt: new Date(slot.start - 24 * HOUR) });
    expect(chatBooking!.reminderDueAt!.getTime()).toBe(chatBooking!.start.getTime() - 24 * HOUR);
    const cells = (bookingId: Types.ObjectId) => SlotClaimModel.countDocuments({ bookingId });
    expect(await cells(appBooking!._id)).toBe(await cells(chatBooking!._id));
    expect(await cells(appBooking!._id)).toBe(15); // 60 min + 15 min buffer in five-minute cells
    for (const b of [chatBooking!, appBooking!]) {
      expect(await AuditEntryModel.find({ subjectId: b._id }, { _id: 0, action: 1, actorKind: 1 }).lean()).toEqual([
        { action: "booking-created", actorKind: "customer" },
      ]);
    }
    const stored = await CustomerModel.findOne({ telegramId: 7002 }, { privacyNoticeVersion: 1, consentsAskedAt: 1, _id: 0 }).lean();
    expect(stored?.consentsAskedAt).toBeInstanceOf(Date);
    expect(stored).toMatchObject({
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    });

    // Confirming the same request again books nothing new; someone else gets the time taken.
    expect((await call("book", request)).ok).toBe(true);
    expect(await BookingModel.countDocuments()).toBe(2);
    const other = apiAs(server.app, 7003);
    const { id: otherId } = await other("identity", {});
    const lost = await other("book", { ...request, bookingId: otherId, details: { ...request.details, email: "c7003@example.com" } });
    expect(lost).toMatchObject({ ok: false, reason: "slot-taken", text: containing("ehti varata") });
    expect(await BookingModel.countDocuments()).toBe(2);
  });

  it("checks typed details as the chat does and books nothing until they are right", async () => {
    const call = apiAs(server.app, 7010);
    const service = (await call("services", {}))[0]!;
    const [slot] = await call("slots", { target: { serviceId: service.id }, day: "2026-12-01" });
    const { id } = await call("identity", {});
    const result = await call("book", {
      bookingId: id,
      serviceId: service.id,
      start: slot!.start,
      details: { firstName: "", lastName: "Asiakas", email: "not-an-email", phone: "12" },
      privacyAcknowledged: true,
    });
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      errors: {
        firstName: "Nimi ei voi olla tyhjä.",
        email: containing("ei näytä sähköpostiosoitteelta"),
        phone: containing("ei näytä puhelinnumerolta"),
      },
    });
    const unacknowledged = await call("book", {
      bookingId: id,
      serviceId: service.id,
      start: slot!.start,
      details: { firstName: "Testi", lastName: "Asiakas", email: "c7010@example.com" },
      privacyAcknowledged: false,
    });
    expect(unacknowledged).toMatchObject({ ok: false, reason: "privacy-not-acknowledged" });
    expect(await BookingModel.countDocuments()).toBe(0);
  });

  it("offers marketing consent once, starting from what stands (a consent given with /marketing stays given)", async () => {
    const call7020 = apiAs(server.app, 7020);
    await call7020("session", {});
    await setMarketingConsent(7020, "telegram", true, "command", new Date());
    const profile = await call7020("profile", {});
    expect(profile).toMatchObject({ consentsAsked: false, consents: { telegram: true, email: false, sms: false } });
    const service = (await call7020("services", {}))[0]!;
    const [slot] = await call7020("slots", { target: { serviceId: service.id }, day: "2026-12-01" });
    const { id } = await call7020("identity", {});
    const details = { firstName: "Testi", lastName: "Asiakas", email: "c7020@example.com" };
    const booked = await call7020("book", { bookingId: id, serviceId: service.id, start: slot!.start, details, privacyAcknowledged: true, marketing: { ...profile.consents, sms: true } });
    expect(booked.ok).toBe(true);
    // SMS needs a phone number; the Telegram consent stands; the question is not asked again.
    expect(await call7020("profile", {})).toMatchObject({ consentsAsked: true, consents: { telegram: true, email: false, sms: false } });
  });

  it("forged, tampered, expired or missing initData gets 401 and changes nothing, writes nothing", async () => {
    const { call, service, slot } = await bookThroughApp(7101, "2026-12-01", "10.00");
    const { id } = await call("identity", {});
    await accessLogs(6);
    await AccessLogModel.deleteMany({});
    const before = await BookingModel.countDocuments();
    const body = {
      bookingId: id,
      serviceId: service.id,
      start: slot.start + 2 * HOUR,
      details: { firstName: "Testi", lastName: "Asiakas", email: "c7102@example.com" },
      privacyAcknowledged: true,
    };
    const genuine = initDataFor(7102);
    const refused = [
      initDataFor(7102, { token: "654321:OTHER-token-abcdefghijklmnopqrstuvwxyz" }),
      genuine.replace("7102", "7101"),
      initDataFor(7102, { authDate: new Date(Date.now() - 25 * HOUR) }),
      "",
      undefined,
    ];
    for (const data of refused) {
      const answer = await callApi(server.app, data, "book", body);
      expect(answer.status).toBe(401);
      expect(answer.json).toBe("Avaa kalenteri botin valikkopainikkeesta Telegramissa.");
      expect((await callApi(server.app, data, "bookings", {})).status).toBe(401);
    }
    expect(await BookingModel.countDocuments()).toBe(before);
    expect(await CustomerModel.exists({ telegramId: 7102 })).toBeNull();
    // Signed 23 hours ago it is still good (WEBAPP_AUTH_MAX_AGE_HOURS, default 24); it is the
    // only request the access log has: refused ones are counted, never written.
    expect((await callApi(server.app, initDataFor(7102, { authDate: new Date(Date.now() - 23 * HOUR) }), "bookings", {})).status).toBe(200);
    expect((await accessLogs(1)).map((e) => e.path)).toEqual(["/app/api/bookings"]);
  });

  it("a customer's call to the practitioner's endpoints gets 403 and changes nothing; the practitioner's is served", async () => {
    const { bookingId, service, slot } = await bookThroughApp(7201, "2026-12-01", "10.00");
    const data = initDataFor(7202);
    const stranger = { customerId: "0123456789abcdef01234567", customer: { firstName: "Vieras", lastName: "Asiakas", phone: "040 123 4567" } };
    const practitioners = { serviceId: service.id, practitioner: true as const };
    const attempts = [
      callApi(server.app, data, "admin/cancel", { bookingId, reason: "x" }),
      callApi(server.app, data, "admin/week", {}),
      callApi(server.app, data, "admin/booking", { bookingId }),
      callApi(server.app, data, "admin/contact", { bookingId }),
      callApi(server.app, data, "admin/attendance", { bookingId, attendance: "no-show" }),
      callApi(server.app, data, "admin/block", { from: "2026-12-01" }),
      callApi(server.app, data, "admin/set-hours", { weekday: 2, intervals: [] }),
      callApi(server.app, data, "days", { target: { bookingId } }),
      // Booking for a customer (A10): the search, a new customer, the practitioner's free times, the booking.
      callApi(server.app, data, "admin/customers", { query: "Asiakas" }),
      callApi(server.app, data, "admin/create-customer", stranger),
      callApi(server.app, data, "days", { target: practitioners }),
      callApi(server.app, data, "slots", { target: practitioners, day: "2026-12-01" }),
      callApi(server.app, data, "admin/book-for", { bookingId: "0123456789abcdef01234568", customerId: stranger.customerId, serviceId: service.id, start: slot.start + 3 * HOUR }),
    ];
    for (const answer of await Promise.all(attempts)) expect(answer.status).toBe(403);
    expect(await CustomerModel.exists({ firstName: "Vieras" })).toBeNull();
    expect(await BookingModel.countDocuments()).toBe(1);
    expect(await BookingModel.findById(bookingId).lean()).toMatchObject({ status: "confirmed" });
    expect(await BookingModel.exists({ attendance: { $exists: true } })).toBeNull();
    expect(await AuditEntryModel.exists({ actorKind: "admin" })).toBeNull();
    expect((await apiAs(server.app, 7202)("session", {})).admin).toBe(false);
    expect((await apiAs(server.app, ADMIN_ID)("session", {})).admin).toBe(true);
    expect((await callApi(server.app, initDataFor(ADMIN_ID), "admin/week", {})).status).toBe(200);
  });

  it("another customer's booking reference answers like an unknown one and cannot be cancelled or moved", async () => {
    const { call } = await bookThroughApp(7301, "2026-12-01", "10.00");
    const [own] = await call("bookings", {});
    const stranger = apiAs(server.app, 7302);
    expect(await stranger("cancel", { ref: own!.ref })).toEqual({ ok: false, text: containing("Varausta ei löytynyt") });
    const { id } = await stranger("identity", {});
    expect(await stranger("move", { ref: own!.ref, start: at("2026-12-02T10:00"), moveId: id })).toMatchObject({ ok: false });
    expect(await stranger("days", { target: { ref: own!.ref } })).toEqual([]);
    expect(await stranger("bookings", {})).toEqual([]);
    const booking = await BookingModel.findOne({ ref: own!.ref }).lean();
    expect(booking).toMatchObject({ status: "confirmed", start: new Date(at("2026-12-01T10:00")) });
  });

  it("a customer moves and cancels through the API; the chat and the practitioner hear of both; after the cutoff whom to call", async () => {
    const { call } = await bookThroughApp(7401, "2026-12-02", "10.00");
    const [booking] = await call("bookings", {});
    expect(booking).toMatchObject({ when: "ke 2.12.2026 klo 10.00", deadline: "ti 1.12.2026 klo 10.00" });
    const newStart = (await call("slots", { target: { ref: booking!.ref }, day: "2026-12-03" })).find((s) => s.time === "11.00")!.start;
    suite.tg.clearCalls();
    const { id: moveId } = await call("identity", {});
    const moved = await call("move", { ref: booking!.ref, start: newStart, moveId });
    expect(moved).toEqual({ ok: true, text: containing("Uusi aika: to 3.12.2026 klo 11.00") });
    expect(suite.tg.callsOf("sendMessage", 7401).map((c) => c.payload.text)).toEqual([moved.text]);
    expect(String(suite.tg.callsOf("sendMessage", ADMIN_ID)[0]!.payload.text)).toContain("siirsi");

    const cancelled = await call("cancel", { ref: booking!.ref });
    expect(cancelled).toEqual({ ok: true, text: containing("Varauksesi on peruttu") });
    expect(calendarFilesTo(suite.tg, 7401).map((f) => [f.sequence, f.method ?? "PUBLISH"])).toEqual([
      [1, "PUBLISH"],
      [2, "CANCEL"],
    ]);
    expect(suite.tg.callsOf("sendMessage", ADMIN_ID)).toHaveLength(2);
    expect(await BookingModel.findOne({ ref: booking!.ref }).lean()).toMatchObject({ status: "cancelled", cancelledBy: "customer" });

    const late = await bookThroughApp(7402, "2026-12-01", "13.00");
    vi.setSystemTime(at("2026-11-30T13:05"));
    const [locked] = await late.call("bookings", {});
    expect(locked).toMatchObject({ locked: containing("040 519 6900") });
    expect(locked!.deadline).toBeUndefined();
    expect(await late.call("cancel", { ref: locked!.ref })).toEqual({ ok: false, text: locked!.locked });
  });

  it("the practitioner's week, booking card and every action, audit-logged as hers; the customer is told", async () => {
    const { bookingId } = await bookThroughApp(7501, "2026-12-01", "10.00");
    const admin = apiAs(server.app, ADMIN_ID);
    const week = await admin("admin/week", {});
    expect(week).toMatchObject({ start: "2026-11-30", previous: "2026-11-23", next: "2026-12-07" });
    expect(week.days.map((d) => d.label)).toEqual(["ma 30.11.2026", "ti 1.12.2026", "ke 2.12.2026", "to 3.12.2026", "pe 4.12.2026", "la 5.12.2026", "su 6.12.2026"]);
    expect(week.days[1]).toMatchObject({ hours: "9.00–12.00 ja 12.30–17.00", entries: [{ kind: "booking", id: bookingId, time: "10.00–11.00", customer: "Testi Asiakas" }] });
    expect(week.days[5]!.hours).toBe("suljettu");

    expect(await admin("admin/booking", { bookingId })).toMatchObject({ customer: "Testi Asiakas", amount: "55,00", standing: true, changeable: true, status: "varattu" });
    expect(await admin("admin/attendance", { bookingId, attendance: "attended" })).toEqual({ ok: true, text: "✓ kävi" });
    expect((await admin("admin/contact", { bookingId })).text).toContain("c7501@example.com");
    const payment = await admin("admin/payment", { bookingId, amount: "55,00", method: "card" });
    expect(payment).toMatchObject({ ok: true, receiptNumber: 1, text: containing("KUITTI nro 1") });
    suite.tg.clearCalls();
    expect(await admin("admin/send-receipt", { receiptNumber: 1 })).toMatchObject({ ok: true });
    expect(String(suite.tg.callsOf("sendMessage", 7501)[0]!.payload.text)).toContain("KUITTI nro 1");

    const newStart = (await admin("slots", { target: { bookingId }, day: "2026-12-02" })).find((s) => s.time === "14.00")!.start;
    const { id: moveId } = await admin("identity", {});
    suite.tg.clearCalls();
    expect(await admin("admin/move", { bookingId, start: newStart, moveId })).toMatchObject({ ok: true, text: containing("ke 2.12.2026 klo 14.00") });
    expect(String(suite.tg.callsOf("sendMessage", 7501)[0]!.payload.text)).toContain("Vastaanotto on siirtänyt varauksesi");
    expect(calendarFilesTo(suite.tg, 7501)).toMatchObject([{ sequence: 1, dtstart: "20261202T120000Z" }]);

    suite.tg.clearCalls();
    expect(await admin("admin/cancel", { bookingId, reason: "Sairastuminen" })).toEqual({ ok: true, text: "Peruttu; asiakkaalle on ilmoitettu." });
    expect(String(suite.tg.callsOf("sendMessage", 7501)[0]!.payload.text)).toContain("Syy: Sairastuminen");
    expect(calendarFilesTo(suite.tg, 7501)).toMatchObject([{ method: "CANCEL", sequence: 2 }]);
    expect(await admin("admin/booking", { bookingId })).toMatchObject({ standing: false, changeable: false, status: "peruttu" });

    const audit = await AuditEntryModel.find({ actorKind: "admin" }, { _id: 0, action: 1, fields: 1, actorId: 1 }).sort({ at: 1, _id: 1 }).lean();
    expect(audit.map((e) => [e.action, e.fields?.join() ?? "", e.actorId])).toEqual([
      ["change", "attendance", ADMIN_ID],
      ["view", "email,phone", ADMIN_ID],
      ["change", "payments", ADMIN_ID],
      ["booking-moved", "", ADMIN_ID],
      ["booking-cancelled", "", ADMIN_ID],
    ]);
  });

  it("the practitioner blocks and unblocks time and edits the weekly hours; free times follow at once", async () => {
    const admin = apiAs(server.app, ADMIN_ID);
    const service = (await admin("services", {}))[0]!;
    const free = async () => (await admin("days", { target: { serviceId: service.id } })).map((d) => d.date);
    expect(await free()).toContain("2026-12-03");
    const blocked = await admin("admin/block", { from: "2026-12-03" });
    expect(blocked).toMatchObject({ ok: true, inside: [] });
    expect(await free()).not.toContain("2026-12-03");
    const day = (await admin("admin/week", {})).days[3]!;
    expect(day.entries).toMatchObject([{ kind: "blocked", time: "koko päivä" }]);
    expect(await admin("admin/block", { from: "2026-12-04", startTime: "12:00", endTime: "10:00" })).toMatchObject({ ok: false });
    expect(await admin("admin/unblock", { exceptionId: day.entries[0]!.id })).toMatchObject({ ok: true });
    expect(await free()).toContain("2026-12-03");

    expect(await free()).not.toContain("2026-12-05");
    expect(await admin("admin/set-hours", { weekday: 6, intervals: [{ start: "10:00", end: "14:00" }] })).toEqual({ ok: true, text: "Tallennettu." });
    expect(await free()).toContain("2026-12-05");
    expect((await admin("admin/hours", {}))[5]).toEqual({ weekday: 6, label: "lauantai", intervals: [{ start: "10:00", end: "14:00" }] });
    expect(await admin("admin/set-hours", { weekday: 6, intervals: [{ start: "14:00", end: "10:00" }] })).toMatchObject({ ok: false });
    expect((await admin("admin/hours", {}))[5]!.intervals).toEqual([{ start: "10:00", end: "14:00" }]);
  });

  it("keeps the source address in the access log only, and no personal data in the logs", async () => {
    await bookThroughApp(7601, "2026-12-01", "10.00");
    const entries = await accessLogs(5);
    expect(entries.map((e) => e.path)).toEqual(["/app/api/session", "/app/api/services", "/app/api/slots", "/app/api/identity", "/app/api/book"]);
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(["_id", "at", "ip", "path", "status"]);
      expect(e).toMatchObject({ ip: "127.0.0.1", status: 200 });
    }
    const logs = server.logs.lines.join("\n");
    for (const personal of ["c7601@example.com", "Testi", "7601"]) expect(logs).not.toContain(personal);
  });

  it("speaks the user's stored language with the bot's own texts: every message the app uses, in fi, sv and en", async () => {
    for (const [id, language, weekday, button] of [
      [7701, "fi", "ma", "Vahvista varaus"],
      [7702, "sv", "mån", "Bekräfta bokningen"],
      [7703, "en", "Mon", "Confirm booking"],
    ] as const) {
      const session = await apiAs(server.app, id, language)("session", {});
      expect(session.language).toBe(language);
      expect(session.weekdays[0]).toBe(weekday);
      const resource = new FluentResource(session.messages);
      const bundle = new FluentBundle(session.locale, { useIsolating: false });
      expect(bundle.addResource(resource)).toEqual([]);
      for (const key of WEBAPP_MESSAGES) expect(bundle.getMessage(key)?.value, `${language}:${key}`).toBeTruthy();
      expect(resource.body).toHaveLength(WEBAPP_MESSAGES.length);
      expect(bundle.formatPattern(bundle.getMessage("button-confirm")!.value!)).toContain(button);
    }
    // The stored language wins over Telegram's, as in the chat.
    await CustomerModel.updateOne({ telegramId: 7702 }, { $set: { language: "en" } });
    expect((await apiAs(server.app, 7702, "sv")("session", {})).language).toBe("en");
  });
});

describe("the practitioner books for a customer in the Mini App (A10) and sees who waits (W4)", () => {
  /** The practitioner in the chat, as test/bot/book-for.test.ts drives her. */
  const chatPractitioner = () => new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language: "fi" });
  const audit = (filter: object) =>
    AuditEntryModel.find(filter, { _id: 0, action: 1, actorKind: 1, actorId: 1, fields: 1 }).sort({ at: 1, _id: 1 }).lean();
  const cells = (bookingId: Types.ObjectId) => SlotClaimModel.countDocuments({ bookingId });

  /** The client's report of a booking made: the chat's own message (admin-book-done), formatted as the page does. */
  async function report(name: string, result: { service: string; when: string; told: string }) {
    const session = await apiAs(server.app, ADMIN_ID)("session", {});
    const bundle = new FluentBundle(session.locale, { useIsolating: false });
    bundle.addResource(new FluentResource(session.messages));
    return bundle.formatPattern(bundle.getMessage("admin-book-done")!.value!, { ...result, name });
  }

  it("a new phone customer: created once however often the form is sent, booked by her rules with the chat's claim, audit and report; nobody is messaged", async () => {
    const chat = chatPractitioner();
    await chat.send("/bookfor");
    await chat.press("➕ Uusi asiakas");
    await chat.send("Pertti");
    await chat.send("Puhelin");
    await chat.send("040 765 4321");
    await chat.press("Ohita");
    await chat.press("60 min");
    await chat.press("ti 1.12.");
    await chat.press("9.00");
    await chat.press("Vahvista");
    const chatReport = chat.lastText();
    expect(chatReport).toContain("Varattu: Klassinen hieronta 60 min asiakkaalle Pertti Puhelin");

    const admin = apiAs(server.app, ADMIN_ID);
    suite.tg.clearCalls();
    const { id: customerId } = await admin("identity", {});
    const form = { customerId, customer: { firstName: " Paula ", lastName: "Puhelin", phone: "040 111 2222" } };
    // Sent three times at once (a double tap, a retried request): one customer, created once.
    const created = await Promise.all([1, 2, 3].map(() => admin("admin/create-customer", form)));
    for (const r of created) expect(r).toEqual({ ok: true, customer: { customerId, name: "Paula Puhelin", onTelegram: false } });
    expect(await admin("admin/create-customer", form)).toEqual(created[0]);
    expect(await CustomerModel.countDocuments({ firstName: "Paula" })).toBe(1);
    // Stored as the chat stores a phone customer: the phone in E.164, no Telegram id.
    const [pertti, paula] = await CustomerModel.find({ lastName: "Puhelin" }).sort({ _id: 1 }).lean();
    expect(paula!._id.toHexString()).toBe(customerId);
    expect(paula!.telegramId ?? undefined).toBeUndefined();
    for (const c of [pertti!, paula!]) {
      expect(await audit({ customerId: c._id, action: "customer-created" })).toEqual([
        { action: "customer-created", actorKind: "admin", actorId: ADMIN_ID, fields: ["firstName", "lastName", "phone"] },
      ]);
    }
    // Found again by phone number, typed another way; the view is audit-logged as hers.
    expect(await admin("admin/customers", { query: "+358401112222" })).toEqual([{ customerId, name: "Paula Puhelin", onTelegram: false }]);
    expect(await audit({ customerId: paula!._id, action: "view" })).toEqual([{ action: "view", actorKind: "admin", actorId: ADMIN_ID, fields: ["firstName", "lastName"] }]);

    // Her free times: today too (no minimum notice) and beyond the customers' horizon; the chat's 9.00 is taken.
    const service = (await admin("services", {})).find((s) => s.durationMinutes === 60)!;
    const target = { serviceId: service.id, practitioner: true as const };
    const days = (await admin("days", { target })).map((d) => d.date);
    expect(days[0]).toBe("2026-11-30");
    expect((await admin("days", { target: { serviceId: service.id } }))[0]!.date).toBe("2026-12-01");
    expect(days.at(-1)! > "2027-01-29").toBe(true);
    const slots = await admin("slots", { target, day: "2026-12-01" });
    expect(slots.map((s) => s.time)).not.toContain("9.00");
    const slot = slots.find((s) => s.time === "13.00")!;

    const { id: bookingId } = await admin("identity", {});
    const request = { bookingId, customerId, serviceId: service.id, start: slot.start };
    const result = await admin("admin/book-for", request);
    expect(result).toEqual({ ok: true, when: "ti 1.12.2026 klo 13.00", service: "Klassinen hieronta 60 min", day: "2026-12-01", told: "not-on-telegram" });
    if (!result.ok) return;
    expect(await report("Paula Puhelin", result)).toBe(chatReport.replace("Pertti", "Paula").replace("klo 9.00", "klo 13.00"));
    // Confirmed again: the same booking, nothing new.
    expect(await admin("admin/book-for", request)).toEqual(result);

    // Identical to the chat's: the claim, no reminder (not on Telegram), the audit entry; nobody told.
    const [chatBooking, appBooking] = await BookingModel.find().sort({ start: 1 }).lean();
    expect(appBooking).toMatchObject({ _id: new Types.ObjectId(bookingId), customerId: paula!._id, status: "confirmed" });
    for (const b of [chatBooking!, appBooking!]) {
      expect(b.reminderDueAt ?? undefined).toBeUndefined();
      expect(await cells(b._id)).toBe(15);
      expect(await audit({ subjectId: b._id })).toEqual([{ action: "booking-created", actorKind: "admin", actorId: ADMIN_ID }]);
    }
    expect(suite.tg.calls.filter((c) => c.method === "sendMessage" || c.method === "sendDocument")).toEqual([]);

    // It is in her week; a customer can no longer have that time.
    const tuesday = (await admin("admin/week", { start: result.day })).days[1]!;
    expect(tuesday.entries).toMatchObject([
      { kind: "booking", time: "9.00–10.00", customer: "Pertti Puhelin" },
      { kind: "booking", id: bookingId, time: "13.00–14.00", customer: "Paula Puhelin" },
    ]);
    const customerSlots = await apiAs(server.app, 7960)("slots", { target: { serviceId: service.id }, day: "2026-12-01" });
    expect(customerSlots.map((s) => s.time)).not.toContain("13.00");
  });

  it("a customer on Telegram is told as the chat tells them, once even when Confirm arrives twice at once", async () => {
    await bookThroughApp(7951, "2026-12-01", "10.00");
    const chat = chatPractitioner();
    await chat.send("/bookfor");
    await chat.send("Asiakas");
    await chat.press("Testi Asiakas");
    await chat.press("60 min");
    suite.tg.clearCalls();
    await chat.press("ke 2.12.");
    await chat.press("10.00");
    await chat.press("Vahvista");
    const chatReport = chat.lastText();
    expect(chatReport).toContain("Hänelle lähetettiin vahvistus ja kalenteritiedosto");
    const chatMessages = suite.tg.callsOf("sendMessage", 7951).map((c) => String(c.payload.text));
    const [chatFile] = calendarFilesTo(suite.tg, 7951);
    expect(chatMessages).toHaveLength(1);

    const admin = apiAs(server.app, ADMIN_ID);
    const [hit] = await admin("admin/customers", { query: "Asiakas" });
    expect(hit).toMatchObject({ name: "Testi Asiakas", onTelegram: true });
    const service = (await admin("services", {})).find((s) => s.durationMinutes === 60)!;
    const slot = (await admin("slots", { target: { serviceId: service.id, practitioner: true }, day: "2026-12-03" })).find((s) => s.time === "10.00")!;
    const { id: bookingId } = await admin("identity", {});
    suite.tg.clearCalls();
    const request = { bookingId, customerId: hit!.customerId, serviceId: service.id, start: slot.start };
    const [first, second] = await Promise.all([admin("admin/book-for", request), admin("admin/book-for", request)]);
    expect(first).toMatchObject({ ok: true, told: "sent", when: "to 3.12.2026 klo 10.00" });
    expect(second).toEqual(first);
    expect(await BookingModel.countDocuments({ start: new Date(slot.start) })).toBe(1);
    expect(await cells(new Types.ObjectId(bookingId))).toBe(15);

    // The chat's own confirmation and calendar file, once; the practitioners are not notified, as in the chat.
    expect(suite.tg.callsOf("sendMessage", 7951).map((c) => String(c.payload.text))).toEqual([chatMessages[0]!.replace("ke 2.12.2026", "to 3.12.2026")]);
    const appFiles = calendarFilesTo(suite.tg, 7951);
    expect(appFiles).toHaveLength(1);
    expect(appFiles[0]).toMatchObject({ sequence: 0, caption: chatFile!.caption, dtstart: "20261203T080000Z" });
    expect(suite.tg.callsOf("sendMessage", ADMIN_ID)).toEqual([]);
    if (first.ok) expect(await report("Testi Asiakas", first)).toBe(chatReport.replace("ke 2.12.2026", "to 3.12.2026"));

    // The same audit trail and reminder as the chat's booking for her.
    const customer = await CustomerModel.findOne({ telegramId: 7951 }).lean();
    const [, chatBooking, appBooking] = await BookingModel.find({ customerId: customer!._id }).sort({ start: 1 }).lean();
    const byAdmin = await audit({ customerId: customer!._id, actorKind: "admin" });
    expect(byAdmin.map((e) => e.action)).toEqual(["view", "booking-created", "view", "booking-created"]);
    for (const b of [chatBooking!, appBooking!]) expect(b.reminderDueAt?.getTime()).toBe(b.start.getTime() - 24 * HOUR);
  });

  it("a new customer's details are checked as the chat checks them; someone with the same phone number is offered first", async () => {
    const admin = apiAs(server.app, ADMIN_ID);
    const { id: first } = await admin("identity", {});
    const invalid = await admin("admin/create-customer", { customerId: first, customer: { firstName: "", lastName: "Puhelin", phone: "12", email: "ei-osoite" } });
    expect(invalid).toEqual({
      ok: false,
      reason: "invalid",
      errors: { firstName: "Nimi ei voi olla tyhjä.", phone: containing("ei näytä puhelinnumerolta"), email: containing("ei näytä sähköpostiosoitteelta") },
    });
    expect(await CustomerModel.exists({ lastName: "Puhelin" })).toBeNull();
    const paula = await admin("admin/create-customer", { customerId: first, customer: { firstName: "Paula", lastName: "Puhelin", phone: "040 111 2222" } });
    expect(paula.ok).toBe(true);

    const { id: second } = await admin("identity", {});
    const pekka = { customerId: second, customer: { firstName: "Pekka", lastName: "Puhelin", phone: "0401112222" } };
    expect(await admin("admin/create-customer", pekka)).toEqual({
      ok: false,
      reason: "duplicate",
      matches: [{ customerId: first, name: "Paula Puhelin", onTelegram: false }],
      text: containing("(Pekka Puhelin)"),
    });
    expect(await CustomerModel.countDocuments({ lastName: "Puhelin" })).toBe(1);
    // A family may share a number: added anyway when she says so.
    expect(await admin("admin/create-customer", { ...pekka, allowDuplicate: true })).toEqual({
      ok: true,
      customer: { customerId: second, name: "Pekka Puhelin", onTelegram: false },
    });
    expect(await CustomerModel.countDocuments({ lastName: "Puhelin" })).toBe(2);
    expect((await audit({ action: { $in: ["view", "customer-created"] } })).map((e) => e.action)).toEqual(["customer-created", "view", "customer-created"]);
  });

  it("her week says how many customers wait for each day from today on, counts only", async () => {
    const services = createServices(testConfig());
    const service = (await services.listServices())[0]!;
    for (const [id, from, to] of [[7971, "2026-11-30", "2026-12-02"], [7972, "2026-12-02", "2026-12-02"]] as const) {
      await apiAs(server.app, id)("session", {});
      await CustomerModel.updateOne({ telegramId: id }, { $set: { firstName: "Jonottaja", lastName: `Nro${id}` } });
      expect((await services.waitlist.join(id, { serviceId: service.id, fromDay: from, toDay: to, part: "any" }, Date.now())).ok).toBe(true);
    }
    const admin = apiAs(server.app, ADMIN_ID);
    const week = await admin("admin/week", {});
    expect(week.days.map((d) => d.waiting)).toEqual([1, 1, 2, undefined, undefined, undefined, undefined]);
    expect(JSON.stringify(week)).not.toContain("Jonottaja");
    // Not for days gone by: the week before shows none.
    expect((await admin("admin/week", { start: "2026-11-23" })).days.every((d) => d.waiting === undefined)).toBe(true);
    vi.setSystemTime(at("2026-12-01T08:00"));
    expect((await apiAs(server.app, ADMIN_ID)("admin/week", {})).days.map((d) => d.waiting)).toEqual([undefined, 1, 2, undefined, undefined, undefined, undefined]);
  });
});

describe("serving the Mini App (M5)", () => {
  it("serves the built client under its path, compressed, with a content security policy", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "webapp-"));
    await mkdir(path.join(dir, "assets"));
    await writeFile(path.join(dir, "index.html"), "<!doctype html><title>x</title>");
    await writeFile(path.join(dir, "assets", "app-1234.js"), "console.log(1)");
    const own = await startWebApp(suite.tg, { staticDir: dir });
    try {
      const page = await fetch(own.app);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-encoding")).toBe("gzip");
      expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await page.text()).toContain("<title>x</title>");
      const asset = await fetch(`${own.app}assets/app-1234.js`);
      expect(asset.headers.get("cache-control")).toContain("immutable");
      expect((await fetch(own.app.slice(0, -1), { redirect: "manual" })).headers.get("location")).toBe("/app/");
      expect((await fetch(`${own.app}nothing.js`)).status).toBe(404);
      expect((await fetch(`${own.app}api/unknown`, { method: "POST" })).status).toBe(404);
    } finally {
      await own.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("with WEBAPP_URL the chat offers the calendar: the menu button, and a button under /start and /book", async () => {
    const config = testConfig({ WEBAPP_URL: "https://bot.example.fi/app/", HTTP_PORT: "8090" });
    const customer = new TestCustomer(createTestBot(suite.tg, config), suite.tg, { id: 7801, language: "fi" });
    await customer.send("/start");
    const webApp = (id: number) =>
      suite.tg.callsOf("sendMessage", id).map((c) => JSON.stringify(c.payload.reply_markup ?? "")).filter((m) => m.includes("web_app"));
    expect(webApp(7801)).toHaveLength(1);
    expect(webApp(7801)[0]).toContain('"url":"https://bot.example.fi/app/"');
    await customer.send("/book");
    expect(webApp(7801)).toHaveLength(2);
    expect(customer.lastText()).toBe("Minkä hoidon haluat varata?");

    await setWebAppMenuButton(createTestBot(suite.tg, config).api, createI18n("fi"), config, createLogger("silent", new LogCapture()));
    expect(suite.tg.callsOf("setChatMenuButton").map((c) => c.payload)).toEqual([
      { menu_button: { type: "web_app", text: "Kalenteri", web_app: { url: "https://bot.example.fi/app/" } } },
    ]);
  });
});
