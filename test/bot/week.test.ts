import { describe, expect, it, vi } from "vitest";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { PaymentModel } from "../../src/db/models/payment.js";
import { ADMIN_ID, createTestBot, TestCustomer } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor, setLanguage } from "../helpers/fixtures.js";

useTestDatabase();
const NOW = at("2026-12-01T08:00"); // Tuesday of week 49
const suite = useBotSuite(NOW);

function admin(language: "fi" | "sv" | "en" = "fi") {
  return new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language });
}

/** Text with the no-break spaces of amounts ("55,00 €") as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** The text of the message the practitioner pressed a button on, as shown now (edits applied). */
function shownWithButtons(): string {
  return suite.tg.latestKeyboardMessage(ADMIN_ID)?.text ?? "";
}

describe("/week (A13)", () => {
  it("shows the week day by day: bookings, time off and the free time still ahead, with the week's totals", async () => {
    await bookFor(3101, 60, at("2026-11-30T13:00"), at("2026-11-25T08:00"));
    await bookFor(3102, 30, at("2026-12-01T13:00"), at("2026-11-25T08:00"));
    await bookFor(3103, 60, at("2026-12-03T10:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/off 2.12. 12:30-17:00");
    await practitioner.send("/off 4.12.");
    await practitioner.send("/week");
    const text = practitioner.lastText();
    expect(text).toContain("Viikko 49: ma 30.11. – su 6.12.2026\n3 varausta, vapaata 16 h");
    // A past day: its bookings, no free time.
    expect(text).toContain("ma 30.11. · 9.00–12.00 ja 12.30–17.00\n  13.00–14.00 Testi Asiakas3101, Klassinen hieronta 60 min\n\n");
    // Today: free time from now on, around the booking and its buffer.
    expect(text).toContain(
      "ti 1.12. · 9.00–12.00 ja 12.30–17.00 (tänään)\n  13.00–13.30 Testi Asiakas3102, Klassinen hieronta 30 min\n  vapaata 9.00–12.00, 12.30–13.00 ja 13.45–17.00 (6 h 45 min)",
    );
    // Time off: the afternoon blocked, the hours left; a whole day blocked.
    expect(text).toContain("ke 2.12. · 9.00–12.00\n  ⛔ 12.30–17.00 estetty\n  vapaata 9.00–12.00 (3 h)");
    expect(text).toContain("pe 4.12. · suljettu\n  ⛔ koko päivä estetty");
    expect(text).toContain("la 5.12. · suljettu\n\nsu 6.12. · suljettu");
    // Looking at one's own week is not a look at each customer's record.
    expect(await AuditEntryModel.countDocuments({ actorKind: "admin" })).toBe(0);
  });

  it("pages to the next and previous weeks in place, and back to this week", async () => {
    await bookFor(3201, 60, at("2026-12-08T10:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/week");
    const messageId = suite.tg.latestKeyboardMessage(ADMIN_ID)!.messageId;
    await practitioner.press("Seuraava ▶");
    expect(suite.tg.latestKeyboardMessage(ADMIN_ID)!.messageId).toBe(messageId);
    expect(shownWithButtons()).toContain("Viikko 50: ma 7.12. – su 13.12.2026\n1 varaus");
    expect(shownWithButtons()).toContain("  10.00–11.00 Testi Asiakas3201");
    await practitioner.press("Tämä viikko");
    expect(shownWithButtons()).toContain("Viikko 49:");
    await practitioner.press("◀ Edellinen");
    // A week gone by: nothing free, nothing booked.
    expect(shownWithButtons()).toMatch(/^Viikko 48: ma 23\.11\. – su 29\.11\.2026\n0 varausta\n/);
    await practitioner.send("/week seuraava");
    expect(practitioner.lastText()).toContain("Viikko 50:");
    await practitioner.send("/week 24.12.");
    expect(practitioner.lastText()).toContain("Viikko 52: ma 21.12. – su 27.12.2026");
    await practitioner.send("/week joskus");
    expect(practitioner.lastText()).toContain("Käytä: /week");
  });

  it("opens any booking, past ones included, with its actions: payment and attendance on a past booking", async () => {
    const past = await bookFor(3301, 60, at("2026-11-30T13:00"), at("2026-11-25T08:00"));
    await bookFor(3302, 30, at("2026-12-03T10:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/week");
    expect(practitioner.buttons().map(([label]) => label)).toEqual(
      expect.arrayContaining(["ma 13.00 Testi A.", "to 10.00 Testi A.", "ma", "su", "◀ Edellinen", "Seuraava ▶"]),
    );
    await practitioner.press("ma 13.00 Testi A.");
    expect(plain(practitioner.lastText())).toBe(
      "ma 30.11.2026 klo 13.00–14.00\nKlassinen hieronta 60 min, 55,00 €\nTesti Asiakas3301\nKäyntiä ei ole merkitty.\n💶 Maksua ei ole kirjattu.",
    );
    // Begun already: attendance and payment, but no cancel.
    const labels = practitioner.buttons().map(([label]) => label);
    expect(labels).toEqual(["✓ Kävi", "✗ Ei saapunut", "💶 Maksu", "👤 Yhteystiedot"]);
    await practitioner.press("✓ Kävi");
    expect((await BookingModel.findById(past.id).lean())?.attendance).toBe("attended");
    await practitioner.press("💶 Maksu");
    await practitioner.press("55,00");
    await practitioner.press("Kortti");
    expect(practitioner.lastText()).toBe("Maksu kirjattu, kuitti nro 1.");
    expect(await PaymentModel.findOne({ bookingId: past.id }).lean()).toMatchObject({ amountCents: 5500, method: "card" });

    await practitioner.send("/week");
    expect(practitioner.lastText()).toContain("  13.00–14.00 Testi Asiakas3301, Klassinen hieronta 60 min ✓ kävi 💶");
    await practitioner.press("ma 13.00 Testi A.");
    expect(plain(practitioner.lastText())).toContain("✓ kävi\n💶 Maksettu 55,00 € (kuitti nro 1)");
    // A booking still ahead can be cancelled from its card.
    await practitioner.send("/week");
    await practitioner.press("to 10.00 Testi A.");
    expect(practitioner.buttons().map(([label]) => label)).toContain("✖ Peru…");
  });

  it("a week too full for a button per booking offers its days, and each day its bookings", async () => {
    const mondays = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"];
    let id = 3700;
    for (const day of mondays) {
      for (const time of ["09:00", "09:45", "10:30", "11:15", "12:30", "13:15", "14:00", "14:45", "15:30"]) {
        await bookFor(id++, 30, at(`${day}T${time}`), NOW);
      }
    }
    const practitioner = admin();
    await practitioner.send("/week seuraava");
    expect(practitioner.lastText()).toContain("45 varausta");
    const labels = practitioner.buttons().map(([label]) => label);
    expect(labels).toEqual(["ma", "ti", "ke", "to", "pe", "la", "su", "◀ Edellinen", "Tämä viikko", "Seuraava ▶"]);
    await practitioner.press("ke");
    expect(shownWithButtons()).toMatch(/^ke 9\.12\.2026: 9 varausta\n/);
    expect(practitioner.buttons().filter(([, data]) => data.startsWith("ad:bk:"))).toHaveLength(9);
  });

  it("in Swedish and English", async () => {
    await bookFor(3401, 60, at("2026-12-03T10:00"), NOW);
    const swedish = admin("sv");
    await swedish.send("/week");
    expect(swedish.lastText()).toContain("Vecka 49: mån 30.11. – sön 6.12.2026\n1 bokning, ledigt");
    expect(swedish.lastText()).toContain("tis 1.12. · 9.00–12.00 och 12.30–17.00 (i dag)\n  ledigt 9.00–12.00 och 12.30–17.00 (7 h 30 min)");
    await setLanguage(ADMIN_ID, "en");
    const english = admin("en");
    await english.send("/week");
    expect(english.lastText()).toContain("Week 49: Mon 30 Nov – Sun 6 Dec 2026\n1 booking");
    expect(english.lastText()).toContain("Thu 3 Dec · 09:00–12:00 and 12:30–17:00\n  10:00–11:00 Testi Asiakas3401, Classic massage 60 min\n  free");
  });

  it("keeps wall-clock hours through the week summer time starts (23-hour Sunday 29.3.2026) and the week it ends (25-hour Sunday 25.10.2026)", async () => {
    vi.setSystemTime(at("2026-03-20T08:00"));
    const practitioner = admin();
    await practitioner.send("/hours su 1-5");
    await bookFor(3501, 60, at("2026-03-30T10:00"), at("2026-03-20T08:00"));
    await practitioner.send("/week 29.3.");
    // 1.00–5.00 on the night the clocks go forward is three hours long.
    expect(practitioner.lastText()).toContain("Viikko 13: ma 23.3. – su 29.3.2026");
    expect(practitioner.lastText()).toContain("su 29.3. · 1.00–5.00\n  vapaata 1.00–5.00 (3 h)");
    await practitioner.press("Seuraava ▶");
    expect(shownWithButtons()).toContain("Viikko 14: ma 30.3. – su 5.4.2026");
    expect(shownWithButtons()).toContain("ma 30.3. · 9.00–12.00 ja 12.30–17.00\n  10.00–11.00 Testi Asiakas3501");
    expect(shownWithButtons()).toContain("su 5.4. · 1.00–5.00\n  vapaata 1.00–5.00 (4 h)");

    vi.setSystemTime(at("2026-10-16T08:00"));
    await practitioner.send("/off 25.10.");
    await practitioner.send("/week 25.10.");
    expect(practitioner.lastText()).toContain("Viikko 43: ma 19.10. – su 25.10.2026");
    expect(practitioner.lastText()).toContain("su 25.10. · suljettu\n  ⛔ koko päivä estetty");
    await practitioner.press("◀ Edellinen");
    // The Sunday before has its four hours; the one when clocks go back is blocked; after it, five.
    expect(shownWithButtons()).toContain("su 18.10. · 1.00–5.00\n  vapaata 1.00–5.00 (4 h)");
    await practitioner.send("/hours su 1-5");
    await practitioner.send("/agenda 25.10.");
    expect(practitioner.lastText()).toContain("su 25.10.2026: 0 varausta\nAuki: suljettu\n  ⛔ koko päivä estetty");
  });
});

describe("/agenda (A1, A13)", () => {
  it("shows today, tomorrow, a date or the week, with the same booking buttons; pages by day", async () => {
    await bookFor(3601, 30, at("2026-12-02T10:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/agenda");
    expect(practitioner.lastText()).toContain("ti 1.12.2026: 0 varausta (tänään)\nAuki: 9.00–12.00 ja 12.30–17.00\n  vapaata 9.00–12.00 ja 12.30–17.00 (7 h 30 min)");
    await practitioner.send("/agenda huomenna");
    expect(practitioner.lastText()).toBe(
      "ke 2.12.2026: 1 varaus\nAuki: 9.00–12.00 ja 12.30–17.00\n  10.00–10.30 Testi Asiakas3601, Klassinen hieronta 30 min\n  vapaata 9.00–10.00, 10.45–12.00 ja 12.30–17.00 (6 h 45 min)",
    );
    await practitioner.press("10.00 Testi Asiakas3601");
    expect(practitioner.lastText()).toContain("ke 2.12.2026 klo 10.00–10.30");
    await practitioner.send("/agenda 2.12.");
    await practitioner.press("to 3.12. ▶");
    expect(shownWithButtons()).toMatch(/^to 3\.12\.2026: 0 varausta/);
    await practitioner.press("Viikko 49");
    expect(shownWithButtons()).toContain("Viikko 49: ma 30.11. – su 6.12.2026");
    await practitioner.send("/agenda viikko");
    expect(practitioner.lastText()).toContain("Viikko 49:");
    await practitioner.send("/agenda joskus");
    expect(practitioner.lastText()).toContain("Käytä: /agenda, /agenda huomenna");
  });

  it("a forged date on a button is answered as expired and changes nothing", async () => {
    const practitioner = admin();
    await practitioner.send("/week");
    const before = suite.tg.calls.length;
    await practitioner.pressData("ad:wk:2026-02-31", suite.tg.latestKeyboardMessage(ADMIN_ID)!.messageId);
    expect(suite.tg.calls.slice(before).map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(suite.tg.toasts().at(-1)).toBe("Tämä painike ei ole enää käytössä.");
  });
});
