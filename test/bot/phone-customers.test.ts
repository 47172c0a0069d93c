import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { createBot } from "../../src/bot/index.js";
import { createI18n } from "../../src/bot/i18n.js";
import { createOnBehalfMessages } from "../../src/bot/practice-booking.js";
import { createReminderJob } from "../../src/bot/reminders.js";
import { createRetentionJob } from "../../src/bot/retention.js";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { DataRequestModel } from "../../src/db/models/data-request.js";
import { TelegramLinkModel } from "../../src/db/models/telegram-link.js";
import { createLogger } from "../../src/logger.js";
import { newIdentity, bookAppointment } from "../../src/services/booking.js";
import { listActiveServices } from "../../src/services/catalog.js";
import { createServices } from "../../src/services/index.js";
import { touchCustomer } from "../../src/services/customers.js";
import { claimInactiveCustomers } from "../../src/services/retention.js";
import { ADMIN_ID, createTestBot, TestCustomer, testConfig } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { BOT_INFO, textUpdate } from "../helpers/fake-telegram.js";
import { at, bookFor, HOUR, SETTINGS } from "../helpers/fixtures.js";
import { calendarFilesTo } from "../helpers/ics.js";

useTestDatabase();
const NOW = at("2026-12-01T08:00"); // Tuesday
const DAY = 24 * HOUR;
const suite = useBotSuite(NOW);
const config = testConfig();
const services = createServices(config);

function practitioner() {
  return new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language: "fi" });
}

async function serviceId(minutes: number): Promise<string> {
  return (await listActiveServices()).find((s) => s.durationMinutes === minutes)!.id;
}

async function newPhoneCustomer(firstName: string, lastName: string, extra: { phone?: string; email?: string } = {}): Promise<string> {
  const created = await services.admin.createPhoneCustomer({ firstName, lastName, ...extra }, ADMIN_ID, new Date());
  if (!created.ok) throw new Error(`not created: ${JSON.stringify(created)}`);
  return created.customerId;
}

function onBehalf(customerId: string, minutes: number, start: number, extra: { outsideHours?: boolean; bookingId?: string } = {}) {
  return serviceId(minutes).then((id) =>
    services.admin.bookOnBehalf({
      bookingId: extra.bookingId ?? newIdentity(),
      customerId,
      serviceId: id,
      start,
      adminId: ADMIN_ID,
      now: Date.now(),
      ...(extra.outsideHours ? { outsideHours: true } : {}),
    }),
  );
}

/** Opens a customer's card from /customer and makes a Telegram link there; returns the link's token. */
async function makeLink(admin: TestCustomer, query: string, name: string): Promise<string> {
  await admin.send(`/customer ${query}`);
  await admin.press(name);
  await admin.press("Telegram-linkki");
  const match = /https:\/\/t\.me\/ajanvaraus_test_bot\?start=(\S+)/.exec(admin.lastText());
  if (!match) throw new Error(`no link in: ${admin.lastText()}`);
  return match[1]!;
}

describe("customers without Telegram (A10)", () => {
  it("are created from a name with optional phone and email, validated, encrypted, found by name, phone or email, and audit-logged", async () => {
    const invalid = await services.admin.createPhoneCustomer({ firstName: "Pirkko", lastName: "Puhelin", phone: "12" }, ADMIN_ID, new Date());
    expect(invalid).toEqual({ ok: false, reason: "invalid", field: "phone", problem: "invalid" });
    expect(await services.admin.createPhoneCustomer({ firstName: " ", lastName: "Puhelin" }, ADMIN_ID, new Date())).toMatchObject({ field: "firstName", problem: "empty" });
    expect(await services.admin.createPhoneCustomer({ firstName: "Pirkko", lastName: "Puhelin", email: "ei-osoite" }, ADMIN_ID, new Date())).toMatchObject({
      field: "email",
    });
    const id = await newPhoneCustomer("Pirkko", "Puhelin", { phone: "040 123 4567", email: "Pirkko@Example.com" });
    // A second customer without Telegram (and so without a Telegram id) is stored beside her.
    const second = await newPhoneCustomer("Paavo", "Paikalla");
    expect(second).not.toBe(id);
    const stored = await CustomerModel.findById(id).lean();
    expect(stored?.telegramId).toBeUndefined();
    expect(stored?.identity).toBe(`practice:${id}`);
    expect(JSON.stringify(stored)).not.toMatch(/4567|Example\.com/i);
    expect(await AuditEntryModel.findOne({ customerId: stored!._id, action: "customer-created" }).lean()).toMatchObject({
      actorKind: "admin",
      actorId: ADMIN_ID,
      fields: ["firstName", "lastName", "phone", "email"],
    });
    // The same phone again is reported (a family may share one: it can still be created on purpose).
    const twin = await services.admin.createPhoneCustomer({ firstName: "Pekka", lastName: "Puhelin", phone: "+358401234567" }, ADMIN_ID, new Date());
    expect(twin).toEqual({ ok: false, reason: "duplicate", matches: [{ customerId: id, name: "Pirkko Puhelin", onTelegram: false }] });
    expect(await services.admin.createPhoneCustomer({ firstName: "Pekka", lastName: "Puhelin", phone: "+358401234567" }, ADMIN_ID, new Date(), { allowDuplicate: true })).toMatchObject({ ok: true });

    const admin = practitioner();
    for (const query of ["pirkko", "0401234567", "PIRKKO@example.com"]) {
      await admin.send(`/customer ${query}`);
      expect(admin.buttons().map(([label]) => label), query).toContain("Pirkko Puhelin");
    }
    await admin.press("Pirkko Puhelin");
    expect(admin.lastText()).toContain("Puhelin: +358401234567");
    expect(admin.lastText()).toContain("Sähköposti: Pirkko@example.com");
    const labels = admin.buttons().map(([label]) => label);
    expect(labels).toEqual(expect.arrayContaining(["🔗 Telegram-linkki", "📦 Vie tiedot", "🗑 Poista tiedot"]));
    // Each search hit and the card are views by the practitioner.
    expect(await AuditEntryModel.countDocuments({ customerId: stored!._id, action: "view", actorId: ADMIN_ID })).toBeGreaterThanOrEqual(5);
  });

  it("are booked on the practitioner's behalf through the same claim as chat bookings: no double booking, no notice or horizon, hours unless she says otherwise", async () => {
    const id = await newPhoneCustomer("Veera", "Varaaja", { phone: "040 765 4321" });
    await bookFor(6001, 60, at("2026-12-02T10:00"), NOW); // a chat customer's booking

    // Over the chat customer's time, or its buffer: refused, with the time it holds.
    for (const start of [at("2026-12-02T10:00"), at("2026-12-02T10:30"), at("2026-12-02T09:15")]) {
      const refused = await onBehalf(id, 60, start);
      expect(refused, String(start)).toMatchObject({ ok: false, reason: "slot-taken" });
    }
    // Today within the minimum notice, and past the customers' 60-day horizon: hers to book.
    const today = await onBehalf(id, 60, at("2026-12-01T09:00"));
    expect(today).toMatchObject({ ok: true, customer: { customerId: id, language: "fi" } });
    expect(await onBehalf(id, 60, at("2027-02-22T10:00"))).toMatchObject({ ok: true });
    // Saturday is closed: only when she says so; a past time is not open either.
    expect(await onBehalf(id, 60, at("2026-12-05T10:00"))).toEqual({ ok: false, reason: "outside-hours" });
    expect(await onBehalf(id, 60, at("2026-12-01T07:00"))).toEqual({ ok: false, reason: "outside-hours" });
    expect(await onBehalf(id, 60, at("2026-12-05T10:00"), { outsideHours: true })).toMatchObject({ ok: true });

    // Confirming the same booking twice books it once (and says it was booked before).
    const bookingId = newIdentity();
    const first = await onBehalf(id, 30, at("2026-12-03T13:00"), { bookingId });
    const again = await onBehalf(id, 30, at("2026-12-03T13:00"), { bookingId });
    expect(first).not.toHaveProperty("repeated");
    expect(again).toEqual({ ...first, repeated: true });
    expect(await BookingModel.countDocuments({ _id: bookingId })).toBe(1);
    // A chat customer cannot book over it.
    await expect(bookFor(6002, 30, at("2026-12-03T13:00"), NOW)).rejects.toThrow(/slot-taken/);

    // The practitioner and a chat customer confirming the same free time at once: exactly one wins.
    await touchCustomer(6003, "fi", "fi", new Date(NOW));
    const start = at("2026-12-04T14:00");
    const race = await Promise.all([
      onBehalf(id, 60, start),
      bookAppointment(SETTINGS, {
        bookingId: newIdentity(),
        telegramId: 6003,
        serviceId: await serviceId(60),
        start,
        now: NOW,
        privacyAcknowledged: true,
        details: { firstName: "Kisa", lastName: "Asiakas", email: "kisa@example.com" },
      }),
    ]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(await BookingModel.countDocuments({ start: new Date(start), status: "confirmed" })).toBe(1);

    // Booked by her in the audit log; no reminder for a customer not on Telegram.
    const booked = await BookingModel.findById(bookingId).lean();
    expect(booked?.reminderDueAt).toBeUndefined();
    expect(await AuditEntryModel.findOne({ subjectId: bookingId, action: "booking-created" }).lean()).toMatchObject({ actorKind: "admin", actorId: ADMIN_ID });
    if (!first.ok) throw new Error("not booked");
    const messages = createOnBehalfMessages(createTestBot(suite.tg).api, createI18n("fi"), config, createLogger("silent"));
    expect(await messages.confirmToCustomer(first.booking, first.customer)).toBe("not-on-telegram");

    // Her day shows the booking with the customer's name.
    const admin = practitioner();
    await admin.send("/today");
    expect(admin.texts().join("\n")).toContain("9.00–10.00 Klassinen hieronta 60 min – Veera Varaaja");
  });

  it("offers the practitioner days and times without the minimum notice or the horizon", async () => {
    const sixty = await serviceId(60);
    const days = await services.admin.availableDays(sixty, NOW);
    expect(days[0]).toBe("2026-12-01");
    expect(days).toContain("2027-03-01");
    expect(days).not.toContain("2026-12-05"); // Saturday
    const times = await services.admin.slotsOnDay(sixty, "2026-12-01", NOW);
    expect(times[0]).toBe(at("2026-12-01T09:00"));
    // The customers see neither today (12 h notice) nor March (60 days).
    const customerDays = await services.availableDays({ serviceId: sixty }, NOW);
    expect(customerDays).not.toContain("2026-12-01");
    expect(customerDays).not.toContain("2027-03-01");
  });
});

describe("linking a customer to Telegram (A11)", () => {
  it("a one-time link from the card links the account that opens it: bookings, reminders and confirmations follow; opening it again is harmless", async () => {
    const id = await newPhoneCustomer("Liisa", "Linkki", { phone: "040 111 2233" });
    const ahead = await onBehalf(id, 60, at("2026-12-03T10:00"));
    if (!ahead.ok) throw new Error("not booked");
    const admin = practitioner();
    const token = await makeLink(admin, "linkki", "Liisa Linkki");
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(admin.lastText()).toContain("Linkki toimii kerran, ti 8.12.2026 klo 8.00 asti");
    // Only a hash of it is kept.
    const stored = await TelegramLinkModel.find().lean();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await AuditEntryModel.countDocuments({ action: "telegram-link-created", actorId: ADMIN_ID })).toBe(1);

    const liisa = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7001, language: "fi" });
    await liisa.send(`/start ${token}`);
    expect(liisa.lastText()).toContain("Telegramisi on nyt liitetty asiakastietoosi");
    expect(admin.lastText()).toContain("Liisa Linkki avasi Telegram-linkin");
    // The chat's own new record gave way: one customer has this Telegram account, and it is Liisa.
    const linked = await CustomerModel.find({ telegramId: 7001 }).lean();
    expect(linked.map((c) => c._id.toHexString())).toEqual([id]);
    expect(linked[0]?.identity).toBe("telegram:7001");
    expect(await AuditEntryModel.findOne({ customerId: linked[0]!._id, action: "telegram-linked" }).lean()).toMatchObject({ actorKind: "customer" });

    await liisa.send("/mybookings");
    expect(liisa.texts().join("\n")).toContain("to 3.12.2026 klo 10.00");
    expect((await BookingModel.findById(ahead.booking.id).lean())?.reminderDueAt).toEqual(new Date(at("2026-12-02T10:00")));
    const reminders = createReminderJob(createTestBot(suite.tg).api, createI18n("fi"), config, services, createLogger("silent"));
    expect(await reminders.runOnce(at("2026-12-02T10:00"))).toBe(1);
    expect(liisa.lastText()).toContain("Muistutus");

    // Opening the link again (a second tap): nothing changes, nobody is told again.
    const toAdmin = suite.tg.callsOf("sendMessage", ADMIN_ID).length;
    await liisa.send(`/start ${token}`);
    expect(liisa.lastText()).toContain("on jo liitetty");
    expect(suite.tg.callsOf("sendMessage", ADMIN_ID)).toHaveLength(toAdmin);
    expect(await AuditEntryModel.countDocuments({ action: "telegram-linked" })).toBe(1);
    // The same update delivered twice is handled once.
    const update = textUpdate(suite.tg, { id: 7001, language: "fi" }, `/start ${token}`);
    const replies = suite.tg.callsOf("sendMessage", 7001).length;
    await liisa.bot.handleUpdate(update);
    await liisa.bot.handleUpdate(update);
    expect(suite.tg.callsOf("sendMessage", 7001)).toHaveLength(replies + 1);

    // A booking she makes for Liisa now reaches Liisa too, with its calendar file.
    const later = await onBehalf(id, 30, at("2026-12-04T13:00"));
    if (!later.ok) throw new Error("not booked");
    expect(later.customer.telegramId).toBe(7001);
    const messages = createOnBehalfMessages(createTestBot(suite.tg).api, createI18n("fi"), config, createLogger("silent"));
    expect(await messages.confirmToCustomer(later.booking, later.customer)).toBe("sent");
    expect(liisa.texts().at(-1)).toContain("on varannut sinulle ajan");
    expect(calendarFilesTo(suite.tg, 7001).at(-1)).toMatchObject({ method: "PUBLISH", sequence: 0, uid: `${later.booking.ref}@ajanvarausbotti` });
    // The card no longer offers a link; a stale button says she is linked.
    await admin.send("/customer linkki");
    await admin.press("Liisa Linkki");
    expect(admin.buttons().map(([label]) => label)).not.toContain("🔗 Telegram-linkki");
    await admin.pressData(`ad:tl:${id}`, 1);
    expect(admin.lastText()).toBe("Liisa Linkki on jo liitetty Telegramiin.");
  });

  it("refuses a used, expired or forged link, and an account with a history of its own; each is audit-logged and the practitioner told", async () => {
    const admin = practitioner();
    const id = await newPhoneCustomer("Kalle", "Kertakäyttö");
    const token = await makeLink(admin, "kertakäyttö", "Kalle Kertakäyttö");
    await new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7101, language: "fi" }).send(`/start ${token}`);

    // Used: someone else opening it gets nothing, and learns nothing about the customer.
    const other = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7102, language: "fi" });
    await other.send(`/start ${token}`);
    expect(other.lastText()).toContain("Tämä linkki on jo käytetty");
    expect(other.lastText()).not.toContain("Kalle");
    expect(admin.lastText()).toContain("Joku avasi asiakkaan Kalle Kertakäyttö Telegram-linkin");
    expect((await CustomerModel.findById(id).lean())?.telegramId).toBe(7101);

    // Forged: the right shape, unknown code; and a /start with anything else is the greeting.
    await other.send(`/start link_${"A".repeat(43)}`);
    expect(other.lastText()).toContain("Tämä linkki ei kelpaa");
    await other.send("/start hello");
    expect(other.lastText()).toContain("Hei!");

    // Expired: a week later it no longer works.
    const late = await newPhoneCustomer("Elli", "Eilinen");
    const lateToken = await makeLink(admin, "eilinen", "Elli Eilinen");
    vi.setSystemTime(NOW + 8 * DAY);
    await other.send(`/start ${lateToken}`);
    expect(other.lastText()).toContain("Tämä linkki on vanhentunut");
    expect(admin.lastText()).toContain("Elli Eilinen avasi vanhentuneen Telegram-linkin");
    expect((await CustomerModel.findById(late).lean())?.telegramId).toBeUndefined();
    vi.setSystemTime(NOW);

    // An account that is a customer of its own (it booked in the chat): not merged.
    await bookFor(7103, 60, at("2026-12-02T13:00"), NOW);
    const twin = await newPhoneCustomer("Outi", "Omatili");
    const twinToken = await makeLink(admin, "omatili", "Outi Omatili");
    const own = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7103, language: "fi" });
    await own.send(`/start ${twinToken}`);
    expect(own.lastText()).toContain("Telegram-tililläsi on jo oma asiakastieto");
    expect(admin.lastText()).toContain("Outi Omatili Telegram-linkki avattiin Telegram-tililtä, jolla on jo oma asiakastietonsa (Testi Asiakas7103)");
    expect((await CustomerModel.findById(twin).lean())?.telegramId).toBeUndefined();
    expect(await CustomerModel.countDocuments({ telegramId: 7103 })).toBe(1);

    const refusals = await AuditEntryModel.find({ action: "telegram-link-refused" }).lean();
    expect(refusals.map((r) => [r.customerId.toHexString(), r.fields, r.actorKind]).sort()).toEqual(
      [
        [id, ["used"], "system"],
        [late, ["expired"], "system"],
        [twin, ["has-own-record"], "system"],
      ].sort(),
    );

    // The practitioner opening a link herself links nothing.
    const mine = await makeLink(admin, "omatili", "Outi Omatili");
    await admin.send(`/start ${mine}`);
    expect(admin.lastText()).toContain("Tämä on asiakkaan Telegram-linkki");
    expect((await CustomerModel.findById(twin).lean())?.telegramId).toBeUndefined();
    // A new link replaced the earlier unused one.
    await own.send(`/start ${twinToken}`);
    expect(own.lastText()).toContain("Tämä linkki ei kelpaa");
  });

  it("two accounts opening one link at once: one is linked; a leftover link of a linked customer links nobody else", async () => {
    const id = await newPhoneCustomer("Kaisa", "Kilpa");
    const token = await makeLink(practitioner(), "kilpa", "Kaisa Kilpa");
    await touchCustomer(7401, "fi", "fi", new Date(NOW));
    await touchCustomer(7402, "fi", "fi", new Date(NOW));
    const outcomes = await Promise.all([7401, 7402].map((who) => services.redeemTelegramLink(token, who, new Date(NOW))));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["linked", "used"]);
    const winner = outcomes[0]!.status === "linked" ? 7401 : 7402;
    expect((await CustomerModel.findById(id).lean())?.telegramId).toBe(winner);
    expect(await CustomerModel.countDocuments({ telegramId: { $in: [7401, 7402] } })).toBe(2); // the loser keeps its own record

    // A link left over for a customer linked meanwhile (made in a race, say) links nobody else.
    const leftover = `link_${"b".repeat(43)}`;
    await TelegramLinkModel.create({
      _id: createHash("sha256").update(leftover).digest("hex"),
      customerId: id,
      createdBy: ADMIN_ID,
      createdAt: new Date(NOW),
      expiresAt: new Date(NOW + DAY),
    });
    const loser = winner === 7401 ? 7402 : 7401;
    const other = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: loser, language: "fi" });
    await other.send(`/start ${leftover}`);
    expect(other.lastText()).toContain("Tämä linkki on jo käytetty");
    expect((await CustomerModel.findById(id).lean())?.telegramId).toBe(winner);
    expect(await AuditEntryModel.findOne({ customerId: id, fields: "customer-linked-elsewhere" }).lean()).toMatchObject({ action: "telegram-link-refused" });
  });

  it("takes the language the person chose in the chat before opening the link", async () => {
    const id = await newPhoneCustomer("Sara", "Svensson");
    const token = await makeLink(practitioner(), "svensson", "Sara Svensson");
    const sara = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7201, language: "sv" });
    await sara.send("/start");
    await sara.send(`/start ${token}`);
    expect(sara.lastText()).toContain("Din Telegram är nu kopplad");
    expect((await CustomerModel.findById(id).lean())?.language).toBe("sv");
  });
});

describe("privacy of customers without Telegram (P5, P7, P9)", () => {
  it("the practitioner exports the customer's data from the card to hand over; it is recorded and audit-logged", async () => {
    const id = await newPhoneCustomer("Viivi", "Vienti", { email: "viivi@example.com" });
    await onBehalf(id, 60, at("2026-12-03T10:00"));
    const admin = practitioner();
    await admin.send("/customer vienti");
    await admin.press("Viivi Vienti");
    await admin.press("Vie tiedot");
    const file = suite.tg.callsOf("sendDocument", ADMIN_ID).at(-1)!;
    expect(String(file.payload.caption)).toContain("Kaikki asiakkaasta Viivi Vienti tallennettu");
    const json = file.multipart!.slice(file.multipart!.indexOf("{"), file.multipart!.lastIndexOf("}") + 1);
    const data = JSON.parse(json) as { profile: Record<string, unknown>; bookings: unknown[] };
    expect(data.profile).toMatchObject({ firstName: "Viivi", lastName: "Vienti", email: "viivi@example.com", telegramUserId: null });
    expect(data.bookings).toHaveLength(1);
    expect(await DataRequestModel.findOne({ customerId: id }).lean()).toMatchObject({ kind: "access", status: "answered" });
    expect(await AuditEntryModel.countDocuments({ customerId: id, action: "export", actorId: ADMIN_ID })).toBe(1);
  });

  it("the practitioner erases the customer on request, after confirming; the time they held is free again", async () => {
    const id = await newPhoneCustomer("Eero", "Erase", { phone: "040 222 3344" });
    await onBehalf(id, 60, at("2026-12-03T10:00"));
    const admin = practitioner();
    await admin.send("/customer erase");
    await admin.press("Eero Erase");
    await admin.press("Poista tiedot");
    await admin.press("Älä poista");
    expect(await CustomerModel.exists({ _id: id })).toBeTruthy();
    await admin.send("/customer erase");
    await admin.press("Eero Erase");
    await admin.press("Poista tiedot");
    await admin.press("Poista pysyvästi");
    expect(admin.texts().join("\n")).toContain("Poistettu. Yksi tuleva varaus peruttiin.");
    expect(await CustomerModel.exists({ _id: id })).toBeNull();
    expect(await BookingModel.countDocuments({ customerId: id })).toBe(0);
    expect(await AuditEntryModel.findOne({ customerId: id, action: "erase" }).lean()).toMatchObject({ actorKind: "admin", actorId: ADMIN_ID });
    await bookFor(7301, 60, at("2026-12-03T10:00"), NOW); // the time is bookable again
  });

  it("retention counts visits: the practitioner is asked about an inactive customer not on Telegram, and can keep them", async () => {
    const fourYearsAgo = new Date(at("2022-11-01T08:00"));
    vi.setSystemTime(fourYearsAgo);
    const kept = await newPhoneCustomer("Kaarina", "Kanta");
    const gone = await newPhoneCustomer("Mauri", "Mennyt");
    const regular = await newPhoneCustomer("Reijo", "Vakio");
    vi.setSystemTime(NOW);
    await onBehalf(regular, 60, at("2025-06-02T10:00"), { outsideHours: true }); // a visit last year
    const { bot, i18n, notifier } = createBot({ config, services, logger: createLogger("silent") }, { botInfo: BOT_INFO, client: { fetch: suite.tg.fetch } });
    const job = createRetentionJob(bot.api, i18n, config, services, notifier, createLogger("silent"));
    expect((await job.runOnce(new Date(NOW))).warned).toBe(2);
    const asked = suite.tg.callsOf("sendMessage", ADMIN_ID).map((c) => String(c.payload.text));
    expect(asked.some((t) => t.includes("Asiakkaalla Kaarina Kanta (ei Telegramia) ei ole ollut käyntejä 3 vuoteen"))).toBe(true);
    expect(asked.some((t) => t.includes("Mauri Mennyt"))).toBe(true);
    expect(asked.some((t) => t.includes("Reijo Vakio"))).toBe(false);
    const admin = new TestCustomer(bot, suite.tg, { id: ADMIN_ID, language: "fi" });
    const question = suite.tg.callsOf("sendMessage", ADMIN_ID).find((c) => String(c.payload.text).includes("Kaarina"))!;
    const keep = (question.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard[0]![0]!;
    expect(keep.text).toBe("Säilytä tiedot");
    await admin.pressData(keep.callback_data, 1);
    expect(suite.tg.toasts().at(-1)).toBe("Säilytetään: tietoja ei nyt poisteta.");
    expect(await AuditEntryModel.findOne({ customerId: kept, actorId: ADMIN_ID, action: "change" }).lean()).toMatchObject({ fields: ["retention"] });

    const later = await job.runOnce(new Date(NOW + 31 * DAY));
    expect(later.erased).toBe(1);
    expect(await CustomerModel.exists({ _id: gone })).toBeNull();
    expect(await CustomerModel.exists({ _id: kept })).toBeTruthy();
    expect(await CustomerModel.exists({ _id: regular })).toBeTruthy();
  });

  it("regulars booked by phone, whose last interaction stays old, do not crowd inactive customers out of a round", async () => {
    vi.setSystemTime(new Date(at("2022-11-01T08:00")));
    const regulars = [];
    for (const name of ["Aa", "Bb", "Cc"]) regulars.push(await newPhoneCustomer(name, "Vakioasiakas"));
    vi.setSystemTime(new Date(at("2022-11-02T08:00")));
    const inactive = await newPhoneCustomer("Ii", "Poissa");
    vi.setSystemTime(NOW);
    for (const [i, id] of regulars.entries()) await onBehalf(id, 60, at(`2026-11-2${i + 3}T10:00`), { outsideHours: true });
    const asked = await claimInactiveCustomers(config.retention, new Date(NOW), 1);
    expect(asked.map((c) => c.customerId)).toEqual([inactive]);
  });
});
