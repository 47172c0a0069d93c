import { describe, expect, it, vi } from "vitest";
import { Types } from "mongoose";
import { createBot } from "../../src/bot/index.js";
import { claimSlot, repairClaims } from "../../src/services/claims.js";
import { createWaitlistJob } from "../../src/bot/waitlist.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { FreedTimeModel, WaitlistEntryModel, WaitlistOfferModel } from "../../src/db/models/waitlist.js";
import { createLogger } from "../../src/logger.js";
import { listActiveServices } from "../../src/services/catalog.js";
import { createServices } from "../../src/services/index.js";
import { eraseByTelegramId, setMarketingConsent } from "../../src/services/privacy.js";
import { BroadcastModel } from "../../src/db/models/broadcast.js";
import { ScheduleExceptionModel } from "../../src/db/models/schedule.js";
import { purgeExpired } from "../../src/services/retention.js";
import { ADMIN_ID, LogCapture, TestCustomer, testConfig } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { BOT_INFO, type FakeTelegram } from "../helpers/fake-telegram.js";
import { at, bookFor, setLanguage } from "../helpers/fixtures.js";
import { apiAs, startWebApp } from "../helpers/webapp.js";

useTestDatabase();

// Monday 30 November 2026, 08:00 in Helsinki; with 12 h notice the first bookable day is Tuesday.
const NOW = at("2026-11-30T08:00");
const suite = useBotSuite(NOW);

/** The bot and its waitlist job, as main.ts wires them (the job sends through the bulk Api). */
function waitlistBot(tg: FakeTelegram, env: Record<string, string> = {}) {
  const config = testConfig(env);
  const services = createServices(config);
  const logger = createLogger("debug", new LogCapture());
  const { bot, i18n, bulkApi } = createBot({ config, services, logger }, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  const job = createWaitlistJob(bulkApi, i18n, config, services, logger);
  return { bot, job, services, config };
}

async function serviceId(minutes: number): Promise<string> {
  return (await listActiveServices()).find((s) => s.durationMinutes === minutes)!.id;
}

/** Someone else's booking that will be cancelled to free its time. */
async function cancelLater(telegramId: number, start: number) {
  const booking = await bookFor(telegramId, 60, start, NOW);
  return booking.ref;
}

function adminTexts(): string[] {
  return suite.tg.callsOf("sendMessage", ADMIN_ID).map((c) => String(c.payload.text));
}

describe("joining the waitlist (W1)", () => {
  it("from the day picker: days and part of the day asked, confirmed, listed in /mybookings and removable", async () => {
    const { bot } = waitlistBot(suite.tg);
    const customer = new TestCustomer(bot, suite.tg, { id: 16_001, language: "fi" });
    await customer.send("/book");
    await customer.press("60 min");
    await customer.press("Kerro, kun aika vapautuu");
    expect(customer.buttons().map(([t]) => t)).toEqual(["Seuraavat 7 päivää", "Seuraavat 14 päivää", "Seuraavat 28 päivää", "◀ Takaisin", "✖ Keskeytä"]);
    await customer.press("Seuraavat 7 päivää");
    await customer.press("Aamupäivä");
    expect(customer.lastText()).toContain("Olet jonotuslistalla: Klassinen hieronta 60 min, ma 30.11.2026–su 6.12.2026, aamupäivisin.");
    const entry = (await WaitlistEntryModel.findOne({}).lean())!;
    expect(entry).toMatchObject({ fromDay: "2026-11-30", toDay: "2026-12-06", part: "morning" });
    expect(entry.expiresAt.getTime()).toBe(at("2026-12-07T00:00"));

    await customer.send("/mybookings");
    expect(customer.texts().slice(-2)).toEqual(["Olet jonotuslistalla:", "Klassinen hieronta 60 min\nma 30.11.2026–su 6.12.2026, aamupäivisin"]);
    await customer.press("Poista jonotuslistalta");
    expect(customer.lastText()).toBe("Jonotuspyyntö poistettiin.");
    expect(await WaitlistEntryModel.countDocuments()).toBe(0);
  });

  it("from a day's times, for that day only; Back returns to the times", async () => {
    const { bot } = waitlistBot(suite.tg);
    const customer = new TestCustomer(bot, suite.tg, { id: 16_002, language: "en" });
    await customer.send("/book");
    await customer.press("60 min");
    await customer.press("Wed 2 Dec");
    await customer.press("Tell me when a time opens");
    await customer.press("Back");
    expect(customer.buttons().map(([t]) => t)).toContain("10:00");
    await customer.press("Tell me when a time opens");
    await customer.press("That day only");
    await customer.press("Any time of day");
    expect(customer.lastText()).toContain("You are on the waiting list for Classic massage 60 min: Wed 2 Dec 2026–Wed 2 Dec 2026, any time of day.");
  });

  it("a typed range of days is accepted; something else is explained and asked again", async () => {
    const { bot } = waitlistBot(suite.tg);
    const customer = new TestCustomer(bot, suite.tg, { id: 16_006, language: "fi" });
    await customer.send("/book");
    await customer.press("60 min");
    await customer.press("Kerro, kun aika vapautuu");
    await customer.send("ensi viikolla");
    expect(customer.texts().join("\n")).toContain("En tunnistanut päiviä");
    await customer.send("3.12.–5.12.");
    await customer.press("Ilta (klo");
    expect(customer.lastText()).toContain("Olet jonotuslistalla: Klassinen hieronta 60 min, to 3.12.2026–la 5.12.2026, iltaisin.");
  });

  it("when a time was just taken from the customer, the times shown again offer joining", async () => {
    const { bot } = waitlistBot(suite.tg);
    const customer = new TestCustomer(bot, suite.tg, { id: 16_004, language: "fi" });
    await customer.toSummary({ day: "ti 1.12.", time: "10.00" });
    await bookFor(16_005, 60, at("2026-12-01T10:00"), NOW);
    await customer.press("Vahvista");
    expect(customer.lastText()).toContain("joku ehti varata ajan juuri ennen sinua");
    expect(customer.buttons().map(([t]) => t)).toContain("🔔 Kerro, kun aika vapautuu");
    await customer.press("Kerro, kun aika vapautuu");
    await customer.press("Vain se päivä");
    await customer.press("Mihin aikaan");
    expect(customer.lastText()).toContain("Olet jonotuslistalla: Klassinen hieronta 60 min, ti 1.12.2026–ti 1.12.2026");
  });

  it("when there are no free days at all, joining is offered instead of going back", async () => {
    const { bot } = waitlistBot(suite.tg, { BOOKING_HORIZON_DAYS: "1" });
    const customer = new TestCustomer(bot, suite.tg, { id: 16_003, language: "fi" });
    // Tomorrow is the only day in the horizon; fill it with time off.
    vi.setSystemTime(at("2026-12-04T20:00")); // Friday evening: the horizon holds only Saturday
    await customer.send("/book");
    await customer.press("60 min");
    expect(customer.lastText()).toContain("Tähän hoitoon ei ole nyt vapaita aikoja");
    await customer.press("Seuraavat 7 päivää");
    await customer.press("Mihin aikaan");
    expect(customer.lastText()).toContain("Olet jonotuslistalla");
  });
});

describe("waiting for a better time while moving a booking (W1)", () => {
  it("the move flow's days and times offer waiting; an offered time moves the booking (no second booking), and a lost race leaves it as it was", async () => {
    const { bot, job, services } = waitlistBot(suite.tg);
    const mine = await bookFor(16_020, 60, at("2026-12-03T13:00"), NOW);
    const customer = new TestCustomer(bot, suite.tg, { id: 16_020, language: "fi" });
    await customer.send("/mybookings");
    await customer.press("Siirrä");
    expect(customer.buttons().map(([t]) => t)).toContain("🔔 Kerro, kun aika vapautuu");
    // From a day's times too; Back returns to them.
    await customer.press("ke 2.12.");
    await customer.press("Kerro, kun aika vapautuu");
    await customer.press("Takaisin");
    expect(customer.buttons().map(([t]) => t)).toContain("10.00");
    await customer.press("Kerro, kun aika vapautuu");
    expect(customer.lastText()).toContain("Varauksesi to 3.12.2026 klo 13.00 pysyy voimassa.");
    await customer.press("Vain se päivä");
    await customer.press("Mihin aikaan");
    expect(customer.lastText()).toContain("Olet jonotuslistalla varauksesi siirtoa varten (nyt to 3.12.2026 klo 13.00): Klassinen hieronta 60 min, ke 2.12.2026–ke 2.12.2026, mihin aikaan tahansa.");
    // It ends at the booking's change deadline (24 hours before it), which comes before the day's end.
    expect(await WaitlistEntryModel.findOne({}).lean()).toMatchObject({ bookingId: new Types.ObjectId(mine.id), expiresAt: new Date(at("2026-12-02T13:00")) });
    await customer.send("/mybookings");
    expect(customer.texts()).toContain("Klassinen hieronta 60 min: siirto ajasta to 3.12.2026 klo 13.00\nke 2.12.2026, mihin aikaan tahansa");

    // Wednesday's 9.00 and 14.00 free up.
    for (const hour of ["09", "14"]) {
      const ref = await cancelLater(16_021, at(`2026-12-02T${hour}:00`));
      await services.cancelBooking(16_021, ref, NOW);
    }
    expect(await job.runOnce()).toBe(1);
    expect(customer.lastText()).toBe(
      "Aika vapautui: Klassinen hieronta 60 min! Voit siirtää varauksesi to 3.12.2026 klo 13.00 johonkin näistä ajoista. Aika on sen, joka vahvistaa sen ensin.",
    );
    await customer.press("ke 2.12. 9.00");
    expect(customer.lastText()).toContain("Siirretäänkö varauksesi?");
    // Someone else is quicker.
    await bookFor(16_022, 60, at("2026-12-02T09:00"), NOW);
    await customer.press("Vahvista siirto");
    expect(customer.lastText()).toBe("Valitettavasti aika ehdittiin jo varata. Varauksesi pysyy ennallaan, ja olet edelleen jonotuslistalla.");
    expect((await BookingModel.findById(mine.id).lean())!.start.getTime()).toBe(at("2026-12-03T13:00"));
    expect(await WaitlistEntryModel.countDocuments()).toBe(1);

    // The offer now shows the afternoon's times only; one of them moves the booking.
    await job.runOnce();
    expect(customer.buttons().map(([t]) => t)).toEqual(["ke 2.12. 14.00", "ke 2.12. 14.15", "ke 2.12. 14.30", "ke 2.12. 14.45", "ke 2.12. 15.00", "Ei enää tarjouksia"]);
    await customer.press("ke 2.12. 14.00");
    await customer.press("Vahvista siirto");
    expect(customer.lastText()).toContain("Varauksesi on siirretty");
    const moved = (await BookingModel.findById(mine.id).lean())!;
    expect(moved.start.getTime()).toBe(at("2026-12-02T14:00"));
    expect(await BookingModel.countDocuments({ customerId: moved.customerId, status: "confirmed" })).toBe(1);
    expect(await WaitlistEntryModel.countDocuments()).toBe(0);
    expect(adminTexts().at(-1)).toContain(
      "Siirretty jonotuslistalta vapautuneeseen aikaan: Testi Asiakas16020, Klassinen hieronta 60 min, to 3.12.2026 klo 13.00 → ke 2.12.2026 klo 14.00.",
    );
  });

  it("with no other free day, the move flow asks at once which days to wait for; Back leaves the booking as it was", async () => {
    const { bot } = waitlistBot(suite.tg, { BOOKING_HORIZON_DAYS: "1" });
    await bookFor(16_025, 60, at("2026-12-01T10:00"), at("2026-11-20T08:00"));
    // Tuesday, the only day in the horizon, became time off after it was booked.
    await ScheduleExceptionModel.create({ kind: "closed", start: new Date(at("2026-12-01T00:00")), end: new Date(at("2026-12-02T00:00")) });
    const customer = new TestCustomer(bot, suite.tg, { id: 16_025, language: "fi" });
    await customer.send("/mybookings");
    await customer.press("Siirrä");
    expect(customer.lastText()).toContain("Varauskaudella ei ole nyt muita vapaita aikoja. Varauksesi ti 1.12.2026 klo 10.00 pysyy voimassa.");
    await customer.press("Takaisin");
    expect(customer.lastText()).toContain("Mitään ei muutettu: varauksesi on voimassa.");
    await customer.send("/mybookings");
    await customer.press("Siirrä");
    await customer.press("Seuraavat 7 päivää");
    await customer.press("Iltapäivä");
    expect(customer.lastText()).toContain("Olet jonotuslistalla varauksesi siirtoa varten (nyt ti 1.12.2026 klo 10.00)");
  });

  it("an entry to move a booking ends with the booking: cancelled, it is neither listed nor offered anything", async () => {
    const { bot, job, services } = waitlistBot(suite.tg);
    const mine = await bookFor(16_030, 60, at("2026-12-04T13:00"), NOW);
    const customer = new TestCustomer(bot, suite.tg, { id: 16_030, language: "fi" });
    await customer.send("/start");
    expect((await services.waitlist.join(16_030, { moveRef: mine.ref, fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW)).ok).toBe(true);
    expect((await services.cancelBooking(16_030, mine.ref, NOW)).ok).toBe(true);
    const ref = await cancelLater(16_031, at("2026-12-02T10:00"));
    await services.cancelBooking(16_031, ref, NOW);
    expect(await job.runOnce()).toBe(0);
    await customer.send("/mybookings");
    expect(customer.lastText()).toBe("Sinulla ei ole tulevia varauksia. Varaa aika komennolla /book.");
  });
});

describe("offers when time frees up (W2)", () => {
  it("a cancellation offers the freed times once; pressing one books it with the time preset, and the practitioner hears it came from the waitlist", async () => {
    const { bot, job, services } = waitlistBot(suite.tg);
    const ref = await cancelLater(16_100, at("2026-12-02T10:00"));
    const waiting = new TestCustomer(bot, suite.tg, { id: 16_101, language: "fi" });
    const evening = new TestCustomer(bot, suite.tg, { id: 16_102, language: "fi" });
    await waiting.send("/start");
    await evening.send("/start");
    const service = await serviceId(60);
    expect((await services.waitlist.join(16_101, { serviceId: service, fromDay: "2026-12-01", toDay: "2026-12-03", part: "any" }, NOW)).ok).toBe(true);
    expect((await services.waitlist.join(16_102, { serviceId: service, fromDay: "2026-12-02", toDay: "2026-12-02", part: "evening" }, NOW)).ok).toBe(true);

    expect((await services.cancelBooking(16_100, ref, NOW)).ok).toBe(true);
    expect(await FreedTimeModel.countDocuments()).toBe(1);
    expect(await job.runOnce()).toBe(1);
    expect(await FreedTimeModel.countDocuments()).toBe(0);
    // Only the one whose wish fits (not the evening): a button per freed time, and "no more offers".
    expect(waiting.lastText()).toContain("Aika vapautui: Klassinen hieronta 60 min!");
    expect(waiting.buttons().map(([t]) => t)).toEqual(["ke 2.12. 10.00", "ke 2.12. 10.15", "ke 2.12. 10.30", "ke 2.12. 10.45", "ke 2.12. 11.00", "Ei enää tarjouksia"]);
    expect(suite.tg.callsOf("sendMessage", 16_102).map((c) => String(c.payload.text))).not.toContainEqual(expect.stringContaining("Aika vapautui"));
    // A second round (another instance, a restart) sends nothing again.
    expect(await job.runOnce()).toBe(0);

    await waiting.press("ke 2.12. 10.00");
    await waiting.send("Odottava");
    await waiting.send("Asiakas");
    await waiting.send("odottava@example.com");
    await waiting.press("Ohita");
    await waiting.press("Olen lukenut");
    await waiting.press("Jatka");
    expect(waiting.lastText()).toContain("ke 2.12.2026 klo 10.00");
    await waiting.press("Vahvista");
    expect(waiting.texts().join("\n")).toContain("Aikasi on varattu");
    const booked = await BookingModel.findOne({ status: "confirmed", start: new Date(at("2026-12-02T10:00")) }).lean();
    expect(booked?.customerId.equals((await CustomerModel.findOne({ telegramId: 16_101 }).lean())!._id)).toBe(true);
    expect(adminTexts().at(-1)).toContain("Varattu jonotuslistalta: Odottava Asiakas, Klassinen hieronta 60 min, ke 2.12.2026 klo 10.00");
    expect(await WaitlistEntryModel.countDocuments({ customerId: booked!.customerId })).toBe(0);
  });

  it("the loser of a race is told the time has gone and stays on the list; 'no more offers' leaves it", async () => {
    const { bot, job, services } = waitlistBot(suite.tg);
    const ref = await cancelLater(16_200, at("2026-12-02T10:00"));
    const service = await serviceId(60);
    const first = new TestCustomer(bot, suite.tg, { id: 16_201, language: "fi" });
    const second = new TestCustomer(bot, suite.tg, { id: 16_202, language: "fi" });
    const third = new TestCustomer(bot, suite.tg, { id: 16_203, language: "fi" });
    for (const c of [first, second, third]) {
      await bookFor(c.user.id, 30, at("2026-12-10T09:00") + (c.user.id - 16_201) * 3_600_000, NOW); // known details
      await services.waitlist.join(c.user.id, { serviceId: service, fromDay: "2026-12-02", toDay: "2026-12-02", part: "morning" }, NOW);
    }
    await services.cancelBooking(16_200, ref, NOW);
    await job.runOnce();
    const offerMessages = [first, second, third].map((c) => suite.tg.latestKeyboardMessage(c.user.id)!.messageId);
    const thirdsButton = third.buttons().find(([label]) => label === "ke 2.12. 10.00")![1];
    for (const c of [first, second]) {
      await c.press("ke 2.12. 10.00");
      await c.press("Käytä näitä tietoja");
      await c.press("Jatka");
    }
    await first.press("Vahvista");
    await second.press("Vahvista");
    expect(second.lastText()).toBe("Valitettavasti aika ehdittiin jo varata. Olet edelleen jonotuslistalla.");
    const secondId = (await CustomerModel.findOne({ telegramId: 16_202 }).lean())!._id;
    expect(await WaitlistEntryModel.countDocuments({ customerId: secondId })).toBe(1);
    // The next round edits the others' offer messages: the booked hour (with its buffer) overlaps
    // every time offered, so only "no more offers" is left, and a line says what happened.
    await job.runOnce();
    for (const [i, c] of [second, third].entries()) {
      const shown = suite.tg.shown(c.user.id, offerMessages[i + 1]!)!;
      expect(shown.text).toBe(
        "Aika vapautui: Klassinen hieronta 60 min! Varaa valitsemalla aika. Aika on sen, joka vahvistaa sen ensin.\n\n" +
          "✖ Ehdittiin jo varata: ke 2.12. 10.00, 10.15, 10.30, 10.45 ja 11.00. Olet edelleen jonotuslistalla; kerron, jos aika vapautuu taas.",
      );
      expect(shown.keyboard!.inline_keyboard.flat().map((b) => b.text)).toEqual(["Ei enää tarjouksia"]);
    }
    // The one who booked it keeps their message as it was; a further round edits nothing.
    expect(suite.tg.shown(16_201, offerMessages[0]!)!.text).not.toContain("✖");
    const edits = suite.tg.callsOf("editMessageText").length;
    await job.runOnce();
    expect(suite.tg.callsOf("editMessageText")).toHaveLength(edits);
    // The third presses the time's button as it was before the edit reached them: told at once.
    await third.pressData(thirdsButton, offerMessages[2]!);
    expect(third.lastText()).toBe("Valitettavasti aika ehdittiin jo varata. Olet edelleen jonotuslistalla.");
    await third.press("Ei enää tarjouksia");
    expect(third.lastText()).toContain("Poistuit jonotuslistalta");
    const thirdId = (await CustomerModel.findOne({ telegramId: 16_203 }).lean())!._id;
    expect(await WaitlistEntryModel.countDocuments({ customerId: thirdId })).toBe(0);
    expect(await BookingModel.countDocuments({ status: "confirmed", start: new Date(at("2026-12-02T10:00")) })).toBe(1);
  });

  it("an offered time booked by anyone (here through /book) loses its button in the offer message; the other times stay", async () => {
    const { bot, job, services } = waitlistBot(suite.tg);
    const ref = await cancelLater(16_250, at("2026-12-02T10:00"));
    const waiting = new TestCustomer(bot, suite.tg, { id: 16_251, language: "fi" });
    await waiting.send("/start");
    await services.waitlist.join(16_251, { serviceId: await serviceId(60), fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW);
    await services.cancelBooking(16_250, ref, NOW);
    await job.runOnce();
    const offer = suite.tg.latestKeyboardMessage(16_251)!.messageId;
    // Someone else books 9.30–10.00 (and its buffer to 10.15): a treatment at 10.00 no longer fits.
    const other = new TestCustomer(bot, suite.tg, { id: 16_252, language: "fi" });
    await other.toSummary({ day: "ke 2.12.", time: "9.30", service: "30 min" });
    await other.press("Vahvista");
    expect(other.texts().join("\n")).toContain("Aikasi on varattu");
    await job.runOnce();
    const shown = suite.tg.shown(16_251, offer)!;
    expect(shown.text).toContain("\n\n✖ Ehdittiin jo varata: ke 2.12. 10.00.");
    expect(shown.text).not.toContain("Olet edelleen");
    expect(shown.keyboard!.inline_keyboard.flat().map((b) => b.text)).toEqual(["ke 2.12. 10.15", "ke 2.12. 10.30", "ke 2.12. 10.45", "ke 2.12. 11.00", "Ei enää tarjouksia"]);
    await waiting.press("ke 2.12. 10.15");
    expect(waiting.lastText()).toBe("Kirjoita etunimesi.");
  });

  it("a move's old time is offered; time within the minimum notice is not", async () => {
    const { bot, job, services } = waitlistBot(suite.tg);
    const service = await serviceId(60);
    const waiting = new TestCustomer(bot, suite.tg, { id: 16_301, language: "fi" });
    await waiting.send("/start");
    await services.waitlist.join(16_301, { serviceId: service, fromDay: "2026-11-30", toDay: "2026-12-04", part: "any" }, NOW);
    const soon = await bookFor(16_300, 60, at("2026-11-30T15:00"), at("2026-11-20T08:00"));
    const later = await bookFor(16_300, 60, at("2026-12-03T13:00"), NOW);
    // Moved by the customer: the old Thursday time is freed. Cancelled by the practice: today's time is within 12 h.
    expect((await services.moveBooking(16_300, later.ref, at("2026-12-04T13:00"), NOW, "move-1")).ok).toBe(true);
    await services.admin.cancelByAdmin(ADMIN_ID, soon.id, "sairastuin", new Date(NOW));
    await job.runOnce();
    const offered = waiting.buttons().map(([t]) => t);
    expect(offered[0]).toBe("to 3.12. 13.00");
    expect(offered.filter((t) => t.startsWith("ma 30.11."))).toEqual([]);
  });

  it("time held by a booking that never came is freed time once the claim sweep releases it", async () => {
    const { job, services } = waitlistBot(suite.tg);
    const waiting = new TestCustomer(waitlistBot(suite.tg).bot, suite.tg, { id: 16_341, language: "fi" });
    await waiting.send("/start");
    await services.waitlist.join(16_341, { serviceId: await serviceId(60), fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW);
    // A process died between claiming 10.00–11.15 and writing its booking.
    await claimSlot(new Types.ObjectId(), at("2026-12-02T10:00"), at("2026-12-02T11:15"), new Date(NOW - 10 * 60_000));
    expect(await repairClaims(NOW)).toBe(15);
    expect(await job.runOnce()).toBe(1);
    expect(waiting.buttons().map(([t]) => t)[0]).toBe("ke 2.12. 10.00");
  });

  it("offers survive a restart: made by one round, sent by a later one (even from another bot)", async () => {
    const first = waitlistBot(suite.tg);
    const ref = await cancelLater(16_400, at("2026-12-02T10:00"));
    const waiting = new TestCustomer(first.bot, suite.tg, { id: 16_401, language: "fi" });
    await waiting.send("/start");
    await first.services.waitlist.join(16_401, { serviceId: await serviceId(60), fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW);
    await first.services.cancelBooking(16_400, ref, NOW);
    expect(await first.services.waitlist.matchFreedTimes(NOW)).toBe(5);
    const second = waitlistBot(suite.tg);
    expect(await second.job.runOnce()).toBe(1);
    expect(await first.job.runOnce()).toBe(0);
    expect(suite.tg.callsOf("sendMessage", 16_401).filter((c) => String(c.payload.text).includes("Aika vapautui"))).toHaveLength(1);
  });
});

describe("every source of freed time offers it (W2)", () => {
  /** A customer waiting for any time on Wednesday 2 December, as the practitioner changes things. */
  async function waitingForWednesday(id: number, env: Record<string, string> = {}) {
    const wired = waitlistBot(suite.tg, env);
    const waiting = new TestCustomer(wired.bot, suite.tg, { id, language: "fi" });
    await waiting.send("/start");
    await wired.services.waitlist.join(id, { serviceId: await serviceId(60), fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW);
    const practitioner = new TestCustomer(wired.bot, suite.tg, { id: ADMIN_ID, language: "fi" });
    const offered = () => (waiting.lastText().includes("Aika vapautui") ? waiting.buttons().map(([t]) => t) : []);
    return { ...wired, waiting, practitioner, offered };
  }

  it("the practitioner cancels a booking from its buttons, with a reason", async () => {
    const { job, practitioner, offered } = await waitingForWednesday(16_361);
    const booking = await bookFor(16_360, 60, at("2026-12-02T10:00"), NOW);
    await practitioner.send("/start");
    await practitioner.pressData(`ad:cx:${booking.id}`, 1);
    await practitioner.send("Hieroja sairastui");
    expect(practitioner.lastText()).toBe("Peruttu; asiakkaalle on ilmoitettu.");
    expect(await job.runOnce()).toBe(1);
    expect(offered()[0]).toBe("ke 2.12. 10.00");
  });

  it("a customer erases their data (/deleteme): their booking's time", async () => {
    const { bot, job, offered } = await waitingForWednesday(16_363);
    await bookFor(16_362, 60, at("2026-12-02T10:00"), NOW);
    const leaving = new TestCustomer(bot, suite.tg, { id: 16_362, language: "fi" });
    await leaving.send("/deleteme");
    await leaving.press("Kyllä, poista tietoni");
    expect(leaving.lastText()).toContain("Peruttuja varauksia: 1.");
    expect(await job.runOnce()).toBe(1);
    expect(offered()[0]).toBe("ke 2.12. 10.00");
  });

  it("the practitioner moves a booking: its old time", async () => {
    const { job, practitioner, offered } = await waitingForWednesday(16_365);
    const booking = await bookFor(16_364, 60, at("2026-12-02T10:00"), NOW);
    await practitioner.send("/start");
    await practitioner.pressData(`ad:mv:${booking.id}`, 1);
    await practitioner.press("to 3.12.");
    await practitioner.press("13.00");
    await practitioner.press("Vahvista siirto");
    expect(practitioner.lastText()).toContain("Siirretty");
    expect(await job.runOnce()).toBe(1);
    expect(offered()[0]).toBe("ke 2.12. 10.00");
  });

  it("the practitioner gives a day of time off back from /agenda: a one-day block is removed, a longer one shortened", async () => {
    const { job, practitioner, offered } = await waitingForWednesday(16_366);
    await practitioner.send("/off 2.12. 3.12.");
    await practitioner.send("/agenda 2.12.");
    expect(practitioner.lastText()).toContain("⛔ koko päivä estetty");
    expect(await job.runOnce()).toBe(0);
    await practitioner.press("Vapauta koko päivä");
    expect(suite.tg.toasts().at(-1)).toBe("Esto poistettu: aika on taas varattavissa.");
    // The day is shown again in place, open; Thursday stays blocked.
    expect(suite.tg.latestKeyboardMessage(ADMIN_ID)!.text).toContain("ke 2.12.2026: 0 varausta\nAuki: 9.00–12.00 ja 12.30–17.00\n  vapaata");
    const blocks = await ScheduleExceptionModel.find({}).lean();
    expect(blocks.map((b) => [b.start.getTime(), b.end.getTime()])).toEqual([[at("2026-12-03T00:00"), at("2026-12-04T00:00")]]);
    expect(await job.runOnce()).toBe(1);
    expect(offered()[0]).toBe("ke 2.12. 9.00");

    // Part of a day: the afternoon blocked, then given back.
    const other = await waitingForWednesday(16_367);
    await ScheduleExceptionModel.deleteMany({});
    await practitioner.send("/off 2.12. 12:30-17:00");
    await job.runOnce();
    await practitioner.send("/agenda 2.12.");
    await practitioner.press("Vapauta 12.30–17.00");
    // Both are told: the first was offered only the morning's first eight times before.
    expect(await job.runOnce()).toBe(2);
    expect(other.offered()[0]).toBe("ke 2.12. 12.30");
    expect(offered()[0]).toBe("ke 2.12. 12.30");
    expect(await ScheduleExceptionModel.countDocuments()).toBe(0);
  });

  it("the practitioner unblocks time off in the Mini App", async () => {
    const { job, practitioner, offered } = await waitingForWednesday(16_368);
    await practitioner.send("/off 2.12.");
    const server = await startWebApp(suite.tg);
    try {
      const admin = apiAs(server.app, ADMIN_ID);
      const block = (await admin("admin/week", {})).days.flatMap((d) => d.entries).find((e) => e.kind === "blocked")!;
      expect(await admin("admin/unblock", { exceptionId: block.id })).toMatchObject({ ok: true });
    } finally {
      await server.close();
    }
    expect(await job.runOnce()).toBe(1);
    expect(offered()[0]).toBe("ke 2.12. 9.00");
  });

  it("the practitioner opens hours with /hours", async () => {
    const { job, practitioner, offered } = await waitingForWednesday(16_369);
    await practitioner.send("/hours ke 9-12 12.30-19");
    expect(await job.runOnce()).toBe(1);
    // Wednesdays open until 19.00 instead of 17.00: the new evening hours are what is offered.
    expect(offered()).toEqual(["ke 2.12. 17.00", "ke 2.12. 17.15", "ke 2.12. 17.30", "ke 2.12. 17.45", "ke 2.12. 18.00", "Ei enää tarjouksia"]);
  });
});

describe("several instances (W6)", () => {
  it("two instances running the job at once send each waiting customer one offer", { timeout: 120_000 }, async () => {
    const a = waitlistBot(suite.tg);
    const b = waitlistBot(suite.tg);
    const ref = await cancelLater(16_450, at("2026-12-02T10:00"));
    const service = await serviceId(60);
    // More than two of the job's batches (25 entries each).
    const ids = Array.from({ length: 60 }, (_, i) => 17_451 + i);
    for (const id of ids) {
      await new TestCustomer(a.bot, suite.tg, { id, language: "fi" }).send("/start");
      await a.services.waitlist.join(id, { serviceId: service, fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW);
    }
    await a.services.cancelBooking(16_450, ref, NOW);
    const [sentByA, sentByB] = await Promise.all([a.job.runOnce(), b.job.runOnce()]);
    expect(sentByA + sentByB).toBe(60);
    for (const id of ids) {
      expect(suite.tg.callsOf("sendMessage", id).filter((c) => String(c.payload.text).includes("Aika vapautui")), String(id)).toHaveLength(1);
    }
    expect(await WaitlistOfferModel.countDocuments()).toBe(300); // five times each, each made once
  });
});

describe("head start (W3)", () => {
  it("with WAITLIST_HEADSTART_MINUTES the longest-waiting customer is told first, the others after it", async () => {
    const { bot, job, services } = waitlistBot(suite.tg, { WAITLIST_HEADSTART_MINUTES: "30" });
    const ref = await cancelLater(16_500, at("2026-12-02T10:00"));
    const service = await serviceId(60);
    const early = new TestCustomer(bot, suite.tg, { id: 16_501, language: "fi" });
    const late = new TestCustomer(bot, suite.tg, { id: 16_502, language: "fi" });
    await early.send("/start");
    await late.send("/start");
    await services.waitlist.join(16_501, { serviceId: service, fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW - 3_600_000);
    await services.waitlist.join(16_502, { serviceId: service, fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW);
    await services.cancelBooking(16_500, ref, NOW);
    expect(await job.runOnce(NOW)).toBe(1);
    expect(early.lastText()).toContain("Aika vapautui");
    expect(late.lastText()).not.toContain("Aika vapautui");
    expect(await job.runOnce(NOW + 29 * 60_000)).toBe(0);
    expect(await job.runOnce(NOW + 30 * 60_000)).toBe(1);
    expect(late.lastText()).toContain("Aika vapautui");
  });
});

describe("expiry and privacy (W5)", () => {
  it("entries past their last day are not listed and are dropped by the retention job; erasure removes entries and offers", async () => {
    const { bot, services, config } = waitlistBot(suite.tg);
    const customer = new TestCustomer(bot, suite.tg, { id: 16_601, language: "fi" });
    await customer.send("/start");
    const service = await serviceId(60);
    await services.waitlist.join(16_601, { serviceId: service, fromDay: "2026-12-01", toDay: "2026-12-01", part: "any" }, NOW);
    await services.waitlist.join(16_601, { serviceId: service, fromDay: "2026-12-01", toDay: "2026-12-20", part: "any" }, NOW);
    vi.setSystemTime(at("2026-12-02T08:00"));
    await customer.send("/mybookings");
    expect(customer.texts().filter((t) => t.startsWith("Klassinen hieronta 60 min\n"))).toHaveLength(1);
    await purgeExpired(config.retention, new Date(at("2026-12-02T08:00")));
    expect(await WaitlistEntryModel.countDocuments()).toBe(1);
    await WaitlistOfferModel.create({
      _id: "x:1",
      entryId: (await WaitlistEntryModel.findOne({}).lean())!._id,
      customerId: (await CustomerModel.findOne({ telegramId: 16_601 }).lean())!._id,
      start: new Date(at("2026-12-10T10:00")),
      sendAfter: new Date(NOW),
      createdAt: new Date(NOW),
    });
    await eraseByTelegramId(16_601, new Date(at("2026-12-02T08:00")));
    expect(await WaitlistEntryModel.countDocuments()).toBe(0);
    expect(await WaitlistOfferModel.countDocuments()).toBe(0);
  });
});

describe("privacy of the waitlist (W5)", () => {
  it("someone who only waits for a time is kept while the entry waits (their own request), then forgotten with it", async () => {
    const { bot, services, config } = waitlistBot(suite.tg);
    const customer = new TestCustomer(bot, suite.tg, { id: 16_650, language: "fi" });
    await customer.send("/start");
    await services.waitlist.join(16_650, { serviceId: await serviceId(60), fromDay: "2026-12-01", toDay: "2027-01-20", part: "any" }, NOW);
    // Forty days without a word: past TECHNICAL_LOG_DAYS, yet still waiting.
    const later = new Date(NOW + 40 * 24 * 3_600_000);
    await purgeExpired(config.retention, later);
    expect(await CustomerModel.countDocuments({ telegramId: 16_650 })).toBe(1);
    expect(await WaitlistEntryModel.countDocuments()).toBe(1);
    // After the last day the entry goes, and with it the person who only looked otherwise.
    await purgeExpired(config.retention, new Date(at("2027-01-21T08:00")));
    expect(await WaitlistEntryModel.countDocuments()).toBe(0);
    expect(await CustomerModel.countDocuments({ telegramId: 16_650 })).toBe(0);
  });

  it("the privacy notice says what is kept for the waitlist and that its offers need no marketing consent", async () => {
    const { bot } = waitlistBot(suite.tg);
    for (const [id, language, words] of [
      [16_660, "fi", "eivätkä vaadi markkinointisuostumusta"],
      [16_661, "sv", "kräver inget samtycke till marknadsföring"],
      [16_662, "en", "need no marketing consent"],
    ] as const) {
      const reader = new TestCustomer(bot, suite.tg, { id, language });
      await reader.send("/privacy");
      expect(reader.texts().join("\n"), language).toContain(words);
    }
  });
});

describe("fifty waiting customers press the same offered time at once (W6)", () => {
  it("exactly one booking results; the others are told it has gone", { timeout: 300_000 }, async () => {
    const { bot, job, services } = waitlistBot(suite.tg);
    const ref = await cancelLater(16_700, at("2026-12-02T10:00"));
    const service = await serviceId(60);
    const customers: TestCustomer[] = [];
    for (let i = 0; i < 50; i++) {
      const id = 16_710 + i;
      // Known details (an earlier visit), so each goes straight to the summary.
      // Weekdays of 16–27 November, five times a day.
      const day = Math.floor(i / 5);
      const date = 16 + day + (day >= 5 ? 2 : 0);
      const hour = [9, 10, 11, 13, 14][i % 5]!;
      await bookFor(id, 30, at(`2026-11-${date}T${String(hour).padStart(2, "0")}:00`), at("2026-11-10T08:00"));
      await services.waitlist.join(id, { serviceId: service, fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW);
      customers.push(new TestCustomer(bot, suite.tg, { id, language: "fi" }));
    }
    await services.cancelBooking(16_700, ref, NOW);
    expect(await job.runOnce()).toBe(50);
    for (const c of customers) {
      await c.press("ke 2.12. 10.00");
      await c.press("Käytä näitä tietoja");
      await c.press("Jatka");
      expect(c.lastText()).toContain("ke 2.12.2026 klo 10.00");
    }
    await Promise.all(customers.map((c) => c.press("Vahvista")));
    expect(await BookingModel.countDocuments({ status: "confirmed", start: new Date(at("2026-12-02T10:00")) })).toBe(1);
    const gone = customers.filter((c) => c.lastText() === "Valitettavasti aika ehdittiin jo varata. Olet edelleen jonotuslistalla.");
    expect(gone).toHaveLength(49);
    expect(await WaitlistEntryModel.countDocuments()).toBe(49);
  });
});

describe("the practitioner (W4)", () => {
  it("sees how many wait for each day still ahead in /week and /agenda: counts only, no names", async () => {
    const { bot, services } = waitlistBot(suite.tg);
    const service = await serviceId(60);
    for (const [id, from, to] of [[16_801, "2026-11-30", "2026-12-03"], [16_802, "2026-12-02", "2026-12-02"]] as const) {
      // Known to the practice by name (a booking next week), yet the counts never say who waits.
      await bookFor(id, 30, at("2026-12-10T09:00") + (id - 16_801) * 3_600_000, NOW);
      await services.waitlist.join(id, { serviceId: service, fromDay: from, toDay: to, part: "any" }, NOW);
    }
    const counts = await services.waitlist.waitingPerDay("2026-11-30", "2026-12-04", NOW);
    expect(Object.fromEntries(counts)).toEqual({ "2026-11-30": 1, "2026-12-01": 1, "2026-12-02": 2, "2026-12-03": 1, "2026-12-04": 0 });
    const practitioner = new TestCustomer(bot, suite.tg, { id: ADMIN_ID, language: "fi" });
    // Tuesday: Monday has gone by, so its count is no longer shown.
    vi.setSystemTime(at("2026-12-01T08:00"));
    await practitioner.send("/week");
    const week = practitioner.lastText();
    expect(week).toContain("ti 1.12. · 9.00–12.00 ja 12.30–17.00 (tänään)\n  vapaata 9.00–12.00 ja 12.30–17.00 (7 h 30 min)\n  🔔 jonotuslistalla 1 asiakas\n\n");
    expect(week).toContain("\n  🔔 jonotuslistalla 2 asiakasta\n\nto 3.12.");
    expect(week).toContain("\n  🔔 jonotuslistalla 1 asiakas\n\npe 4.12.");
    expect(week.match(/🔔/g)).toHaveLength(3);
    expect(week).not.toContain("Asiakas1680");
    await practitioner.send("/agenda 2.12.");
    expect(practitioner.lastText()).toBe(
      "ke 2.12.2026: 0 varausta\nAuki: 9.00–12.00 ja 12.30–17.00\n  vapaata 9.00–12.00 ja 12.30–17.00 (7 h 30 min)\n  🔔 jonotuslistalla 2 asiakasta",
    );
    await practitioner.send("/agenda 4.12.");
    expect(practitioner.lastText()).not.toContain("🔔");
    await setLanguage(ADMIN_ID, "en");
    await new TestCustomer(bot, suite.tg, { id: ADMIN_ID, language: "en" }).send("/agenda 2.12.");
    expect(practitioner.lastText()).toContain("\n  🔔 on the waiting list: 2 customers");
  });

  it("/lastminute offers the next two days' free gaps to customers with Telegram marketing consent, as a broadcast", async () => {
    const { bot } = waitlistBot(suite.tg);
    for (const [id, consent] of [[16_901, true], [16_902, false]] as const) {
      await CustomerModel.create({ telegramId: id, language: "fi", lastSeenAt: new Date(NOW) });
      if (consent) await setMarketingConsent(id, "telegram", true, "button", new Date(NOW));
    }
    await bookFor(16_900, 60, at("2026-12-01T10:00"), NOW);
    const practitioner = new TestCustomer(bot, suite.tg, { id: ADMIN_ID, language: "fi" });
    await practitioner.send("/lastminute");
    const preview = practitioner.lastText();
    expect(preview).toContain("Vapaita aikoja lyhyellä varoitusajalla:");
    expect(preview).toContain("• ti 1.12.2026 klo 9.00–9.45");
    expect(preview).toContain("• ti 1.12.2026 klo 11.15–12.00"); // the booking at 10.00 and its buffer are not free
    expect(preview).toContain("Vastaanottajia: 1");
    await practitioner.press("Lähetä 1 asiakkaalle");
    for (let i = 0; i < 100 && (await BroadcastModel.countDocuments({ status: "done" })) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const message = suite.tg.callsOf("sendMessage", 16_901).at(-1)!;
    expect(String(message.payload.text)).toContain("• ti 1.12.2026 klo 9.00–9.45");
    expect(JSON.stringify(message.payload.reply_markup)).toContain("mk:stop");
    expect(suite.tg.callsOf("sendMessage", 16_902)).toHaveLength(0);
  });
});
