import { newIdentity } from "../../src/services/booking.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { createReminderJob } from "../../src/bot/reminders.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { createLogger } from "../../src/logger.js";
import { createServices } from "../../src/services/index.js";
import { cancelBooking, moveBooking } from "../../src/services/manage-booking.js";
import { seedDefaults } from "../../src/services/seed.js";
import { testConfig } from "../helpers/bot.js";
import { useTestDatabase } from "../helpers/db.js";
import { BOT_INFO, FakeTelegram } from "../helpers/fake-telegram.js";
import { at, bookFor, HOUR, SETTINGS } from "../helpers/fixtures.js";
import { Bot } from "grammy";

useTestDatabase();

const NOW = at("2026-11-30T08:00");
const config = testConfig();

/** A reminder job as one bot process would run it, talking to `tg`. */
function job(tg: FakeTelegram) {
  const bot = new Bot(config.botToken, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  return createReminderJob(bot.api, createI18n("fi"), config, createServices(config), createLogger("silent"));
}

function remindersTo(tg: FakeTelegram, chatId: number) {
  return tg.callsOf("sendMessage", chatId).filter((c) => String(c.payload.text).includes("Muistutus"));
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  await seedDefaults();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("reminders (B8)", () => {
  it("are sent once, 24 h before, even with two scheduler instances polling together", async () => {
    const tg = new FakeTelegram();
    const days = ["03", "04", "07", "08", "09", "10", "11", "14", "15", "16"];
    const starts = days.map((d) => at(`2026-12-${d}T13:00`));
    for (const [i, start] of starts.entries()) await bookFor(8000 + i, 30, start, NOW);
    const [a, b] = [job(tg), job(tg)];

    expect(await a.runOnce(at("2026-12-02T12:59"))).toBe(0); // not yet due
    const dueFirst = at("2026-12-02T13:00");
    const [sentA, sentB] = await Promise.all([a.runOnce(dueFirst), b.runOnce(dueFirst)]);
    expect(sentA + sentB).toBe(1);
    expect(remindersTo(tg, 8000)).toHaveLength(1);
    const text = String(remindersTo(tg, 8000)[0]!.payload.text);
    expect(text).toContain("Klassinen hieronta 30 min");
    expect(text).toContain("13.00");
    expect(text).toContain("Malkasaarentie 52");

    // The rest fall due day by day; both instances poll every time, twice.
    let rest = 0;
    for (const start of starts.slice(1)) {
      const due = start - 24 * HOUR + 30_000;
      const counts = await Promise.all([a.runOnce(due), b.runOnce(due), a.runOnce(due + 1000), b.runOnce(due + 1000)]);
      rest += counts.reduce((x, y) => x + y, 0);
    }
    expect(rest).toBe(9);
    for (let i = 0; i < 10; i++) expect(remindersTo(tg, 8000 + i), `customer ${i}`).toHaveLength(1);
  });

  it("are not sent for a cancelled booking", async () => {
    const tg = new FakeTelegram();
    const booking = await bookFor(8100, 60, at("2026-12-03T10:00"), NOW);
    expect((await cancelBooking(SETTINGS, 8100, booking.ref, NOW)).ok).toBe(true);
    expect(await job(tg).runOnce(at("2026-12-02T10:30"))).toBe(0);
    expect(remindersTo(tg, 8100)).toHaveLength(0);
  });

  it("follow a moved booking: none at the old time, one before the new time", async () => {
    const tg = new FakeTelegram();
    const booking = await bookFor(8200, 60, at("2026-12-03T10:00"), NOW);
    expect((await moveBooking(SETTINGS, 8200, booking.ref, at("2026-12-07T13:00"), NOW, newIdentity())).ok).toBe(true);
    expect(await job(tg).runOnce(at("2026-12-02T10:30"))).toBe(0);
    expect(await job(tg).runOnce(at("2026-12-06T13:00"))).toBe(1);
    expect(String(remindersTo(tg, 8200)[0]!.payload.text)).toContain("13.00");
  });

  it("moving a booking after its reminder went out schedules a new one for the new time", async () => {
    const tg = new FakeTelegram();
    // Reminders 48 h before, free changes until 24 h before: room to move after a reminder.
    const rules = { ...SETTINGS, rules: { ...SETTINGS.rules, reminderOffsetMinutes: 48 * 60 } };
    const booking = await bookFor(8250, 60, at("2026-12-04T10:00"), NOW, rules);
    const reminderRun = (now: number) => {
      const cfg = { ...config, booking: rules.rules };
      const bot = new Bot(cfg.botToken, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
      return createReminderJob(bot.api, createI18n("fi"), cfg, createServices(cfg), createLogger("silent")).runOnce(now);
    };
    expect(await reminderRun(at("2026-12-02T10:00"))).toBe(1);
    expect((await moveBooking(rules, 8250, booking.ref, at("2026-12-08T13:00"), at("2026-12-02T12:00"), newIdentity())).ok).toBe(true);
    expect(await reminderRun(at("2026-12-05T12:00"))).toBe(0);
    expect(await reminderRun(at("2026-12-06T13:00"))).toBe(1);
    const texts = remindersTo(tg, 8250).map((c) => String(c.payload.text));
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("ti 8.12.2026 klo 13.00");
  });

  it("survive a restart: a reminder due while no process ran is sent on start if the booking is ahead", async () => {
    const tg = new FakeTelegram();
    await bookFor(8300, 60, at("2026-12-03T10:00"), NOW);
    await bookFor(8301, 60, at("2026-12-03T13:00"), NOW);
    // The process that scheduled them is gone; a new one starts at 11:00 on the day itself.
    const fresh = job(tg);
    expect(await fresh.runOnce(at("2026-12-03T11:00"))).toBe(1);
    expect(remindersTo(tg, 8300)).toHaveLength(0); // already started: too late to remind
    expect(remindersTo(tg, 8301)).toHaveLength(1);
  });

  it("a claim by a process that died before sending is taken over once its lease expires", async () => {
    const tg = new FakeTelegram();
    await bookFor(8400, 60, at("2026-12-03T10:00"), NOW);
    const services = createServices(config);
    const due = at("2026-12-02T10:00");
    const claimed = await services.claimDueReminders(due);
    expect(claimed).toHaveLength(1); // ...and the claiming process dies here.
    expect(await job(tg).runOnce(due + 60_000)).toBe(0); // lease still held
    vi.setSystemTime(due + 6 * 60_000);
    expect(await job(tg).runOnce(due + 6 * 60_000)).toBe(1);
    expect(remindersTo(tg, 8400)).toHaveLength(1);
  });

  it("a booking made inside the reminder window gets none (its confirmation is fresh)", async () => {
    const tg = new FakeTelegram();
    const noNotice = { ...SETTINGS, rules: { ...SETTINGS.rules, minNoticeMinutes: 0 } };
    const soon = await bookFor(8500, 60, at("2026-11-30T14:00"), NOW, noNotice);
    expect((await BookingModel.findOne({ ref: soon.ref }).lean())?.reminderDueAt).toBeUndefined();
    const later = await bookFor(8501, 60, at("2026-12-01T09:00"), NOW);
    expect((await BookingModel.findOne({ ref: later.ref }).lean())?.reminderDueAt?.getTime()).toBe(at("2026-11-30T09:00"));
    expect(await job(tg).runOnce(at("2026-11-30T13:30"))).toBe(1);
    expect(remindersTo(tg, 8500)).toHaveLength(0);
    expect(remindersTo(tg, 8501)).toHaveLength(1);
  });
});
