import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { ConsentRecordModel } from "../../src/db/models/consent.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { MARKETING_CONSENT_WORDING_VERSION, PRIVACY_NOTICE_VERSION } from "../../src/domain/versions.js";
import { seedDefaults } from "../../src/services/seed.js";
import { ADMIN_ID, createTestBot, TestCustomer } from "../helpers/bot.js";
import { useTestDatabase } from "../helpers/db.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";

useTestDatabase();

const zone = "Europe/Helsinki";
// Monday 30 November 2026, 08:00 in Helsinki. With 12 h notice the first free day is Tuesday.
const NOW = DateTime.fromISO("2026-11-30T08:00", { zone }).toJSDate();

let tg: FakeTelegram;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  await seedDefaults();
  tg = new FakeTelegram();
});
afterEach(() => {
  vi.useRealTimers();
});

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
    const customer = new TestCustomer(createTestBot(tg), tg, { id: 5001, language: "fi" });
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
    expect(summary).toContain("tiistaina 1. joulukuuta 2026 10.00");
    expect(summary).toMatch(/55,00\s€/);
    expect(summary).toContain("+358401234567");

    tg.clearCalls();
    await customer.press("Vahvista");
    const confirmation = customer.lastText();
    expect(confirmation).toContain("Aikasi on varattu");
    expect(confirmation).toContain("Malkasaarentie 52");
    expect(confirmation).toContain("/mybookings");

    const documents = tg.callsOf("sendDocument", 5001);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.multipart).toContain("BEGIN:VEVENT");
    expect(documents[0]!.multipart).toContain("DTSTART:20261201T080000Z");
    expect(documents[0]!.multipart).toContain("DTEND:20261201T090000Z");

    const adminMessages = tg.callsOf("sendMessage", ADMIN_ID);
    expect(adminMessages).toHaveLength(1);
    const adminText = String(adminMessages[0]!.payload.text);
    expect(adminText).toContain("Testi Asiakas");
    expect(adminText).toContain("Klassinen hieronta 60 min");
    expect(adminText).toContain("10.00");
    expect(adminText).not.toContain("example.com");
    expect(adminText).not.toContain("+358");

    const booking = await BookingModel.findOne({ status: "confirmed" }).lean();
    expect(booking?.start.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    const stored = await CustomerModel.findOne({ telegramId: 5001 }).lean();
    expect(stored).toMatchObject({
      firstName: "Testi",
      lastName: "Asiakas",
      email: "testi.asiakas@example.com",
      phone: "+358401234567",
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      language: "fi",
    });
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
});
