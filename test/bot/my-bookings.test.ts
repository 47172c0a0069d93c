import { describe, expect, it, vi } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { SlotClaimModel } from "../../src/db/models/slot-claim.js";
import { ADMIN_ID, createTestBot, TestCustomer } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor, setLanguage } from "../helpers/fixtures.js";
import { calendarFilesTo } from "../helpers/ics.js";

useTestDatabase();

const NOW = at("2026-11-30T08:00");
const suite = useBotSuite(NOW);

function adminTexts(): string[] {
  return suite.tg.callsOf("sendMessage", ADMIN_ID).map((c) => String(c.payload.text));
}

describe("/mybookings (B6)", () => {
  it("lists upcoming bookings with Cancel and Reschedule, and says how to book when empty", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9001, language: "fi" });
    await customer.send("/mybookings");
    expect(customer.lastText()).toContain("/book");

    await bookFor(9001, 60, at("2026-12-02T10:00"), NOW);
    await bookFor(9001, 30, at("2026-11-27T10:00"), at("2026-11-20T08:00")); // already past
    const cancelled = await bookFor(9001, 30, at("2026-12-03T13:00"), NOW);
    await BookingModel.updateOne({ ref: cancelled.ref }, { $set: { status: "cancelled" } });

    await customer.send("/mybookings");
    const texts = customer.texts().slice(-2);
    expect(texts[0]).toBe("Tulevat varauksesi:");
    expect(texts[1]).toContain("ke 2.12.2026 klo 10.00");
    expect(texts[1]).toContain("Maksuton peruminen tai siirto ti 1.12.2026 klo 10.00 asti.");
    expect(customer.buttons().map(([t]) => t)).toEqual(["✖ Peru", "↻ Siirrä"]);
  });
});

describe("/mybookings inside the cutoff (B6, B7)", () => {
  it("shows the practice's phone and email instead of Cancel and Reschedule, and no deadline already past", async () => {
    const soon = await bookFor(9010, 60, at("2026-12-01T10:00"), NOW);
    await bookFor(9010, 30, at("2026-12-03T13:00"), NOW);
    vi.setSystemTime(at("2026-11-30T10:01")); // 23 h 59 min before the first, 51 h before the second
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9010, language: "fi" });
    await customer.send("/mybookings");

    const items = suite.tg.callsOf("sendMessage", 9010).slice(-2);
    const [locked, open] = items.map((c) => String(c.payload.text));
    expect(locked).toContain("ti 1.12.2026 klo 10.00");
    expect(locked).toContain("Tätä aikaa ei voi enää perua tai siirtää täällä");
    expect(locked).toContain("040 519 6900");
    expect(locked).toContain("aija.raiski@example.fi");
    expect(locked).not.toContain("Maksuton peruminen");
    expect(items[0]!.payload.reply_markup).toBeUndefined();
    expect(JSON.stringify(items)).not.toContain(`mb:cancel:${soon.ref}`);
    expect(JSON.stringify(items)).not.toContain(`mb:move:${soon.ref}`);
    // The later booking still has its buttons and its deadline.
    expect(open).toContain("Maksuton peruminen tai siirto ke 2.12.2026 klo 13.00 asti.");
    expect(customer.buttons().map(([t]) => t)).toEqual(["✖ Peru", "↻ Siirrä"]);
  });

  it("is the same in Swedish and English", async () => {
    await bookFor(9011, 60, at("2026-12-01T10:00"), NOW);
    vi.setSystemTime(at("2026-11-30T10:01"));
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9011, language: "fi" });
    for (const [language, expected] of [["sv", "kan inte längre avbokas"], ["en", "can no longer be cancelled"]] as const) {
      await setLanguage(9011, language);
      await customer.send("/mybookings");
      expect(customer.lastText()).toContain(expected);
      expect(customer.lastText()).toContain("040 519 6900");
    }
  });
});

describe("cancel from Telegram (B7)", () => {
  it("asks, cancels, frees the time, tells the admin; the old buttons then answer clearly", async () => {
    const booking = await bookFor(9002, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9002, language: "fi" });
    await customer.send("/mybookings");
    const item = suite.tg.latestKeyboardMessage(9002)!;
    await customer.press("Peru");
    expect(customer.lastText()).toContain("Perutaanko tämä varaus?");
    await customer.press("Ei, pidä varaus");
    expect(customer.lastText()).toBe("Varauksesi on voimassa.");
    expect((await BookingModel.findOne({ ref: booking.ref }).lean())?.status).toBe("confirmed");

    await customer.pressData(`mb:cancel:${booking.ref}`, item.messageId);
    await customer.press("Kyllä, peru");
    expect(customer.lastText()).toContain("Varauksesi on peruttu");
    expect((await BookingModel.findOne({ ref: booking.ref }).lean())?.status).toBe("cancelled");
    expect(await SlotClaimModel.countDocuments()).toBe(0);
    expect(adminTexts().at(-1)).toContain("Asiakas perui varauksen");
    expect(adminTexts().at(-1)).toContain("Testi Asiakas9002");

    // Double tap on "yes", and the list's old Cancel and Reschedule buttons.
    await customer.pressData(`mb:yes:${booking.ref}`, item.messageId);
    expect(customer.lastText()).toBe("Varaus on jo peruttu tai alkanut, joten sitä ei voi muuttaa.");
    await customer.pressData(`mb:move:${booking.ref}`, item.messageId);
    expect(customer.lastText()).toBe("Varaus on jo peruttu tai alkanut, joten sitä ei voi muuttaa.");
    expect(adminTexts().filter((t) => t.includes("perui"))).toHaveLength(1);
  });

  it("refuses after the cutoff and gives the practitioner's phone and email", async () => {
    const booking = await bookFor(9003, 60, at("2026-12-01T10:00"), NOW);
    // The customer chose Finnish when booking; Telegram's "en" no longer decides.
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9003, language: "en" });
    await customer.send("/mybookings"); // listed at 08:00, before the cutoff…
    vi.setSystemTime(at("2026-11-30T10:01")); // …pressed 23 h 59 min before
    await customer.press("Peru");
    const text = customer.lastText();
    expect(text).toContain("viimeistään 24 tuntia ennen sen alkua");
    expect(text).toContain("040 519 6900");
    expect(text).toContain("aija.raiski@example.fi");
    expect((await BookingModel.findOne({ ref: booking.ref }).lean())?.status).toBe("confirmed");
  });

  it("another customer's booking reference and forged data change nothing", async () => {
    const booking = await bookFor(9004, 60, at("2026-12-02T10:00"), NOW);
    const intruder = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9005, language: "fi" });
    await intruder.send("/start");
    await intruder.pressData(`mb:yes:${booking.ref}`, 1);
    expect(intruder.lastText()).toBe("Varausta ei löytynyt. Näet varauksesi komennolla /mybookings.");
    await intruder.pressData(`mb:move:${booking.ref}`, 1);
    expect(intruder.lastText()).toBe("Varausta ei löytynyt. Näet varauksesi komennolla /mybookings.");
    await intruder.pressData(`mb:yes:${"x".repeat(60)}`, 1);
    expect(suite.tg.toasts().at(-1)).toBe("Tämä painike ei ole enää käytössä.");
    expect((await BookingModel.findOne({ ref: booking.ref }).lean())?.status).toBe("confirmed");
    expect(adminTexts()).toEqual([]);
  });
});

describe("reschedule from Telegram (B7)", () => {
  it("picks a new day and time, moves the booking, sends a new calendar file and tells the admin", async () => {
    const booking = await bookFor(9006, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9006, language: "fi" });
    await customer.send("/mybookings");
    await customer.press("Siirrä");
    expect(customer.lastText()).toContain("valitse päivä");
    await customer.press("to 3.12.");
    await customer.press("13.00");
    expect(customer.lastText()).toContain("Siirretäänkö varauksesi?");
    expect(customer.lastText()).toContain("ke 2.12.2026 klo 10.00");
    expect(customer.lastText()).toContain("to 3.12.2026 klo 13.00");
    await customer.press("Vahvista siirto");
    expect(customer.lastText()).toContain("Varauksesi on siirretty");
    const stored = await BookingModel.findOne({ ref: booking.ref }).lean();
    expect(stored?.start.getTime()).toBe(at("2026-12-03T13:00"));
    const ics = suite.tg.callsOf("sendDocument", 9006).at(-1)!;
    expect(ics.multipart).toContain(`UID:${booking.ref}@ajanvarausbotti`);
    expect(ics.multipart).toContain("DTSTART:20261203T110000Z");
    expect(adminTexts().at(-1)).toContain("Asiakas siirsi varauksen");
    expect(adminTexts().at(-1)).toContain("to 3.12.2026 klo 13.00");
  });

  it("a new time taken meanwhile gets an apology and fresh times; the original stands", async () => {
    const booking = await bookFor(9007, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9007, language: "fi" });
    await customer.send("/mybookings");
    await customer.press("Siirrä");
    await customer.press("to 3.12.");
    await customer.press("13.00");
    await bookFor(9008, 30, at("2026-12-03T13:30"), NOW); // someone else, in between
    await customer.press("Vahvista siirto");
    expect(customer.lastText()).toContain("joku ehti varata ajan juuri ennen sinua");
    expect(customer.buttons().map(([t]) => t)).not.toContain("13.00");
    expect((await BookingModel.findOne({ ref: booking.ref }).lean())?.start.getTime()).toBe(at("2026-12-02T10:00"));
    await customer.press("Keskeytä");
    expect(customer.lastText()).toBe("Mitään ei muutettu: varauksesi on voimassa.");
    expect((await BookingModel.findOne({ ref: booking.ref }).lean())?.start.getTime()).toBe(at("2026-12-02T10:00"));
  });

  it("Back from the first step of a move leaves the booking unchanged", async () => {
    await bookFor(9009, 60, at("2026-12-02T10:00"), NOW);
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9009, language: "fi" });
    await customer.send("/mybookings");
    await customer.press("Siirrä");
    await customer.press("Takaisin");
    expect(customer.lastText()).toBe("Mitään ei muutettu: varauksesi on voimassa.");
  });
});

describe("calendar files (B5, B7)", () => {
  it("booking, each move and the cancel send files with one UID and a growing SEQUENCE; the last withdraws the event", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9020, language: "fi" });
    await customer.toSummary();
    await customer.press("Vahvista");
    expect(customer.lastText()).toContain("Aikasi on varattu");
    const booking = (await BookingModel.findOne().lean())!; // the only one: each test starts empty

    for (const [day, time] of [["to 3.12.", "13.00"], ["ke 2.12.", "14.00"]] as const) {
      await customer.send("/mybookings");
      await customer.press("Siirrä");
      await customer.press(day);
      await customer.press(time);
      await customer.press("Vahvista siirto");
      expect(customer.lastText()).toContain("Varauksesi on siirretty");
    }
    await customer.send("/mybookings");
    await customer.press("Peru");
    await customer.press("Kyllä, peru");
    expect(customer.lastText()).toContain("Varauksesi on peruttu");

    const files = calendarFilesTo(suite.tg, 9020);
    expect(files.map((f) => f.uid)).toEqual(Array(4).fill(`${booking.ref}@ajanvarausbotti`));
    expect(files.map((f) => f.sequence)).toEqual([0, 1, 2, 3]);
    expect(files.map((f) => f.method)).toEqual(["PUBLISH", "PUBLISH", "PUBLISH", "CANCEL"]);
    expect(files.map((f) => f.status)).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED"]);
    expect(files.map((f) => f.dtstart)).toEqual(["20261201T080000Z", "20261203T110000Z", "20261202T120000Z", "20261202T120000Z"]);
    expect(files[3]!.caption).toBe("Avaa tiedosto, niin peruttu aika poistuu kalenteristasi.");
    expect((await BookingModel.findById(booking._id).lean())?.icsSequence).toBe(3);
  });
});
