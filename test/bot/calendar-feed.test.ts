import type { AddressInfo } from "node:net";
import { Duration } from "luxon";
import mongoose from "mongoose";
import { describe, expect, it, vi } from "vitest";
import { createCalendarFeedSource } from "../../src/bot/calendar-feed.js";
import { createI18n } from "../../src/bot/i18n.js";
import { calendarFeedRoute } from "../../src/calendar-feed-route.js";
import type { Config } from "../../src/config.js";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { CalendarFeedFetchModel, CalendarFeedModel } from "../../src/db/models/calendar-feed.js";
import { AccessLogModel } from "../../src/db/models/technical.js";
import { createLogger } from "../../src/logger.js";
import { createHttpServer } from "../../src/server.js";
import { cancelByAdmin } from "../../src/services/admin.js";
import { createServices } from "../../src/services/index.js";
import { purgeExpired } from "../../src/services/retention.js";
import { ADMIN_ID, createTestBot, LogCapture, TestCustomer, testConfig } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor } from "../helpers/fixtures.js";
import { calendarFilesTo, checkRfc5545, prop, type IcsComponent } from "../helpers/ics.js";

useTestDatabase();
const NOW = at("2026-12-01T08:00"); // Tuesday
const suite = useBotSuite(NOW);
const FEED_ENV = { HTTP_PORT: "8080", PUBLIC_URL: "https://bot.example.fi" };

function admin(config: Config = testConfig(FEED_ENV)) {
  return new TestCustomer(createTestBot(suite.tg, config), suite.tg, { id: ADMIN_ID, language: "fi" });
}

/** The bot's HTTP server with the calendar feed's route, on a free port, as main.ts wires it. */
async function withFeedServer(fn: (fetchFeed: (address: string, init?: RequestInit) => Promise<Response>) => Promise<void>, config: Config = testConfig(FEED_ENV)) {
  const services = createServices(config);
  const source = createCalendarFeedSource(services, createI18n(config.defaultLanguage), { zone: config.timeZone, business: config.business });
  const logger = createLogger("silent", new LogCapture());
  const server = createHttpServer({
    routes: [calendarFeedRoute({ serve: source.serve, trustedProxies: 0, logAccess: (ip, path, status) => services.logAccess(ip, path, status, new Date()), logger })],
    healthy: () => Promise.resolve(true),
    logger,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // The address she is given names the public host; the test reaches the same path locally.
    await fn((address, init) => fetch(address.replace("https://bot.example.fi", base), init));
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The feed address in the practitioner's latest message. */
function addressShown(): string {
  const match = /https:\/\/bot\.example\.fi\/calendar\/[0-9a-f]{16}\/[A-Za-z0-9_-]{43}\.ics/.exec(suite.tg.lastText(ADMIN_ID));
  if (!match) throw new Error(`no address in: ${suite.tg.lastText(ADMIN_ID)}`);
  return match[0];
}

/** Fetches a feed and checks it against RFC 5545; its events by UID. */
async function fetchCalendar(fetchFeed: (address: string) => Promise<Response>, address: string) {
  const response = await fetchFeed(address);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  const text = await response.text();
  const { problems, calendar } = checkRfc5545(text);
  expect(problems).toEqual([]);
  const events = new Map(calendar!.components.filter((c) => c.name === "VEVENT").map((e) => [prop(e, "UID")!.value, e] as [string, IcsComponent]));
  return { text, calendar: calendar!, events };
}

/** The access log once it has `count` entries (written after each response). */
async function accessLog(count: number) {
  const deadline = performance.now() + 5_000;
  for (;;) {
    const entries = await AccessLogModel.find().sort({ _id: 1 }).lean();
    if (entries.length >= count || performance.now() > deadline) return entries;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Documents in every collection, to see that nothing was written. */
async function documentCounts(): Promise<Record<string, number>> {
  const collections = await mongoose.connection.db!.collections();
  const counts = await Promise.all(collections.map(async (c) => [c.collectionName, await c.countDocuments()] as const));
  return Object.fromEntries(counts.filter(([name]) => name !== "calendar_versions"));
}

describe("/calendarfeed (A14)", () => {
  it("says what the operator must set when there is no HTTP server or public address", async () => {
    const practitioner = admin(testConfig());
    await practitioner.send("/calendarfeed");
    expect(practitioner.lastText()).toContain("HTTP_PORT");
    expect(practitioner.lastText()).toContain("PUBLIC_URL");
    const withServer = admin(testConfig({ HTTP_PORT: "8080" }));
    await withServer.send("/calendarfeed");
    expect(withServer.lastText()).not.toContain("HTTP_PORT");
    expect(withServer.lastText()).toContain("PUBLIC_URL: osoite, josta palvelimeen pääsee internetistä");
    expect(await CalendarFeedModel.countDocuments()).toBe(0);
  });

  it("serves her bookings and time off as a valid subscription with the customers' own UIDs, logs each fetch once, and drops a cancelled booking", async () => {
    // One booking through the chat, so its customer has the calendar file the feed must match.
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 4101, language: "fi" });
    await customer.toSummary({ day: "ke 2.12.", time: "10.00" });
    await customer.press("Vahvista");
    const [file] = calendarFilesTo(suite.tg, 4101);
    const recent = await bookFor(4102, 30, at("2026-11-10T13:00"), at("2026-11-05T08:00"));
    const old = await bookFor(4103, 30, at("2026-10-20T13:00"), at("2026-10-15T08:00"));
    const later = await bookFor(4104, 60, at("2027-01-12T09:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/off 24.12.");
    await practitioner.send("/off 18.12. 12:00-17:00");
    const auditBefore = await AuditEntryModel.countDocuments();

    await practitioner.send("/calendarfeed");
    const address = addressShown();
    expect(practitioner.lastText()).toContain("Asiakkaiden nimet näkyvät kalenterissa");
    // Only a hash of the token is kept.
    const stored = (await CalendarFeedModel.findOne({ adminId: ADMIN_ID }).lean())!;
    expect(JSON.stringify(stored)).not.toContain(address.split("/").pop()!.replace(".ics", ""));

    await withFeedServer(async (fetchFeed) => {
      const { calendar, events } = await fetchCalendar(fetchFeed, address);
      expect(prop(calendar, "METHOD")?.value).toBe("PUBLISH");
      expect(prop(calendar, "X-WR-CALNAME")?.value).toBe("Varaukset – Klassinen hieronta Tmi Aija Raiski");
      // An hour, however the duration is written (PT1H, PT60M).
      const minutes = (value: string | undefined) => Duration.fromISO(value ?? "").as("minutes");
      expect(prop(calendar, "REFRESH-INTERVAL")?.params.VALUE).toBe("DURATION");
      expect(minutes(prop(calendar, "REFRESH-INTERVAL")?.value)).toBe(60);
      expect(minutes(prop(calendar, "X-PUBLISHED-TTL")?.value)).toBe(60);

      // The chat booking: the UID of the file its customer got, in UTC.
      const chat = events.get(file!.uid!)!;
      expect(prop(chat, "SUMMARY")?.value).toBe("Testi Asiakas – Klassinen hieronta 60 min");
      expect(prop(chat, "DTSTART")?.value).toBe("20261202T080000Z");
      expect(prop(chat, "DTEND")?.value).toBe("20261202T090000Z");
      expect(prop(chat, "SEQUENCE")?.value).toBe("0");
      expect(events.get(`${recent.ref}@ajanvarausbotti`)).toBeDefined();
      expect(events.get(`${later.ref}@ajanvarausbotti`)).toBeDefined();
      // More than 30 days ago: not in it.
      expect(events.get(`${old.ref}@ajanvarausbotti`)).toBeUndefined();
      // Time off: a whole day as a date, an afternoon in UTC.
      const blocks = [...events.values()].filter((e) => prop(e, "UID")!.value.startsWith("block-"));
      expect(blocks.map((e) => [prop(e, "SUMMARY")?.value, prop(e, "DTSTART")?.params.VALUE ?? "", prop(e, "DTSTART")?.value, prop(e, "DTEND")?.value])).toEqual([
        ["Estetty", "", "20261218T100000Z", "20261218T150000Z"],
        ["Estetty", "DATE", "20261224", "20261225"],
      ]);
      expect(events.size).toBe(5);

      // Cancelled: gone at the next fetch; the others keep their UIDs.
      vi.setSystemTime(NOW + 60_000);
      await cancelByAdmin(ADMIN_ID, recent.id, "sairaus", new Date());
      const second = await fetchCalendar(fetchFeed, address);
      expect(second.events.get(`${recent.ref}@ajanvarausbotti`)).toBeUndefined();
      expect([...second.events.keys()]).toEqual([...events.keys()].filter((uid) => uid !== `${recent.ref}@ajanvarausbotti`));
      expect(second.events.get(file!.uid!)).toBeDefined();
    });

    // Each fetch: one access-log entry under the feed's id (never the token), and one fetch record
    // naming the feed and what it showed, instead of an audit entry per customer.
    const log = await accessLog(2);
    expect(log.map((e) => [e.path, e.status])).toEqual([
      [`/calendar/${stored._id}`, 200],
      [`/calendar/${stored._id}`, 200],
    ]);
    const fetches = await CalendarFeedFetchModel.find().sort({ at: 1 }).lean();
    expect(fetches.map((f) => [f.feedId, f.adminId, f.names, f.bookings])).toEqual([
      [stored._id, ADMIN_ID, true, 3],
      [stored._id, ADMIN_ID, true, 2],
    ]);
    // The cancel wrote its own entry; the fetches wrote none.
    expect(await AuditEntryModel.countDocuments()).toBe(auditBefore + 1);

    // /audit names the feed's views of a customer's bookings, grouped.
    await practitioner.send("/audit asiakas4102");
    await practitioner.press("Testi Asiakas4102");
    // The cancel came between the fetches: only the first showed the booking.
    expect(practitioner.lastText()).toContain(
      `ti 1.12.2026 klo 8.00 – vastaanotto (Telegram-tunnus ${ADMIN_ID}) sai asiakkaan varaukset nimineen kalenteritilaukseensa kerran.`,
    );

    // Kept as long as the audit log.
    const purged = await purgeExpired(testConfig().retention, new Date(NOW + 1096 * 86_400_000));
    expect(purged.calendarFeedFetches).toBe(2);
  });

  it("hides customers' names when she asks; the fetch record says so", async () => {
    await bookFor(4201, 60, at("2026-12-03T10:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/calendarfeed");
    const address = addressShown();
    await practitioner.press("Piilota asiakkaiden nimet");
    expect(practitioner.lastText()).toContain("Asiakkaiden nimet piilotetaan kalenterista.");
    await withFeedServer(async (fetchFeed) => {
      const { text, events } = await fetchCalendar(fetchFeed, address);
      expect([...events.values()].map((e) => prop(e, "SUMMARY")?.value)).toEqual(["Klassinen hieronta 60 min"]);
      expect(text).not.toContain("Asiakas4201");
    });
    expect(await CalendarFeedFetchModel.findOne().lean()).toMatchObject({ names: false, bookings: 1 });
    await practitioner.send("/calendarfeed nimet päälle");
    expect(practitioner.lastText()).toContain("Asiakkaiden nimet näytetään kalenterissa");
    await practitioner.send("/calendarfeed");
    expect(practitioner.lastText()).toContain("Kalenterisovellus haki sen viimeksi ti 1.12.2026 klo 8.00 (kerran viimeisen 7 päivän aikana).");
  });

  it("renews (the old address stops at once) and revokes; a wrong or guessed address is 404 and writes nothing", async () => {
    const practitioner = admin();
    await practitioner.send("/calendarfeed");
    const first = addressShown();
    await practitioner.send("/calendarfeed");
    expect(practitioner.lastText()).toContain("Kalenteritilaus on käytössä (osoite tehty ti 1.12.2026 klo 8.00)");
    expect(practitioner.lastText()).toContain("Kalenterisovellus ei ole vielä hakenut sitä.");
    await practitioner.press("Uusi osoite");
    const second = addressShown();
    expect(second).not.toBe(first);

    await withFeedServer(async (fetchFeed) => {
      expect((await fetchFeed(second)).status).toBe(200);
      await accessLog(1);
      const before = await documentCounts();
      const id = second.split("/")[4]!;
      const token = second.split("/")[5]!.replace(".ics", "");
      const guesses = [
        first,
        second.replace(token, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`),
        second.replace(id, "0123456789abcdef"),
        second.replace(".ics", ""),
        "https://bot.example.fi/calendar/",
        "https://bot.example.fi/calendar/x/y.ics",
      ];
      for (const guess of guesses) {
        const response = await fetchFeed(guess);
        expect(response.status, guess).toBe(404);
        expect(await response.text()).toBe("not found");
      }
      expect((await fetchFeed(second, { method: "POST" })).status).toBe(404);
      expect(await documentCounts()).toEqual(before);

      await practitioner.press("Lopeta tilaus");
      expect(practitioner.lastText()).toContain("Kalenteritilaus on lopetettu");
      expect((await fetchFeed(second)).status).toBe(404);
    });
    await practitioner.send("/calendarfeed pois");
    expect(practitioner.lastText()).toBe("Sinulla ei ole kalenteritilausta. Tee se komennolla /calendarfeed.");
    await practitioner.send("/calendarfeed jotain");
    expect(practitioner.lastText()).toContain("Käytä: /calendarfeed");
  });

  it("stops serving someone removed from ADMIN_IDS", async () => {
    const practitioner = admin();
    await practitioner.send("/calendarfeed");
    const address = addressShown();
    await withFeedServer(async (fetchFeed) => {
      expect((await fetchFeed(address)).status).toBe(404);
    }, testConfig({ ...FEED_ENV, ADMIN_IDS: "900002" }));
  });

  it("writes times in UTC across the clock changes: summer time starts 29.3.2026, ends 25.10.2026", async () => {
    vi.setSystemTime(at("2026-03-20T08:00"));
    const practitioner = admin();
    await practitioner.send("/hours su 1-5");
    // 2.30 is before the clocks go forward at 3.00; the hour ends at 4.30 summer time.
    const spring = await bookFor(4301, 60, at("2026-03-29T02:30"), at("2026-03-20T08:00"));
    const summer = await bookFor(4302, 60, at("2026-03-30T10:00"), at("2026-03-20T08:00"));
    const autumn = await bookFor(4303, 60, at("2026-10-26T10:00"), at("2026-10-20T08:00"));
    await practitioner.send("/off 25.10.");
    await practitioner.send("/calendarfeed");
    const address = addressShown();
    await withFeedServer(async (fetchFeed) => {
      const { events } = await fetchCalendar(fetchFeed, address);
      const times = (ref: string) => [prop(events.get(`${ref}@ajanvarausbotti`)!, "DTSTART")?.value, prop(events.get(`${ref}@ajanvarausbotti`)!, "DTEND")?.value];
      expect(times(spring.ref)).toEqual(["20260329T003000Z", "20260329T013000Z"]);
      expect(times(summer.ref)).toEqual(["20260330T070000Z", "20260330T080000Z"]);
      expect(times(autumn.ref)).toEqual(["20261026T080000Z", "20261026T090000Z"]);
      // The 25-hour day blocked whole is one date.
      const block = [...events.values()].find((e) => prop(e, "UID")!.value.startsWith("block-"))!;
      expect([prop(block, "DTSTART")?.value, prop(block, "DTEND")?.value]).toEqual(["20261025", "20261026"]);
    });
    await BookingModel.deleteMany({});
  });
});
