import { describe, expect, it } from "vitest";
import { ADMIN_COMMANDS } from "../../src/bot/commands.js";
import { createI18n } from "../../src/bot/i18n.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { recordPayment } from "../../src/services/payments.js";
import { ADMIN_ID, createTestBot, TestCustomer } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor } from "../helpers/fixtures.js";

useTestDatabase();
const NOW = at("2026-12-01T08:00"); // Tuesday
const suite = useBotSuite(NOW);

function admin(language: "fi" | "sv" | "en" = "fi") {
  return new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language });
}

describe("/hours in friendlier forms (issue 14, item 8)", () => {
  it("accepts short and long day names in Finnish, Swedish and English and times as 9-17, 9:00-17:00 and 9.00–17.00", async () => {
    const practitioner = admin();
    await practitioner.send("/hours maanantai 9-17\nti 9:00-12:00 13.00–17.00\nkeskiviikko 8 - 16\nmåndag 10-14\nthursday 9.30—15.30\nlö off\nsun 10-12");
    const text = practitioner.lastText();
    expect(text).toContain("maanantai: 10.00–14.00");
    expect(text).toContain("tiistai: 9.00–12.00 ja 13.00–17.00");
    expect(text).toContain("keskiviikko: 8.00–16.00");
    expect(text).toContain("torstai: 9.30–15.30");
    expect(text).toContain("lauantai: suljettu");
    expect(text).toContain("sunnuntai: 10.00–12.00");
  });

  it("says which line and part were wrong and why, in the admin's language, and changes nothing", async () => {
    const practitioner = admin();
    await practitioner.send("/hours ma 9-17");
    await practitioner.send("/hours ti 9-17\nmaanantia 9-17\nke 17-9\nto 9-12 11-13\npe 9.07-12\nla 25-26\nsu");
    const text = practitioner.lastText();
    expect(text).toContain("Aukioloaikoja ei muutettu, koska 6 rivissä on virhe:");
    expect(text).toContain("Rivi 2: ”maanantia” ei ole viikonpäivä.");
    expect(text).toContain("Rivi 3: ”17-9” päättyy ennen kuin alkaa.");
    expect(text).toContain("Rivi 4: ”11-13” menee päällekkäin saman päivän toisen ajan kanssa.");
    expect(text).toContain("Rivi 5: ”9.07-12”: minuuttien pitää olla viiden minuutin välein");
    expect(text).toContain("Rivi 6: ”25-26” ei ole aikaväli.");
    expect(text).toContain("Rivi 7: päivän ”su” perästä puuttuvat ajat.");
    await practitioner.send("/hours");
    expect(practitioner.lastText()).toContain("maanantai: 9.00–17.00");
    expect(practitioner.lastText()).not.toContain("tiistai: 9.00–17.00");
  });

  it("explains a rejected line in Swedish", async () => {
    const swedish = admin("sv");
    await swedish.send("/hours fredagg 9-17");
    expect(swedish.lastText()).toContain("Öppettiderna ändrades inte, eftersom en rad har ett fel:\nRad 1: ”fredagg” är ingen veckodag.");
  });

  it("explains a rejected line in English", async () => {
    const english = admin("en");
    await english.send("/hours fri 9-17:03");
    expect(english.lastText()).toContain('Line 1: "9-17:03": minutes go in steps of five');
  });
});

describe("/help for the practitioner (issue 14, item 8)", () => {
  it("lists every admin command with its description in the admin's chat, after the customers' help; a customer's help is unchanged", async () => {
    const i18n = createI18n("fi");
    const practitioner = admin();
    await practitioner.send("/help");
    const text = practitioner.lastText();
    expect(text.startsWith(i18n.t("fi", "help"))).toBe(true);
    expect(text).toContain("Ylläpitäjän komennot:");
    for (const command of ADMIN_COMMANDS) expect(text, command).toContain(`/${command} – ${i18n.t("fi", `command-${command}`)}`);
    expect(text).toContain("/hours – Viikoittaiset aukioloajat");

    // A customer sees exactly the help they had before.
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5101, language: "fi" });
    await customer.send("/help");
    expect(customer.lastText()).toBe(i18n.t("fi", "help"));
    expect(customer.lastText()).not.toContain("/today");
  });
});

describe("/stats (issue 14, item 8)", () => {
  it("counts cancelled bookings apart from booked ones and shows revenue by payment method", async () => {
    const a = await bookFor(5201, 60, at("2026-12-01T13:00"), at("2026-11-25T08:00"));
    const b = await bookFor(5202, 60, at("2026-12-02T13:00"), NOW);
    const c = await bookFor(5203, 30, at("2026-12-03T13:00"), NOW);
    await bookFor(5204, 30, at("2026-12-04T13:00"), NOW);
    await BookingModel.updateOne({ _id: b.id }, { $set: { status: "cancelled" } });
    await recordPayment(a.id, 5500, "card", { kind: "admin", telegramId: ADMIN_ID }, new Date(NOW));
    await recordPayment(c.id, 3000, "mobilepay", { kind: "admin", telegramId: ADMIN_ID }, new Date(NOW));
    const practitioner = admin();
    await practitioner.send("/stats");
    const week = practitioner.lastText().split("\n\n")[0]!;
    expect(week).toMatch(/^Tämä viikko\nVarauksia: 3\nPeruutuksia: 1\n/);
    expect(week).toMatch(/Myynti: 85,00\s€\n {2}Kortti: 55,00\s€\n {2}MobilePay: 30,00\s€$/);
    expect(week).not.toContain("Käteinen");
  });
});
