import { Bot } from "grammy";
import { describe, expect, it, vi } from "vitest";
import { createDailyAgendaJob } from "../../src/bot/daily-agenda.js";
import { createI18n } from "../../src/bot/i18n.js";
import type { Config } from "../../src/config.js";
import { AdminSettingsModel } from "../../src/db/models/admin-settings.js";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { createLogger } from "../../src/logger.js";
import { setDailyAgendaTime } from "../../src/services/daily-agenda.js";
import { createServices } from "../../src/services/index.js";
import { ADMIN_ID, createTestBot, LogCapture, TestCustomer, testConfig } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { BOT_INFO, type FakeTelegram } from "../helpers/fake-telegram.js";
import { at, bookFor } from "../helpers/fixtures.js";

useTestDatabase();
const NOW = at("2026-12-01T06:00"); // Tuesday
const suite = useBotSuite(NOW);

function admin() {
  return new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language: "fi" });
}

/** A daily agenda job as one bot process runs it, sending through `tg`. */
function job(tg: FakeTelegram, config: Config = testConfig()) {
  const bot = new Bot(config.botToken, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  return createDailyAgendaJob(bot.api, createI18n(config.defaultLanguage), config, createServices(config), createLogger("silent", new LogCapture()));
}

describe("/dailyagenda (A15)", () => {
  it("sets, shows and turns off the time; rejects a malformed time", async () => {
    const practitioner = admin();
    await practitioner.send("/dailyagenda");
    expect(practitioner.lastText()).toContain("Päivittäinen varauslista ei ole käytössä.");
    await practitioner.send("/dailyagenda 7.30");
    expect(practitioner.lastText()).toBe("Selvä! Saat päivän varaukset joka päivä klo 7.30.");
    expect((await AdminSettingsModel.findById(ADMIN_ID).lean())?.dailyAgendaAt).toBe("07:30");
    await practitioner.send("/dailyagenda 8:05");
    expect((await AdminSettingsModel.findById(ADMIN_ID).lean())?.dailyAgendaAt).toBe("08:05");
    await practitioner.send("/dailyagenda 07:45");
    await practitioner.send("/dailyagenda");
    expect(practitioner.lastText()).toContain("Saat päivän varaukset joka päivä klo 7.45.");
    for (const bad of ["25:00", "7", "7.5", "aamulla", "07:60"]) {
      await practitioner.send(`/dailyagenda ${bad}`);
      expect(practitioner.lastText(), bad).toContain("En tunnistanut kellonaikaa");
    }
    expect((await AdminSettingsModel.findById(ADMIN_ID).lean())?.dailyAgendaAt).toBe("07:45");
    await practitioner.send("/dailyagenda off");
    expect(practitioner.lastText()).toBe("Päivittäinen varauslista on nyt pois käytöstä.");
    expect((await AdminSettingsModel.findById(ADMIN_ID).lean())?.dailyAgendaAt).toBeUndefined();
  });

  it("does nothing for anyone else", async () => {
    const stranger = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 3999, language: "fi" });
    await stranger.send("/dailyagenda 07:30");
    expect(stranger.lastText()).toContain("En ymmärtänyt");
    expect(await AdminSettingsModel.countDocuments()).toBe(0);
  });
});

describe("the daily agenda job (A15)", () => {
  it("sends the day's bookings once, at or after the set time, in one message", async () => {
    await bookFor(3101, 60, at("2026-12-01T13:00"), at("2026-11-25T08:00"));
    await bookFor(3102, 30, at("2026-12-01T09:00"), at("2026-11-25T08:00"));
    await bookFor(3103, 30, at("2026-12-02T09:00"), at("2026-11-25T08:00"));
    await setDailyAgendaTime(ADMIN_ID, "07:30");
    const first = job(suite.tg);
    expect(await first.runOnce(at("2026-12-01T07:29"))).toBe(0);
    expect(suite.tg.textsTo(ADMIN_ID)).toEqual([]);
    expect(await first.runOnce(at("2026-12-01T07:30"))).toBe(1);
    expect(await first.runOnce(at("2026-12-01T07:31"))).toBe(0);
    // A second process, on its own or at the same moment, sends nothing more.
    expect(await job(suite.tg).runOnce(at("2026-12-01T09:00"))).toBe(0);
    const texts = suite.tg.textsTo(ADMIN_ID);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toBe(
      [
        "Tämän päivän varaukset, ti 1.12.2026: 2 varausta",
        "9.00–9.30 Klassinen hieronta 30 min – Testi Asiakas3102",
        "13.00–14.00 Klassinen hieronta 60 min – Testi Asiakas3101",
      ].join("\n"),
    );
    // Like /today, the agenda is not a look at each customer's record.
    expect(await AuditEntryModel.countDocuments({ actorKind: "admin" })).toBe(0);
    // The next day comes the next day's agenda.
    expect(await first.runOnce(at("2026-12-02T07:30"))).toBe(1);
    expect(suite.tg.textsTo(ADMIN_ID).at(-1)).toContain("ke 2.12.2026: 1 varaus");
  });

  it("two processes at once send it once", async () => {
    await setDailyAgendaTime(ADMIN_ID, "07:30");
    const sent = await Promise.all([job(suite.tg), job(suite.tg), job(suite.tg)].map((j) => j.runOnce(at("2026-12-01T07:30"))));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(suite.tg.textsTo(ADMIN_ID)).toEqual(["Tänään, ti 1.12.2026, ei ole varauksia."]);
  });

  it("after a restart later the same day it still goes out; the day after, a missed day is not sent", async () => {
    await setDailyAgendaTime(ADMIN_ID, "07:30");
    expect(await job(suite.tg).runOnce(at("2026-12-01T15:00"))).toBe(1);
    expect(await job(suite.tg).runOnce(at("2026-12-03T07:00"))).toBe(0);
    expect(suite.tg.textsTo(ADMIN_ID)).toHaveLength(1);
  });

  it("is not sent when off, nor to an id no longer in ADMIN_IDS", async () => {
    await setDailyAgendaTime(ADMIN_ID, "07:30");
    await setDailyAgendaTime(ADMIN_ID, undefined);
    await setDailyAgendaTime(4242, "07:00");
    expect(await job(suite.tg).runOnce(at("2026-12-01T12:00"))).toBe(0);
    expect(suite.tg.callsOf("sendMessage")).toEqual([]);
  });

  it("keeps the wall-clock time on the day summer time starts (2026-03-29)", async () => {
    vi.setSystemTime(at("2026-03-29T00:30"));
    await setDailyAgendaTime(ADMIN_ID, "07:30");
    const j = job(suite.tg);
    // 07:30 in Helsinki is 04:30 UTC that day (EEST, +3), not 05:30 as the day before.
    expect(await j.runOnce(Date.parse("2026-03-29T04:29:00Z"))).toBe(0);
    expect(await j.runOnce(Date.parse("2026-03-29T04:30:00Z"))).toBe(1);
    expect(suite.tg.textsTo(ADMIN_ID)).toEqual(["Tänään, su 29.3.2026, ei ole varauksia."]);
  });
});
