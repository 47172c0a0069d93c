import mongoose from "mongoose";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { ConsentRecordModel } from "../../src/db/models/consent.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { MARKETING_CONSENT_WORDING_VERSION, PRIVACY_NOTICE_VERSION } from "../../src/domain/versions.js";
import { reveal } from "../../src/services/customers.js";
import { ADMIN_ID, createTestBot, LogCapture, TestCustomer } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";

useTestDatabase();

const zone = "Europe/Helsinki";
// Monday 30 November 2026, 08:00 in Helsinki. With 12 h notice the first free day is Tuesday.
const NOW = DateTime.fromISO("2026-11-30T08:00", { zone }).toJSDate();

const suite = useBotSuite(NOW);

/** Walks a new customer from /start to the summary of a 60-minute massage on Tuesday 10:00. */
async function newCustomerToSummary(customer: TestCustomer): Promise<void> {
  await customer.send("/start");
  await customer.press("Varaa aika");
  await customer.press("60 min");
  await customer.press("ti 1.12.");
  await customer.press("10.00");
  await customer.send("Testi");
  await customer.send("Asiakas");
  await customer.send("testi.asiakas@example.com");
  await customer.send("040 123 4567");
  await customer.press("Olen lukenut");
  await customer.press("Telegram");
  await customer.press("Jatka");
}

describe("booking conversation (B3, B5)", () => {
  it("a new customer books a massage end to end and the practitioner hears of it", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5001, language: "fi" });
    await customer.send("/start");
    expect(customer.lastText()).toContain("/privacy");
    expect(customer.buttons().map(([t]) => t)).toEqual(["📅 Varaa aika", "🗓 Omat varaukset", "🔒 Tietosuoja"]);

    await customer.press("Varaa aika");
    expect(customer.lastText()).toBe("Minkä hoidon haluat varata?");
    expect(customer.buttons().map(([t]) => t)).toContainEqual(expect.stringMatching(/^Klassinen hieronta 60 min – 55,00\s€$/));

    await customer.press("60 min");
    expect(customer.lastText()).toContain("valitse päivä");
    await customer.press("ti 1.12.");
    expect(customer.buttons().map(([t]) => t)).toContain("10.00");
    await customer.press("10.00");
    expect(customer.lastText()).toBe("Kirjoita etunimesi.");
    await customer.send("Testi");
    await customer.send("Asiakas");
    await customer.send("testi.asiakas@example.com");
    await customer.send("040 123 4567");
    expect(customer.lastText()).toContain("/privacy");
    await customer.press("Olen lukenut");
    expect(customer.buttons().map(([t]) => t)).toEqual(
      expect.arrayContaining(["☐ Telegram-viestit", "☐ Sähköposti", "☐ Tekstiviestit (SMS)"]),
    );
    await customer.press("Telegram");
    expect(customer.buttons().map(([t]) => t)).toContain("☑ Telegram-viestit");
    await customer.press("Jatka");
    const summary = customer.lastText();
    expect(summary).toContain("Tarkista varauksesi");
    expect(summary).toContain("ti 1.12.2026 klo 10.00");
    expect(summary).toMatch(/55,00\s€/);
    expect(summary).toContain("+358401234567");

    suite.tg.clearCalls();
    await customer.press("Vahvista");
    const confirmation = customer.lastText();
    expect(confirmation).toContain("Aikasi on varattu");
    expect(confirmation).toContain("Malkasaarentie 52");
    expect(confirmation).toContain("/mybookings");

    const documents = suite.tg.callsOf("sendDocument", 5001);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.multipart).toContain("BEGIN:VEVENT");
    expect(documents[0]!.multipart).toContain("DTSTART:20261201T080000Z");
    expect(documents[0]!.multipart).toContain("DTEND:20261201T090000Z");

    const adminMessages = suite.tg.callsOf("sendMessage", ADMIN_ID);
    expect(adminMessages).toHaveLength(1);
    const adminText = String(adminMessages[0]!.payload.text);
    expect(adminText).toContain("Testi Asiakas");
    expect(adminText).toContain("Klassinen hieronta 60 min");
    expect(adminText).toContain("10.00");
    expect(adminText).not.toContain("example.com");
    expect(adminText).not.toContain("+358");
    const actions = JSON.stringify(adminMessages[0]!.payload.reply_markup);
    for (const action of ["ad:att:", "ad:ns:", "ad:dt:", "ad:cx:"]) expect(actions).toContain(action);

    const booking = await BookingModel.findOne({ status: "confirmed" }).lean();
    expect(booking?.start.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    const stored = await CustomerModel.findOne({ telegramId: 5001 }).lean();
    expect(stored).toMatchObject({
      firstName: "Testi",
      lastName: "Asiakas",
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      language: "fi",
    });
    expect(reveal(stored!.email)).toBe("testi.asiakas@example.com");
    expect(reveal(stored!.phone)).toBe("+358401234567");
    const consents = await ConsentRecordModel.find({ customerId: stored!._id }).lean();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      channel: "telegram",
      action: "granted",
      purpose: "marketing",
      method: "button",
      wordingVersion: MARKETING_CONSENT_WORDING_VERSION,
    });
  });

  it("a returning customer confirms stored details and is not asked the notice or consents again", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5002, language: "fi" });
    await newCustomerToSummary(customer);
    await customer.press("Vahvista");

    await customer.send("/book");
    await customer.press("30 min");
    await customer.press("ti 1.12.");
    await customer.press("13.00");
    expect(customer.lastText()).toContain("Käytetäänkö viimeksi antamiasi tietoja?");
    expect(customer.lastText()).toContain("Testi Asiakas");
    await customer.press("Käytä näitä tietoja");
    expect(customer.lastText()).toContain("Tarkista varauksesi");
    await customer.press("Vahvista");
    expect(customer.lastText()).toContain("Aikasi on varattu");
    expect(await BookingModel.countDocuments({ status: "confirmed" })).toBe(2);
    // Consent was asked once: still exactly one record.
    expect(await ConsentRecordModel.countDocuments()).toBe(1);
  });

  it("typed text, stickers and commands in a button step are answered and change nothing", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5003, language: "fi" });
    await customer.send("/book");
    const before = customer.buttons();
    await customer.send("haluan hieronnan huomenna");
    expect(customer.lastText()).toContain("Valitse yllä olevilla painikkeilla");
    await customer.sticker();
    expect(customer.lastText()).toContain("Valitse yllä olevilla painikkeilla");
    await customer.send("/foo");
    expect(customer.lastText()).toContain("Varauksesi on kesken");
    expect(customer.buttons()).toEqual(before);
    await customer.press("45 min");
    expect(customer.lastText()).toContain("valitse päivä");
  });

  it("invalid, huge and non-text answers in a text step are refused with a reason and asked again", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5004, language: "fi" });
    await customer.send("/book");
    await customer.press("60 min");
    await customer.press("ti 1.12.");
    await customer.press("10.00");
    await customer.send("x".repeat(4096));
    expect(customer.lastText()).toContain("Nimi on liian pitkä");
    expect(customer.lastText()).toContain("Kirjoita etunimesi.");
    await customer.send("R2-D2");
    expect(customer.lastText()).toContain("Nimessä voi olla vain kirjaimia");
    await customer.sticker();
    expect(customer.lastText()).toContain("Kirjoita vastauksesi tekstinä");
    await customer.send("Anna-Liisa");
    await customer.send("O'Brien");
    await customer.send("ei-sahkoposti");
    expect(customer.lastText()).toContain("ei näytä sähköpostiosoitteelta");
    await customer.send("anna@example.com");
    await customer.send("12345");
    expect(customer.lastText()).toContain("ei näytä puhelinnumerolta");
    await customer.press("Ohita");
    await customer.press("Olen lukenut");
    // No phone: no SMS consent on offer.
    expect(customer.buttons().map(([t]) => t).some((t) => t.includes("SMS"))).toBe(false);
    await customer.press("Jatka");
    expect(customer.lastText()).toContain("Anna-Liisa O'Brien");
    await customer.press("Vahvista");
    const stored = await CustomerModel.findOne({ telegramId: 5004 }).lean();
    expect(stored?.phone).toBeUndefined();
    expect(reveal(stored!.email)).toBe("anna@example.com");
  });

  it("Back returns step by step and keeps earlier answers; Cancel ends the flow", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5005, language: "fi" });
    await customer.send("/book");
    await customer.press("60 min");
    await customer.press("ti 1.12.");
    await customer.press("Takaisin");
    expect(customer.lastText()).toContain("valitse päivä");
    await customer.press("Takaisin");
    expect(customer.lastText()).toBe("Minkä hoidon haluat varata?");
    await customer.press("90 min");
    await customer.press("ke 2.12.");
    await customer.press("9.00");
    await customer.send("Testi");
    expect(customer.lastText()).toBe("Kirjoita sukunimesi.");
    await customer.press("Takaisin");
    expect(customer.lastText()).toBe("Kirjoita etunimesi.");
    await customer.press("Takaisin");
    expect(customer.lastText()).toContain("valitse kellonaika");
    await customer.press("Keskeytä");
    expect(customer.lastText()).toBe("Varaaminen keskeytetty – aikaa ei varattu.");
    expect(customer.buttons()).toEqual([]);
    await customer.send("Testi");
    expect(customer.lastText()).toContain("En ymmärtänyt");
    expect(await BookingModel.countDocuments()).toBe(0);
  });

  it("stale, forged and double-tapped buttons are answered and book nothing twice", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5006, language: "fi" });
    await customer.send("/book");
    const servicePrompt = suite.tg.latestKeyboardMessage(5006)!.messageId;
    // A forged service id on the live prompt.
    await customer.pressData("bk:svc:0123456789abcdef01234567", servicePrompt);
    expect(customer.lastText()).toContain("Valinta ei ole enää saatavilla");
    // Malformed data.
    await customer.pressData("bk:svc:x:y:z", servicePrompt);
    expect(suite.tg.toasts().at(-1)).toBe("Tämä painike ei ole enää käytössä.");
    // A button from a message that is not the current prompt.
    await customer.pressData("bk:svc:whatever", 1);
    expect(suite.tg.toasts().at(-1)).toBe("Tämä painike ei ole enää käytössä.");

    await newCustomerToSummary(customer);
    const summary = suite.tg.latestKeyboardMessage(5006)!;
    const confirm = summary.keyboard!.inline_keyboard.flat().find((b) => b.text.includes("Vahvista"))!;
    await customer.pressData(confirm.callback_data!, summary.messageId);
    await customer.pressData(confirm.callback_data!, summary.messageId);
    expect(await BookingModel.countDocuments()).toBe(1);
    expect(suite.tg.toasts().at(-1)).toBe("Tämä painike ei ole enää käytössä.");
    expect(suite.tg.callsOf("sendMessage", ADMIN_ID)).toHaveLength(1);
  });

  it("a slot taken between display and confirm gets an apology and fresh times", async () => {
    const bot = createTestBot(suite.tg);
    const first = new TestCustomer(bot, suite.tg, { id: 5007, language: "fi" });
    const second = new TestCustomer(bot, suite.tg, { id: 5008, language: "fi" });
    await newCustomerToSummary(first);
    await newCustomerToSummary(second);
    await first.press("Vahvista");
    expect(first.lastText()).toContain("Aikasi on varattu");

    await second.press("Vahvista");
    expect(second.lastText()).toContain("joku ehti varata ajan juuri ennen sinua");
    const times = second.buttons().map(([t]) => t);
    expect(times).not.toContain("10.00");
    // 10:00–11:00 plus its 15-minute buffer leaves no room for another hour before the lunch break.
    expect(times).not.toContain("9.00");
    expect(times[0]).toBe("12.30");
    await second.press("12.30");
    // Details given earlier in the flow are kept: straight to the summary.
    expect(second.lastText()).toContain("Tarkista varauksesi");
    await second.press("Vahvista");
    expect(second.lastText()).toContain("Aikasi on varattu");
    expect(await BookingModel.countDocuments({ status: "confirmed" })).toBe(2);
  });

  it("a restart halfway through a booking loses nothing", async () => {
    const user = { id: 5009, language: "fi" };
    const before = new TestCustomer(createTestBot(suite.tg), suite.tg, user);
    await before.send("/book");
    await before.press("60 min");
    await before.press("ti 1.12.");
    await before.press("10.00");
    await before.send("Testi");
    // A new process: a new bot object; only the database carries the state.
    // What the customer typed so far is in the stored state, but never in the clear.
    const raw = JSON.stringify(await mongoose.connection.db!.collection("chats").find().toArray());
    expect(raw).toContain('"state":"v1.');
    expect(raw).not.toContain("Testi");
    const after = new TestCustomer(createTestBot(suite.tg), suite.tg, user);
    await after.send("Asiakas");
    expect(after.lastText()).toContain("sähköpostiosoitteesi");
    await after.send("testi@example.com");
    await after.press("Ohita");
    await after.press("Olen lukenut");
    await after.press("Jatka");
    expect(after.lastText()).toContain("Testi Asiakas");
    await after.press("Vahvista");
    expect(after.lastText()).toContain("Aikasi on varattu");
    expect(await BookingModel.countDocuments({ status: "confirmed" })).toBe(1);
  });

  it("/privacy answers in the middle of a booking and the booking continues; /cancel ends it", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5010, language: "fi" });
    await customer.send("/book");
    await customer.press("60 min");
    await customer.send("/privacy");
    expect(customer.texts().at(-2)).toContain("Rekisterinpitäjä: Klassinen hieronta Tmi Aija Raiski (Y-tunnus 3006642-2)");
    expect(customer.lastText()).toContain("Tietosuojaseloste (2/2)");
    await customer.press("ti 1.12.");
    expect(customer.lastText()).toContain("valitse kellonaika");
    await customer.send("/cancel");
    expect(customer.lastText()).toContain("Keskeytetty");
    await customer.press("10.00");
    expect(suite.tg.toasts().at(-1)).toBe("Tämä painike ei ole enää käytössä.");
    await customer.send("/cancel");
    expect(customer.lastText()).toBe("Mitään ei ole kesken.");
  });

  it("no name, email, phone or message text reaches the logs during a whole booking", async () => {
    const logs = new LogCapture();
    const customer = new TestCustomer(createTestBot(suite.tg, undefined, logs), suite.tg, { id: 5011, language: "fi" });
    await newCustomerToSummary(customer);
    await customer.press("Vahvista");
    expect(customer.lastText()).toContain("Aikasi on varattu");
    const written = logs.lines.join("\n");
    for (const secret of ["Testi", "Asiakas", "testi.asiakas@example.com", "040 123 4567", "+358401234567"]) {
      expect(written).not.toContain(secret);
    }
  });
});
