import { describe, expect, it } from "vitest";
import { ADMIN_ID, createTestBot, TestCustomer } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor, setLanguage } from "../helpers/fixtures.js";

useTestDatabase();
const NOW = at("2026-12-01T08:00"); // Tuesday
const suite = useBotSuite(NOW);

function admin(language: "fi" | "sv" | "en" = "fi") {
  return new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language });
}

/** Text with the no-break spaces of amounts ("55,00 €") as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("/off says what was blocked in words (issue 14, item 8)", () => {
  it("a whole day, whole days, hours of a day and a span; the count and the button agree in number", async () => {
    await bookFor(6101, 60, at("2026-12-03T13:00"), NOW);
    await bookFor(6102, 60, at("2026-12-24T10:00"), NOW);
    await bookFor(6103, 30, at("2026-12-28T13:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/off 7.12.");
    expect(practitioner.lastText()).toBe("Vastaanotto on suljettu koko päivän ma 7.12.2026. Tälle ajalle ei ole varauksia.");
    await practitioner.send("/off 3.12. 12:00-17:00");
    expect(practitioner.lastText()).toMatch(/^Vastaanotto on suljettu to 3\.12\.2026 klo 12\.00–17\.00\. Tälle ajalle on jo yksi varaus:\n\nto 3\.12\.2026 klo 13\.00/);
    expect(practitioner.buttons().map(([label]) => label)).toEqual(["Peru tämä varaus ja ilmoita asiakkaalle"]);
    await practitioner.send("/off 24.12. 31.12.");
    expect(practitioner.lastText()).toMatch(/^Vastaanotto on suljettu to 24\.12\.2026 – to 31\.12\.2026, koko päivät\. Tälle ajalle on jo 2 varausta:\n\n/);
    expect(practitioner.buttons().map(([label]) => label)).toEqual(["Peru nämä 2 varausta ja ilmoita asiakkaille"]);
    await practitioner.send("/off 14.12. 15.12. 08:00-17:00");
    expect(practitioner.lastText()).toBe("Vastaanotto on suljettu ma 14.12.2026 klo 8.00 – ti 15.12.2026 klo 17.00. Tälle ajalle ei ole varauksia.");
  });

  it("in Swedish and English", async () => {
    await bookFor(6201, 60, at("2026-12-03T13:00"), NOW);
    const swedish = admin("sv");
    await swedish.send("/off 7.12.");
    expect(swedish.lastText()).toBe("Mottagningen är stängd hela dagen mån 7.12.2026. Det finns inga bokningar under den tiden.");
    await swedish.send("/off 3.12.");
    expect(swedish.lastText()).toMatch(/^Mottagningen är stängd hela dagen tors 3\.12\.2026\. Det finns redan en bokning under den tiden:/);
    expect(swedish.buttons().map(([label]) => label)).toEqual(["Avboka den här bokningen och meddela kunden"]);
    await setLanguage(ADMIN_ID, "en");
    const english = admin("en");
    await english.send("/off 8.12. 9.12.");
    expect(english.lastText()).toBe("The practice is closed all day from Tue 8 Dec 2026 to Wed 9 Dec 2026. There are no bookings in that time.");
    await english.send("/off 10.12. 09:00-12:00");
    expect(english.lastText()).toBe("The practice is closed Thu 10 Dec 2026, 09:00–12:00. There are no bookings in that time.");
  });
});

describe("the customer card names the language in the reader's words (issue 14, item 8)", () => {
  it("a Swedish-speaking customer's language is 'ruotsi' to a Finnish practitioner", async () => {
    await bookFor(6301, 60, at("2026-12-03T10:00"), NOW);
    await setLanguage(6301, "sv");
    const practitioner = admin();
    await practitioner.send("/customer asiakas6301");
    await practitioner.press("Testi Asiakas6301");
    expect(practitioner.lastText()).toContain("Kieli: ruotsi\n");
  });
});

describe("receipts in the customer's language (A5, issue 14 item 8)", () => {
  it("the practitioner's copy is in hers; the one sent to a Swedish-speaking customer is in Swedish, service name and file name included", async () => {
    await bookFor(6401, 60, at("2026-11-30T13:00"), at("2026-11-25T08:00"));
    await setLanguage(6401, "sv");
    const practitioner = admin();
    await practitioner.send("/week");
    await practitioner.press("ma 13.00 Testi A.");
    await practitioner.press("💶 Maksu");
    await practitioner.press("55,00");
    await practitioner.press("Kortti");
    const own = plain(practitioner.texts().at(-2)!);
    expect(own).toContain("KUITTI nro 1");
    expect(own).toContain("Palvelu: Klassinen hieronta 60 min");
    await practitioner.press("Lähetä kuitti");
    expect(practitioner.lastText()).toBe("Kuitti lähetetty asiakkaalle.");
    const sent = plain(String(suite.tg.callsOf("sendMessage", 6401).at(-1)?.payload.text));
    for (const expected of ["KVITTO nr 1", "FO-nummer 3006642-2", "Datum: 1.12.2026", "Tjänst: Klassisk massage 60 min", "Belopp: 55,00 €", "Betalningssätt: Kort", "Moms 0 %: momsfri"]) {
      expect(sent).toContain(expected);
    }
    expect(suite.tg.callsOf("sendDocument", 6401).at(-1)?.multipart).toContain("filename=kvitto-1.txt");
  });
});
