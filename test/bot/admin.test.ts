import { Api, Bot } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { describe, expect, it, vi } from "vitest";
import { createBroadcaster } from "../../src/bot/broadcast.js";
import { ADMIN_COMMANDS, registerAdminCommands } from "../../src/bot/commands.js";
import { createI18n } from "../../src/bot/i18n.js";
import { createSendPacer, type PacedFetch } from "../../src/bot/pacer.js";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { BroadcastDeliveryModel, BroadcastModel } from "../../src/db/models/broadcast.js";
import { ConsentRecordModel } from "../../src/db/models/consent.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { DataRequestModel } from "../../src/db/models/data-request.js";
import { PaymentModel } from "../../src/db/models/payment.js";
import { createLogger } from "../../src/logger.js";
import { createServices } from "../../src/services/index.js";
import { recordPayment } from "../../src/services/payments.js";
import { requestExport, setMarketingConsent, withdrawAllMarketing } from "../../src/services/privacy.js";
import { ADMIN_ID, createTestBot, LogCapture, TestCustomer, testConfig } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { BOT_INFO, enforceRateLimit, FakeTelegram } from "../helpers/fake-telegram.js";
import { at, bookFor, setLanguage } from "../helpers/fixtures.js";
import { calendarFilesTo } from "../helpers/ics.js";

useTestDatabase();
const NOW = at("2026-12-01T08:00"); // Tuesday
const suite = useBotSuite(NOW);

function admin(logs?: LogCapture) {
  return new TestCustomer(createTestBot(suite.tg, undefined, logs), suite.tg, { id: ADMIN_ID, language: "fi" });
}

describe("access (A)", () => {
  it("every admin command and button behaves like unknown input for anyone else, changes nothing, and is logged without personal data", async () => {
    const booking = await bookFor(3001, 60, at("2026-12-03T10:00"), NOW);
    const logs = new LogCapture();
    const stranger = new TestCustomer(createTestBot(suite.tg, undefined, logs), suite.tg, { id: 3999, language: "fi" });
    for (const command of ADMIN_COMMANDS) {
      const before = suite.tg.calls.length;
      await stranger.send(`/${command} Testi`);
      const sent = suite.tg.calls.slice(before);
      expect(sent.map((c) => c.method), command).toEqual(["sendMessage"]);
      expect(String(sent[0]!.payload.text), command).toContain("En ymmärtänyt");
    }
    for (const data of [`ad:att:${booking.id}`, `ad:ns:${booking.id}`, `ad:dt:${booking.id}`, `ad:cx:${booking.id}`, `ad:pay:${booking.id}`, `ad:pm:${booking.id}:cash`, `ad:cu:${booking.id}`, `ad:rs:1`]) {
      const before = suite.tg.calls.length;
      await stranger.pressData(data, 1);
      const sent = suite.tg.calls.slice(before);
      expect(sent.map((c) => c.method), data).toEqual(["answerCallbackQuery"]);
      expect(sent[0]!.payload.text).toBe("Tämä painike ei ole enää käytössä.");
    }
    const stored = await BookingModel.findById(booking.id).lean();
    expect(stored?.status).toBe("confirmed");
    expect(stored?.attendance).toBeUndefined();
    expect(await PaymentModel.countDocuments()).toBe(0);
    expect(await AuditEntryModel.countDocuments({ actorKind: "admin" })).toBe(0);
    const refusals = logs.lines.filter((l) => l.includes("admin action refused"));
    expect(refusals.length).toBe(ADMIN_COMMANDS.length + 8);
    expect(logs.lines.join("")).not.toContain("3999");
    expect(logs.lines.join("")).not.toContain("Testi");
  });

  it("registers admin commands only in the admins' own chats, in every language", async () => {
    const config = testConfig();
    const bot = new Bot(config.botToken, { botInfo: BOT_INFO, client: { fetch: suite.tg.fetch } });
    await registerAdminCommands(bot.api, createI18n("fi"), "fi", [ADMIN_ID], ADMIN_COMMANDS, () => undefined);
    const calls = suite.tg.callsOf("setMyCommands");
    expect(calls).toHaveLength(4);
    for (const call of calls) {
      expect(call.payload.scope).toEqual({ type: "chat", chat_id: ADMIN_ID });
      const names = (call.payload.commands as Array<{ command: string }>).map((c) => c.command);
      expect(names).toEqual(expect.arrayContaining(["today", "broadcast", "book", "privacy"]));
    }
  });
});

describe("agenda and booking actions (A1, A2)", () => {
  it("/today lists the day's bookings with actions; details are audit-logged; attendance is recorded", async () => {
    const booking = await bookFor(3101, 60, at("2026-12-01T13:00"), at("2026-11-25T08:00"));
    await bookFor(3102, 30, at("2026-12-02T10:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/today");
    const texts = practitioner.texts();
    expect(texts.at(-2)).toContain("1 varaus");
    expect(texts.at(-1)).toContain("13.00–14.00 Klassinen hieronta 60 min – Testi Asiakas3101");
    await practitioner.press("Yhteystiedot");
    expect(practitioner.lastText()).toContain("a3101@example.com");
    const customerId = (await CustomerModel.findOne({ telegramId: 3101 }).lean())!._id;
    const view = await AuditEntryModel.findOne({ customerId, action: "view" }).lean();
    expect(view).toMatchObject({ actorKind: "admin", actorId: ADMIN_ID });
    await practitioner.press("Kävi");
    expect((await BookingModel.findById(booking.id).lean())?.attendance).toBe("attended");

    await practitioner.send("/agenda viikko");
    expect(practitioner.lastText()).toContain("Testi Asiakas3102");
    expect(practitioner.lastText()).toContain("✓ kävi");
    await practitioner.send("/agenda 2.12.");
    expect(practitioner.lastText()).toContain("10.00–10.30");
    await practitioner.send("/agenda joskus");
    expect(practitioner.lastText()).toContain("Käytä: /agenda");
  });

  it("a new-booking notification's Cancel asks a reason; the customer is told it in their language", async () => {
    const booking = await bookFor(3201, 60, at("2026-12-03T10:00"), NOW);
    await setLanguage(3201, "sv");
    const practitioner = admin();
    await practitioner.send("/start");
    await practitioner.pressData(`ad:cx:${booking.id}`, 1);
    expect(practitioner.lastText()).toContain("Kirjoita peruutuksen syy");
    await practitioner.send("Hierojan sairastuminen");
    expect(practitioner.lastText()).toBe("Peruttu; asiakkaalle on ilmoitettu.");
    const toCustomer = suite.tg.callsOf("sendMessage", 3201).at(-1)!;
    expect(String(toCustomer.payload.text)).toContain("Mottagningen har tyvärr varit tvungen att avboka din tid");
    expect(String(toCustomer.payload.text)).toContain("Hierojan sairastuminen");
    expect(calendarFilesTo(suite.tg, 3201)).toEqual([
      {
        method: "CANCEL",
        uid: `${booking.ref}@ajanvarausbotti`,
        sequence: 1,
        status: "CANCELLED",
        dtstart: "20261203T080000Z",
        caption: "Öppna filen så försvinner den avbokade tiden ur din kalender.",
      },
    ]);
    expect((await BookingModel.findById(booking.id).lean())).toMatchObject({ status: "cancelled", cancelledBy: "admin" });
    // Pressing it again: nothing left to cancel.
    await practitioner.pressData(`ad:cx:${booking.id}`, 1);
    await practitioner.send("Toinen syy");
    expect(practitioner.lastText()).toBe("Varaus on jo peruttu tai alkanut, joten sitä ei voi muuttaa.");
  });
});

describe("booking notifications (A2, A5)", () => {
  it("a new-booking notification has the same actions as /today; its 💶 button records a payment", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 3250, language: "fi" });
    await customer.toSummary({ day: "ke 2.12." });
    await customer.press("Vahvista");
    expect(customer.lastText()).toContain("Aikasi on varattu");

    const practitioner = admin();
    expect(practitioner.lastText()).toContain("Uusi varaus");
    const fromNotification = practitioner.buttons();
    await practitioner.press("💶 Maksu"); // on the notification: the admin's chat has nothing else yet
    await practitioner.press("55,00");
    await practitioner.press("Kortti");
    expect(practitioner.lastText()).toBe("Maksu kirjattu, kuitti nro 1.");
    const booking = (await BookingModel.findOne().lean())!; // the only one: each test starts empty
    expect(await PaymentModel.findOne({ bookingId: booking._id }).lean()).toMatchObject({ amountCents: 5500, method: "card", receiptNumber: 1 });

    vi.setSystemTime(at("2026-12-02T08:00"));
    await practitioner.send("/today");
    expect(practitioner.buttons()).toEqual(fromNotification);
  });
});

describe("schedule and services (A3)", () => {
  it("/hours changes availability at once", async () => {
    const practitioner = admin();
    await practitioner.send("/hours la 10:00-14:00");
    expect(practitioner.lastText()).toContain("lauantai: 10.00–14.00");
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 3301, language: "fi" });
    await customer.send("/book");
    await customer.press("60 min");
    expect(customer.buttons().map(([t]) => t)).toContain("la 5.12.");
    await practitioner.send("/hours la 25:00-26:00");
    expect(practitioner.lastText()).toContain("Muuta yhden päivän ajat");
    await practitioner.send("/hours la off");
    expect(practitioner.lastText()).toContain("lauantai: suljettu");
  });

  it("/off over existing bookings lists them and can cancel them with a message to each customer", async () => {
    await bookFor(3401, 60, at("2026-12-24T10:00"), NOW);
    await bookFor(3402, 30, at("2026-12-28T13:00"), NOW);
    await bookFor(3403, 30, at("2027-01-04T13:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/off 24.12. 31.12.");
    expect(practitioner.lastText()).toContain("Vastaanotto on suljettu to 24.12.2026 – to 31.12.2026, koko päivät. Tälle ajalle on jo 2 varausta:");
    expect(practitioner.lastText()).toContain("Testi Asiakas3401");
    await practitioner.press("Peru nämä 2");
    expect(practitioner.lastText()).toContain("Peruttu 2 varausta; asiakkaille on ilmoitettu.");
    expect(String(suite.tg.callsOf("sendMessage", 3402).at(-1)?.payload.text)).toContain("vastaanotto on silloin suljettu");
    for (const id of [3401, 3402]) {
      expect(calendarFilesTo(suite.tg, id).map((f) => [f.method, f.status, f.sequence])).toEqual([["CANCEL", "CANCELLED", 1]]);
    }
    expect(calendarFilesTo(suite.tg, 3403)).toEqual([]);
    expect(await BookingModel.countDocuments({ status: "confirmed" })).toBe(1);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 3404, language: "fi" });
    await customer.send("/book");
    await customer.press("60 min");
    for (let i = 0; i < 3; i++) await customer.press("Seuraavat").catch(() => undefined);
    expect(customer.buttons().map(([t]) => t).some((t) => /^\w\w (2[4-9]|3[01])\.12\.$/.test(t))).toBe(false);
  });

  it("with two practitioners, a cancel by one (a booking's Cancel or /off) is told to the other, never to herself", async () => {
    const OTHER = 900_002;
    const config = testConfig({ ADMIN_IDS: `${ADMIN_ID},${OTHER}` });
    const practitioner = new TestCustomer(createTestBot(suite.tg, config), suite.tg, { id: ADMIN_ID, language: "fi" });
    const toOther = () => suite.tg.callsOf("sendMessage", OTHER).map((c) => String(c.payload.text));
    const toHer = () => suite.tg.callsOf("sendMessage", ADMIN_ID).map((c) => String(c.payload.text));
    const single = await bookFor(3451, 60, at("2026-12-03T10:00"), NOW);
    await bookFor(3452, 30, at("2026-12-24T10:00"), NOW);
    await practitioner.send("/start");
    await practitioner.pressData(`ad:cx:${single.id}`, 1);
    await practitioner.send("Hierojan sairastuminen");
    expect(practitioner.lastText()).toBe("Peruttu; asiakkaalle on ilmoitettu.");
    await practitioner.send("/off 24.12. 24.12.");
    await practitioner.press("Peru tämä varaus ja ilmoita asiakkaalle");
    expect(practitioner.lastText()).toContain("Peruttu 1 varaus; asiakkaalle on ilmoitettu.");
    const byPractice = (texts: string[]) => texts.filter((t) => t.includes("Vastaanotto perui varauksen"));
    expect(byPractice(toOther())).toHaveLength(2);
    expect(byPractice(toOther()).join("\n")).toContain("Testi Asiakas3452");
    expect(byPractice(toHer())).toEqual([]);
  });
});

describe("customers, requests, audit, stats (A4, A7, A8, A9)", () => {
  it("/customer finds by name, email and phone; the card and every look are audit-logged", async () => {
    await bookFor(3601, 60, at("2026-12-03T10:00"), NOW);
    await CustomerModel.updateOne({ telegramId: 3601 }, { $set: { birthYear: 1980 } });
    const practitioner = admin();
    for (const query of ["asiakas3601", "A3601@example.com"]) {
      await practitioner.send(`/customer ${query}`);
      expect(practitioner.lastText()).toContain("Osumia: 1");
    }
    await practitioner.press("Testi Asiakas3601");
    const card = practitioner.lastText();
    expect(card).toContain("a3601@example.com");
    expect(card).toContain("to 3.12.2026 klo 10.00 Klassinen hieronta 60 min (varattu)");
    // Channel names, the language and the year come from the texts; a year is not grouped like a count.
    expect(card).toContain("Markkinointiluvat: Telegram –, sähköposti –, tekstiviesti –");
    expect(card).toContain("Kieli: suomi");
    expect(card).toContain("Syntymävuosi: 1980");
    const customerId = (await CustomerModel.findOne({ telegramId: 3601 }).lean())!._id;
    const views = await AuditEntryModel.find({ customerId, action: "view", actorId: ADMIN_ID }).lean();
    expect(views.length).toBe(3);
    // The customer refused marketing by email: the practitioner records it from the card.
    await setMarketingConsent(3601, "email", true, "button", new Date(NOW));
    await practitioner.press("Asiakas kielsi markkinoinnin");
    expect(suite.tg.toasts().at(-1)).toBe("Kirjattu: ei markkinointia tälle asiakkaalle.");
    const withdrawal = await ConsentRecordModel.findOne({ customerId, action: "withdrawn" }).lean();
    expect(withdrawal).toMatchObject({ channel: "email", method: "admin" });
    expect(await AuditEntryModel.countDocuments({ customerId, action: "consent", actorId: ADMIN_ID })).toBe(1);
    await practitioner.send("/customer nobody-at-all");
    expect(practitioner.lastText()).toContain("Ei osumia");
    await practitioner.send("/audit asiakas3601");
    await practitioner.press("Testi Asiakas3601");
    // Sentences with names and actions in words; the two searches that found the customer are one line.
    expect(practitioner.lastText()).toBe(
      [
        "Loki: Testi Asiakas3601 – kuka on katsonut tai muuttanut tietoja (uusin viimeisenä):",
        "ti 1.12.2026 klo 8.00 – Testi Asiakas3601 muutti tietojaan: etunimi, sukunimi ja sähköposti.",
        "ti 1.12.2026 klo 8.00 – Testi Asiakas3601 varasi ajan.",
        `ti 1.12.2026 klo 8.00 – vastaanotto (Telegram-tunnus ${ADMIN_ID}) löysi asiakkaan haulla (2 kertaa).`,
        `ti 1.12.2026 klo 8.00 – vastaanotto (Telegram-tunnus ${ADMIN_ID}) avasi asiakaskortin.`,
        "ti 1.12.2026 klo 8.00 – Testi Asiakas3601 muutti markkinointilupiaan: sähköposti.",
        `ti 1.12.2026 klo 8.00 – vastaanotto (Telegram-tunnus ${ADMIN_ID}) kirjasi, että asiakas kielsi markkinoinnin: sähköposti.`,
        `ti 1.12.2026 klo 8.00 – vastaanotto (Telegram-tunnus ${ADMIN_ID}) löysi asiakkaan haulla.`,
      ].join("\n"),
    );
    // A practitioner who has given her name is named by it.
    await CustomerModel.updateOne({ telegramId: ADMIN_ID }, { $set: { firstName: "Aija", lastName: "Raiski" } });
    await practitioner.pressData(`ad:au:${customerId.toHexString()}`, 1);
    expect(practitioner.lastText()).toContain("ti 1.12.2026 klo 8.00 – Aija Raiski (vastaanotto) avasi asiakaskortin.");
    expect(practitioner.lastText()).toContain("ti 1.12.2026 klo 8.00 – Aija Raiski (vastaanotto) katsoi tämän lokin.");
    expect(practitioner.lastText()).not.toMatch(/admin:|booking-created|\bview\b/);
  });

  it("/requests shows a third export request with its due date and answers it", async () => {
    await bookFor(3701, 60, at("2026-12-03T10:00"), NOW);
    for (let i = 0; i < 3; i++) await requestExport(3701, new Date(NOW + i * 1000), () => Promise.resolve());
    const practitioner = admin();
    await practitioner.send("/requests");
    expect(practitioner.lastText()).toContain("Saapunut: ti 1.12.2026 klo 8.00\nVastattava viimeistään: to 31.12.2026 klo 8.00");
    await practitioner.press("Lähetä tiedot");
    expect(practitioner.lastText()).toBe("Vastattu: asiakas sai tietonsa.");
    expect(suite.tg.callsOf("sendDocument", 3701)).toHaveLength(1);
    await practitioner.send("/requests");
    expect(practitioner.lastText()).toBe("Odottavia tietopyyntöjä ei ole.");
  });

  it("a request whose file could not be sent stays pending, and the practitioner is told", async () => {
    await bookFor(3702, 60, at("2026-12-03T10:00"), NOW);
    for (let i = 0; i < 3; i++) await requestExport(3702, new Date(NOW + i * 1000), () => Promise.resolve());
    const customerId = (await CustomerModel.findOne({ telegramId: 3702 }).lean())!._id;
    let blocked = true;
    suite.tg.failWith = (call) =>
      blocked && call.method === "sendDocument" && Number(call.payload.chat_id) === 3702
        ? { error_code: 403, description: "Forbidden: bot was blocked by the user" }
        : undefined;
    const practitioner = admin();
    await practitioner.send("/requests");
    await practitioner.press("Lähetä tiedot");
    expect(practitioner.lastText()).toContain("Tiedoston lähetys asiakkaalle epäonnistui");
    expect(suite.tg.callsOf("sendDocument", 3702)).toHaveLength(0);
    expect(await DataRequestModel.countDocuments({ customerId, status: "pending" })).toBe(1);
    expect(await AuditEntryModel.countDocuments({ customerId, action: "export", actorId: ADMIN_ID })).toBe(0);
    // The button is still there; once the customer can be reached, the same press answers it.
    blocked = false;
    await practitioner.press("Lähetä tiedot");
    expect(practitioner.lastText()).toBe("Vastattu: asiakas sai tietonsa.");
    expect(suite.tg.callsOf("sendDocument", 3702)).toHaveLength(1);
    expect(await DataRequestModel.countDocuments({ customerId, status: "pending" })).toBe(0);
    expect(await AuditEntryModel.countDocuments({ customerId, action: "export", actorId: ADMIN_ID })).toBe(1);
    await practitioner.send("/requests");
    expect(practitioner.lastText()).toBe("Odottavia tietopyyntöjä ei ole.");
  });

  it("/stats counts bookings, cancellations, no-shows and revenue", async () => {
    const a = await bookFor(3801, 60, at("2026-12-01T13:00"), at("2026-11-25T08:00"));
    const b = await bookFor(3802, 60, at("2026-12-02T13:00"), NOW);
    await bookFor(3803, 30, at("2026-12-03T13:00"), NOW);
    await BookingModel.updateOne({ _id: b.id }, { $set: { status: "cancelled" } });
    await BookingModel.updateOne({ _id: a.id }, { $set: { attendance: "no-show" } });
    await recordPayment(a.id, 5500, "card", { kind: "admin", telegramId: ADMIN_ID }, new Date(NOW));
    const practitioner = admin();
    await practitioner.send("/stats");
    const text = practitioner.lastText();
    expect(text).toMatch(/Tämä viikko\nVarauksia: 2\nPeruutuksia: 1\nSaapumatta jääneiden osuus: 100\s%/);
    expect(text).toMatch(/Myynti: 55,00\s€/);
  });
});

describe("payments and receipts (A5)", () => {
  it("20 concurrent payments get receipt numbers 1–20 with no gaps or repeats", async () => {
    const bookings = [];
    for (let i = 0; i < 20; i++) bookings.push(await bookFor(3900 + i, 30, at(`2026-12-${String(3 + Math.floor(i / 5) + (Math.floor(i / 5) >= 2 ? 3 : 0)).padStart(2, "0")}T13:00`) + (i % 5) * 45 * 60_000, NOW));
    const receipts = await Promise.all(bookings.map((b) => recordPayment(b.id, 3500, "cash", { kind: "admin", telegramId: ADMIN_ID }, new Date(NOW))));
    expect(receipts.map((r) => r!.receiptNumber).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await PaymentModel.countDocuments()).toBe(20);
  });

  it("records a payment from the day's agenda and sends the receipt with the business details", async () => {
    await bookFor(4001, 60, at("2026-12-01T13:00"), at("2026-11-25T08:00"));
    const practitioner = admin();
    await practitioner.send("/today");
    await practitioner.press("Maksu");
    await practitioner.send("abc");
    expect(practitioner.lastText()).toContain("Kirjoita summa euroina");
    await practitioner.press("55,00");
    await practitioner.press("Kortti");
    const receipt = suite.tg.textsTo(ADMIN_ID).at(-2)!;
    for (const expected of ["KUITTI nro 1", "Klassinen hieronta Tmi Aija Raiski", "Y-tunnus 3006642-2", "Malkasaarentie 52", "Testi Asiakas4001", "Klassinen hieronta 60 min", "Kortti", "AVL 34 §"]) {
      expect(receipt).toContain(expected);
    }
    expect(receipt).toMatch(/Summa: 55,00\s€/);
    expect(practitioner.lastText()).toBe("Maksu kirjattu, kuitti nro 1.");
    await practitioner.press("Lähetä kuitti");
    expect(String(suite.tg.callsOf("sendMessage", 4001).at(-1)?.payload.text)).toContain("KUITTI nro 1");
    expect(suite.tg.callsOf("sendDocument", 4001).at(-1)?.multipart).toContain("filename=kuitti-1.txt");

    // A different amount, typed.
    await practitioner.send("/today");
    await practitioner.press("Maksu");
    await practitioner.send("49,50");
    await practitioner.press("Käteinen");
    expect(suite.tg.textsTo(ADMIN_ID).at(-2)).toMatch(/KUITTI nro 2[\s\S]*Summa: 49,50\s€[\s\S]*Käteinen/);
  });
});

describe("broadcast (A6)", () => {
  /** A fake Bot API that answers 429 when more than 30 messages arrive within a second. */
  function rateLimitedTelegram(onSend?: (count: number) => Promise<void>, perSecond = 30) {
    const tg = new FakeTelegram();
    let count = 0;
    const rejected = enforceRateLimit(tg, perSecond);
    /** Messages Telegram accepted (a 429 delivers nothing), per chat. */
    const delivered = new Map<number, number>();
    const fetch = async (url: unknown, init?: { body?: unknown }) => {
      const response = await tg.fetch(url, init);
      if (String(url).endsWith("sendMessage") && response.status === 200) {
        const body = (await response.clone().json()) as { ok: boolean; result?: { chat?: { id: number } } };
        const chat = body.result?.chat?.id;
        if (body.ok && chat !== undefined) {
          delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
          await onSend?.(++count);
        }
      }
      return response;
    };
    return { tg, fetch, rejected, delivered };
  }

  function broadcaster(fetch: unknown, perWindow: number, services = createServices(testConfig())) {
    const config = testConfig();
    const api = new Api(config.botToken, { fetch: createSendPacer({ perWindow }).fetch("bulk", fetch as PacedFetch) });
    api.config.use(autoRetry({ maxRetryAttempts: 10, maxDelaySeconds: 5 }));
    return createBroadcaster(api, createI18n("fi"), config, services, createLogger("silent"), { progressEvery: 1000, inFlight: 12 });
  }

  it("reaches every consenting customer exactly once under a rate limit with 429s; a withdrawal mid-send is honoured", async () => {
    const ids = Array.from({ length: 45 }, (_, i) => 5000 + i);
    await CustomerModel.insertMany(ids.map((id) => ({ telegramId: id, language: "fi", lastSeenAt: new Date(NOW) })));
    for (const id of ids.slice(0, 40)) await setMarketingConsent(id, "telegram", true, "button", new Date(NOW));
    const late = ids[39]!;
    // The fake allows 8 messages a second, so its 429s are met even on a busy machine, where the
    // bot could not send 30 a second.
    const fake = rateLimitedTelegram(async (count) => {
      if (count === 1) await withdrawAllMarketing(late, "button", new Date(NOW + 1));
    }, 8);
    const services = createServices(testConfig());
    const id = await services.createBroadcast(ADMIN_ID, "Joulutarjous", new Date(NOW));
    // Deliberately faster than the limit allows, so the fake API's 429s are exercised.
    const counts = await broadcaster(fake.fetch, 200, services).run(id, "Joulutarjous", ADMIN_ID);
    expect(fake.rejected()).toBeGreaterThan(0);
    const received = fake.delivered;
    expect(received.get(late)).toBeUndefined();
    for (const id of ids.slice(0, 39)) expect(received.get(id), String(id)).toBe(1);
    for (const id of ids.slice(40)) expect(received.get(id)).toBeUndefined();
    expect(counts).toMatchObject({ sent: 39, "no-consent": 1 });
    expect((await BroadcastModel.findById(id).lean())?.status).toBe("done");
  }, 60_000);

  it("resumes after a crash mid-send and messages nobody twice", async () => {
    const ids = Array.from({ length: 30 }, (_, i) => 6000 + i);
    await CustomerModel.insertMany(ids.map((id) => ({ telegramId: id, language: "fi", lastSeenAt: new Date(NOW) })));
    for (const id of ids) await setMarketingConsent(id, "telegram", true, "button", new Date(NOW));
    const tg = new FakeTelegram();
    const base = createServices(testConfig());
    const id = await base.createBroadcast(ADMIN_ID, "Uutiskirje", new Date(NOW));
    let claims = 0;
    const crashing = {
      ...base,
      claimDelivery: async (...args: Parameters<typeof base.claimDelivery>) => {
        if (++claims > 12) throw new Error("process killed");
        return base.claimDelivery(...args);
      },
    };
    await expect(broadcaster(tg.fetch, 100, crashing).run(id, "Uutiskirje", ADMIN_ID)).rejects.toThrow("process killed");
    expect(await BroadcastDeliveryModel.countDocuments({ broadcastId: id })).toBe(12);
    await broadcaster(tg.fetch, 100).resumeAll();
    const perChat = ids.map((chat) => tg.callsOf("sendMessage", chat).filter((c) => String(c.payload.text).includes("Uutiskirje")).length);
    expect(perChat).toEqual(ids.map(() => 1));
    expect((await BroadcastModel.findById(id).lean())?.status).toBe("done");
  });

  it("/broadcast composes, previews with the audience count, and sends on confirmation", async () => {
    for (const id of [7001, 7002]) {
      await CustomerModel.create({ telegramId: id, language: "fi", lastSeenAt: new Date(NOW) });
      await setMarketingConsent(id, "telegram", true, "button", new Date(NOW));
    }
    const practitioner = admin();
    await practitioner.send("/broadcast");
    await practitioner.send("Uusi hoito: kuumakivihieronta!");
    expect(practitioner.lastText()).toContain("Vastaanottajia: 2");
    expect(practitioner.lastText()).toContain("markkinointia");
    await practitioner.press("Lähetä 2");
    expect(practitioner.lastText()).toContain("Lähetetään 2 asiakkaalle");
    for (let i = 0; i < 50 && (await BroadcastModel.countDocuments({ status: "done" })) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    for (const id of [7001, 7002]) {
      const message = suite.tg.callsOf("sendMessage", id).at(-1)!;
      expect(String(message.payload.text)).toContain("kuumakivihieronta");
      expect(JSON.stringify(message.payload.reply_markup)).toContain("mk:stop");
    }
  });
});
