import { describe, expect, it } from "vitest";
import { createRetentionJob } from "../../src/bot/retention.js";
import { createBot } from "../../src/bot/index.js";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { ChatModel } from "../../src/db/models/chat.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { DataRequestModel } from "../../src/db/models/data-request.js";
import { RetentionNoticeModel } from "../../src/db/models/retention-notice.js";
import { createLogger } from "../../src/logger.js";
import { createServices } from "../../src/services/index.js";
import { marketingState, profile, requestExport, setMarketingConsent } from "../../src/services/privacy.js";
import { ADMIN_ID, createTestBot, LogCapture, TestCustomer, testConfig } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { BOT_INFO } from "../helpers/fake-telegram.js";
import { at, bookFor } from "../helpers/fixtures.js";

useTestDatabase();

const NOW = at("2026-11-30T08:00");
const suite = useBotSuite(NOW);

describe("marketing consent in the chat (P3, P4)", () => {
  it("/marketing toggles each channel; /unsubscribe withdraws all and asks nothing else", async () => {
    await bookFor(2001, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 2001, language: "fi" });
    await customer.send("/marketing");
    expect(customer.buttons().map(([t]) => t)).toEqual(["☐ Telegram-viestit", "☐ Sähköposti", "☐ Tekstiviestit (SMS)"]);
    await customer.press("Telegram");
    await customer.press("Sähköposti");
    expect(customer.buttons().map(([t]) => t)).toEqual(["☑ Telegram-viestit", "☑ Sähköposti", "☐ Tekstiviestit (SMS)"]);
    expect(await marketingState(2001)).toEqual({ telegram: true, email: true, sms: false });

    const before = suite.tg.calls.length;
    await customer.send("/unsubscribe");
    expect(customer.lastText()).toContain("ei lähetä sinulle markkinointia");
    const sent = suite.tg.calls.slice(before);
    expect(sent.map((c) => c.method)).toEqual(["sendMessage"]); // one confirmation, no question
    expect(sent[0]!.payload.reply_markup).toBeUndefined();
    expect(await marketingState(2001)).toEqual({ telegram: false, email: false, sms: false });
  });

  it("the stop button on a marketing message withdraws everything", async () => {
    await bookFor(2002, 60, at("2026-12-02T10:00"), NOW);
    await setMarketingConsent(2002, "telegram", true, "button", new Date(NOW));
    await setMarketingConsent(2002, "sms", true, "button", new Date(NOW));
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 2002, language: "fi" });
    await customer.pressData("mk:stop", 77);
    expect(customer.lastText()).toContain("ei lähetä sinulle markkinointia");
    expect(await marketingState(2002)).toEqual({ telegram: false, email: false, sms: false });
  });

  it("a forged toggle only ever touches the presser's own consents", async () => {
    await bookFor(2003, 60, at("2026-12-02T10:00"), NOW);
    await bookFor(2004, 60, at("2026-12-03T10:00"), NOW);
    await setMarketingConsent(2003, "telegram", true, "button", new Date(NOW));
    const intruder = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 2004, language: "fi" });
    await intruder.pressData("mk:t:telegram", 1);
    await intruder.pressData("mk:t:telegram:2003", 1);
    expect(await marketingState(2003)).toEqual({ telegram: true, email: false, sms: false });
    expect(await marketingState(2004)).toEqual({ telegram: true, email: false, sms: false });
  });
});

describe("/mydata (P5)", () => {
  it("sends the JSON file and a summary; the third request in 12 months is recorded and the practitioner told", async () => {
    await bookFor(2101, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 2101, language: "fi" });
    await customer.send("/mydata");
    const file = suite.tg.callsOf("sendDocument", 2101).at(-1)!;
    expect(file.multipart).toContain("filename=my-data.json");
    expect(file.multipart).toContain('"email": "a2101@example.com"');
    expect(customer.lastText()).toContain("varaukset: 1");
    expect(customer.lastText()).toContain("Maksutiedot kuusi vuotta sen vuoden lopusta, jonka aikana tilikausi on päättynyt (kirjanpitolaki)");
    await customer.send("/mydata");
    expect(suite.tg.callsOf("sendDocument", 2101)).toHaveLength(2);
    await customer.send("/mydata");
    expect(suite.tg.callsOf("sendDocument", 2101)).toHaveLength(2);
    expect(customer.lastText()).toContain("Täältä saat kopion tiedoistasi heti kaksi kertaa vuodessa.");
    expect(customer.lastText()).toContain("Tämä pyyntö on nyt kirjattu ja Aija Raiski vastaa siihen viimeistään ke 30.12.2026");
    expect(suite.tg.callsOf("sendMessage", ADMIN_ID).at(-1)?.payload.text).toContain("kolmannen kerran");
  });
});

describe("/mydata: one request at a time, and nothing lost to a failed send (issue 12)", () => {
  it("a third, fourth and fifth /mydata leave one pending request; the practitioner is told once; the customer gets its due date", async () => {
    await bookFor(2111, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 2111, language: "fi" });
    await customer.send("/mydata");
    await customer.send("/mydata");
    for (let i = 0; i < 3; i++) await customer.send("/mydata");
    expect(suite.tg.callsOf("sendDocument", 2111)).toHaveLength(2);
    const customerId = (await CustomerModel.findOne({ telegramId: 2111 }).lean())!._id;
    expect(await DataRequestModel.countDocuments({ customerId, status: "pending" })).toBe(1);
    expect(suite.tg.callsOf("sendMessage", ADMIN_ID).filter((c) => String(c.payload.text).includes("kolmannen kerran"))).toHaveLength(1);
    expect(customer.lastText()).toContain("Edellinen tietopyyntösi odottaa vielä vastausta");
    expect(customer.lastText()).toContain("30.12.2026");
    expect(await AuditEntryModel.countDocuments({ customerId, action: "data-request" })).toBe(1);
  });

  it("two requests at once (two processes) record one pending request", async () => {
    await bookFor(2112, 60, at("2026-12-02T10:00"), NOW);
    for (let i = 0; i < 2; i++) await requestExport(2112, new Date(NOW), () => Promise.resolve());
    const results = await Promise.all(Array.from({ length: 5 }, () => requestExport(2112, new Date(NOW), () => Promise.resolve())));
    expect(results.map((r) => r.status).sort()).toEqual(["already-pending", "already-pending", "already-pending", "already-pending", "pending"]);
    expect(await DataRequestModel.countDocuments({ status: "pending" })).toBe(1);
  });

  it("a file that could not be sent uses up nothing: the request is recorded only once the customer has it", async () => {
    await bookFor(2113, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 2113, language: "fi" });
    let failing = true;
    suite.tg.failWith = (call) =>
      failing && call.method === "sendDocument" ? { error_code: 400, description: "Bad Request: file upload failed" } : undefined;
    await customer.send("/mydata");
    await customer.send("/mydata");
    expect(suite.tg.callsOf("sendDocument", 2113)).toHaveLength(0);
    expect(customer.lastText()).toContain("Pahoittelut");
    expect(await DataRequestModel.countDocuments()).toBe(0);
    failing = false;
    await customer.send("/mydata");
    await customer.send("/mydata");
    expect(suite.tg.callsOf("sendDocument", 2113)).toHaveLength(2);
    expect(await DataRequestModel.countDocuments({ status: "answered" })).toBe(2);
  });

  it("the summary tells visits from no-shows and names what was asked and when", async () => {
    const missed = await bookFor(2114, 60, at("2026-11-20T10:00"), at("2026-11-10T08:00"));
    await BookingModel.updateOne({ _id: missed.id }, { $set: { attendance: "no-show" } });
    await bookFor(2114, 60, at("2026-11-23T10:00"), at("2026-11-10T08:00"));
    const customerId = (await CustomerModel.findOne({ telegramId: 2114 }).lean())!._id;
    await RetentionNoticeModel.create({ _id: customerId, warnedAt: new Date(at("2026-11-01T12:00")), answeredAt: new Date(at("2026-11-02T09:30")) });
    await CustomerModel.updateOne({ _id: customerId }, { $set: { consentsAskedAt: new Date(at("2026-11-10T08:00")) } });
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 2114, language: "fi" });
    await customer.send("/mydata");
    expect(customer.lastText()).toContain("varaukset: 2 (käynnit: 1, saapumatta jääneet: 1, perutut: 0)");
    expect(customer.lastText()).toContain(
      "• tietopyynnöt: 0\n• markkinointiluvista kysyttiin: ti 10.11.2026 klo 8.00\n" +
        "• su 1.11.2026 klo 12.00 kysyimme, säilytetäänkö tietosi; ne säilytettiin, koska vastasit tai käytit bottia ma 2.11.2026 klo 9.30\n\nSäilytysajat",
    );
    const file = suite.tg.callsOf("sendDocument", 2114).at(-1)!;
    expect(file.multipart).toContain('"noShows"');
    // The retention periods said are the configured ones.
    expect(customer.lastText()).toContain("3 vuoden käyttämättömyyden jälkeen");
    const longer = new TestCustomer(createTestBot(suite.tg, testConfig({ INACTIVE_CUSTOMER_YEARS: "5", AUDIT_RETENTION_DAYS: "800" })), suite.tg, { id: 2114, language: "fi" });
    await longer.send("/mydata");
    expect(longer.lastText()).toMatch(/5 vuoden käyttämättömyyden jälkeen[\s\S]*Lokimerkinnät 800 päivää/);
  });
});

describe("/profile (P6)", () => {
  it("shows the details and corrects them with validation; removes optional ones; every change is audit-logged", async () => {
    await bookFor(2201, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 2201, language: "fi" });
    await customer.send("/profile");
    expect(customer.lastText()).toContain("Sähköposti: a2201@example.com");
    await customer.press("Sähköposti");
    await customer.send("ei-osoite");
    expect(customer.lastText()).toContain("ei näytä sähköpostiosoitteelta");
    expect(customer.lastText()).toContain("Kirjoita sähköpostiosoitteesi.");
    await customer.send("uusi@example.com");
    expect(customer.lastText()).toContain("Tallennettu.");
    expect(customer.lastText()).toContain("Sähköposti: uusi@example.com");
    await customer.press("Syntymävuosi");
    await customer.send("3000");
    expect(customer.lastText()).toContain("neljällä numerolla");
    await customer.send("1980");
    await customer.press("Sukupuoli");
    await customer.press("Nainen");
    await customer.press("Osoite");
    await customer.send("Kotikatu 1, 00100 Helsinki");
    expect(customer.lastText()).toContain("Osoite: Kotikatu 1, 00100 Helsinki");
    await customer.press("Osoite");
    await customer.press("Poista");
    expect(customer.lastText()).toContain("Osoite: –");
    await customer.press("Kieli");
    await customer.press("English");
    expect(customer.lastText()).toContain("Saved.");
    expect(customer.lastText()).toContain("Language: English");
    await customer.press("Done");

    expect(await profile(2201)).toMatchObject({ email: "uusi@example.com", birthYear: 1980, gender: "female", language: "en" });
    expect((await profile(2201))?.address).toBeUndefined();
    const customerId = (await CustomerModel.findOne({ telegramId: 2201 }).lean())!._id;
    const changes = await AuditEntryModel.find({ customerId, action: "change", at: { $gte: new Date(NOW) } }).lean();
    expect(changes.flatMap((c) => c.fields)).toEqual(
      expect.arrayContaining(["email", "birthYear", "gender", "address", "language"]),
    );
    expect(changes.every((c) => c.actorKind === "customer")).toBe(true);
  });
});

describe("/deleteme (P7)", () => {
  it("explains, erases on confirmation, tells the practitioner of cancelled bookings; afterwards a new customer", async () => {
    await bookFor(2301, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 2301, language: "fi" });
    await customer.send("/deleteme");
    expect(customer.lastText()).toContain("Poistoa ei voi kumota");
    await customer.press("Ei, säilytä");
    expect(await CustomerModel.countDocuments({ telegramId: 2301 })).toBe(1);
    await customer.send("/deleteme");
    await customer.press("Kyllä, poista tietoni");
    expect(customer.lastText()).toContain("Tietosi on poistettu. Peruttuja varauksia: 1.");
    expect(customer.lastText()).toContain("Maksutietoja ei ollut säilytettävänä.");
    expect(suite.tg.callsOf("sendMessage", ADMIN_ID).at(-1)?.payload.text).toContain("asiakas poisti tietonsa");
    expect(await CustomerModel.countDocuments({ telegramId: 2301 })).toBe(0);
    expect(await BookingModel.countDocuments()).toBe(0);
    // The chat's record (its customer id, a flow's state) went too, and the end of the update
    // that erased did not write it back.
    expect(await ChatModel.countDocuments({ _id: "2301" })).toBe(0);

    await customer.send("/book");
    await customer.press("60 min");
    await customer.press("ke 2.12.");
    await customer.press("10.00"); // the freed time
    expect(customer.lastText()).toBe("Kirjoita etunimesi."); // nothing remembered
  });
});

describe("retention question (P9)", () => {
  it("asks an inactive customer with a keep-my-data button; pressing it keeps the data", async () => {
    const config = testConfig();
    const services = createServices(config);
    const logs = new LogCapture();
    const { bot, i18n, notifier } = createBot(
      { config, services, logger: createLogger("info", logs) },
      { botInfo: BOT_INFO, client: { fetch: suite.tg.fetch } },
    );
    await bookFor(2401, 60, at("2022-12-01T10:00"), at("2022-11-01T08:00"));
    await CustomerModel.updateOne({ telegramId: 2401 }, { $set: { lastSeenAt: new Date(at("2023-01-01T10:00")) } });
    const job = createRetentionJob(bot.api, i18n, config, services, notifier, createLogger("silent"));
    expect((await job.runOnce(new Date(NOW))).warned).toBe(1);
    const customer = new TestCustomer(bot, suite.tg, { id: 2401, language: "fi" });
    expect(customer.lastText()).toContain("Säilytetäänkö tietosi?");
    await customer.press("Säilytä tietoni");
    expect(customer.lastText()).toBe("Kiitos, tietosi säilytetään.");
    const later = await job.runOnce(new Date(NOW + 40 * 86_400_000));
    expect(later.erased).toBe(0);
    expect(await CustomerModel.countDocuments({ telegramId: 2401 })).toBe(1);
  });
});

describe("logs (P11)", () => {
  it("carry no names, contact details or typed text through profile, export and erasure", async () => {
    await bookFor(2501, 60, at("2026-12-02T10:00"), NOW);
    const logs = new LogCapture();
    const customer = new TestCustomer(createTestBot(suite.tg, undefined, logs), suite.tg, { id: 2501, language: "fi" });
    await customer.send("/profile");
    await customer.press("Puhelin");
    await customer.send("040 765 4321");
    await customer.press("Valmis");
    await customer.send("/mydata");
    await customer.send("/deleteme");
    await customer.press("Kyllä, poista tietoni");
    const written = logs.lines.join("\n");
    expect(logs.lines.length).toBeGreaterThan(5);
    for (const secret of ["Asiakas2501", "a2501@example.com", "040 765 4321", "+358407654321"]) expect(written).not.toContain(secret);
  });
});
