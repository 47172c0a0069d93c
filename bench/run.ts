/**
 * `npm run bench`: figures for the booking paths, printed as one table and written to
 * bench/results/<timestamp>.json. Needs MONGODB_URI (any MongoDB or FerretDB); without it a
 * MongoDB is started through mongodb-memory-server. Nothing here is asserted: it measures.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, Bot } from "grammy";
import { DateTime } from "luxon";
import mongoose, { Types } from "mongoose";
import { createBroadcaster } from "../src/bot/broadcast.js";
import { createBot } from "../src/bot/index.js";
import { createWaitlistJob } from "../src/bot/waitlist.js";
import { createI18n } from "../src/bot/i18n.js";
import { createSendPacer } from "../src/bot/pacer.js";
import { ConsentRecordModel } from "../src/db/models/consent.js";
import { createReminderJob } from "../src/bot/reminders.js";
import { connectionOptions, ensureIndexes } from "../src/db/connect.js";
import { BookingModel } from "../src/db/models/booking.js";
import { bumpCalendarVersion } from "../src/db/models/calendar-version.js";
import { CustomerModel } from "../src/db/models/customer.js";
import { availableSlots } from "../src/domain/availability.js";
import { createLogger } from "../src/logger.js";
import { bookAppointment } from "../src/services/booking.js";
import { freeSlots } from "../src/services/slots.js";
import { listActiveServices } from "../src/services/catalog.js";
import { createFieldCrypto, fieldCrypto, useFieldCrypto } from "../src/services/field-crypto.js";
import { PRIVACY_NOTICE_VERSION } from "../src/domain/versions.js";
import { createServices } from "../src/services/index.js";
import { DEFAULT_WEEKLY_HOURS, seedDefaults } from "../src/services/seed.js";
import { BotApiServer } from "../test/helpers/bot-api-server.js";
import { BOT_INFO, enforceRateLimit, FakeTelegram } from "../test/helpers/fake-telegram.js";
import { ADMIN_ID, createTestBot, TEST_ENV, TestCustomer, testConfig } from "../test/helpers/bot.js";
import { bookFor } from "../test/helpers/fixtures.js";

const zone = "Europe/Helsinki";
const NOW = DateTime.fromISO("2026-11-30T08:00", { zone }).toMillis();

type Row = { name: string; value: string; baseline?: string; note?: string };
const rows: Row[] = [];
const results: Record<string, unknown> = {};

/**
 * The figures a script compares between runs (issue 13, item 11; issue 16, W6), written at the top
 * level of the results JSON and printed last. A row that did not run (BENCH_ONLY) leaves null.
 */
const SUMMARY_KEYS = [
  "commandsPerStepMedian",
  "commandsPerBooking",
  "botCpuMsPerUpdate",
  "peerCpuMsPerUpdate",
  "bookingUpdatesPerSecond",
  "peerUpdatesPerSecond",
  "ratioToPeer",
  "p99Ms",
  "peerP99Ms",
  "doubleBookings",
  "availabilityP99Ms",
  "broadcastMsgPerSecond",
  "broadcastMaxPerSecondWindow",
  "reminderLatenessP99Ms",
  "rssAfterTrafficMiB",
  "startupMs",
  "waitlistOffersOutSeconds",
  "waitlistOffersSent",
  "waitlistBookingsOfFreedTime",
  // Flatness (item 9): CPU per update of the lock-step run's first three and last three steps.
  "botCpuMsFirstSteps",
  "botCpuMsLastSteps",
  "peerCpuMsFirstSteps",
  "peerCpuMsLastSteps",
  // Diagnoses, not targets: the peer's CPU per update when started with the bot's V8 flags, and
  // the bot's when started without them.
  "peerWithBotFlagsCpuMsPerUpdate",
  "botWithoutFlagsCpuMsPerUpdate",
] as const;
const summary: Record<(typeof SUMMARY_KEYS)[number], number | null> = Object.fromEntries(SUMMARY_KEYS.map((k) => [k, null])) as Record<
  (typeof SUMMARY_KEYS)[number],
  number | null
>;
const round = (n: number) => Math.round(n * 100) / 100;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The most `times` (ms, any order) that fall in any window of `windowMs`. */
function maxInWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time a process has used so far (user + system, all its threads), in ms, from /proc/<pid>/stat. */
async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
  // utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/**
 * The database server's process on this machine (FerretDB or mongod listening on `base`'s port),
 * to report its CPU beside the bots' own; undefined when it runs elsewhere or cannot be found.
 */
async function databasePid(base: string): Promise<number | undefined> {
  const port = new URL(base).port || "27017";
  for (const entry of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (/ferretdb|mongod/.test(cmdline) && cmdline.includes(`:${port}`)) return Number(entry);
  }
  return undefined;
}

async function timeIt(runs: number, fn: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** A database of its own on the server at `base`, for one measurement. */
function databaseUrl(base: string): string {
  const url = new URL(base);
  url.pathname = `/bench_${randomBytes(4).toString("hex")}`;
  return url.toString();
}

/** Drops the bench's previous database and connects to a new, seeded one; returns its URL. */
async function freshDatabase(base: string): Promise<string> {
  if (mongoose.connection.readyState === mongoose.ConnectionStates.connected) {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  }
  const url = databaseUrl(base);
  await mongoose.connect(url, { monitorCommands: true, ...connectionOptions(url) });
  await ensureIndexes();
  await seedDefaults();
  return url;
}

/** 2,000 existing bookings over the next 60 days, as busy intervals and as documents. */
function existingBookings(): Array<{ start: number; end: number }> {
  const busy: Array<{ start: number; end: number }> = [];
  const day0 = DateTime.fromMillis(NOW, { zone }).startOf("day");
  for (let d = 1; busy.length < 2000; d++) {
    const day = day0.plus({ days: d });
    if (day.weekday > 5) continue;
    // 47 short bookings from 09:00 to about 15:15; the rest of the afternoon stays free.
    for (let k = 0; k < 47 && busy.length < 2000; k++) {
      const start = day.set({ hour: 9 }).toMillis() + k * 8 * 60_000;
      busy.push({ start, end: start + 5 * 60_000 });
    }
  }
  return busy;
}

async function benchAvailability(base: string): Promise<void> {
  const busy = existingBookings();
  const input = {
    now: NOW, zone, weeklyHours: DEFAULT_WEEKLY_HOURS, exceptions: [], busy,
    durationMinutes: 60, bufferAfterMinutes: 15, granularityMinutes: 15, minNoticeMinutes: 720, horizonDays: 60,
  };
  const pure = await timeIt(300, () => availableSlots(input));
  const offered = availableSlots(input).length;
  rows.push({ name: "4 availability, pure (60 days, 2,000 bookings) p50 / p99", value: `${ms(percentile(pure, 50))} / ${ms(percentile(pure, 99))}`, note: `${offered} free starts; target p99 ≤ 5 ms` });

  await freshDatabase(base);
  const customer = await CustomerModel.create({ telegramId: 1, language: "fi", lastSeenAt: new Date(NOW) });
  const service = (await listActiveServices()).find((s) => s.durationMinutes === 60)!;
  await BookingModel.insertMany(
    busy.map((b, i) => ({
      ref: `b${i}`, customerId: customer._id, serviceId: service.id,
      service: { name: service.name, durationMinutes: 5, priceCents: 0, vatTreatment: "exempt", vatRatePercent: 0 },
      start: new Date(b.start), end: new Date(b.end), bufferEnd: new Date(b.end), status: "confirmed",
    })),
  );
  const settings = { zone, rules: { granularityMinutes: 15, minNoticeMinutes: 720, horizonDays: 60, cancellationCutoffMinutes: 1440, reminderOffsetMinutes: 1440 } };
  // Each process keeps a copy of the calendar and asks only for its version stamp while nothing
  // changed (services/calendar.ts); after a change anywhere it reads the bookings again.
  await freeSlots(settings, service, NOW);
  const viaDb = await timeIt(50, () => freeSlots(settings, service, NOW));
  // Fewer of the slow reads at the CI size (each is a read of every booking).
  const afterChange = await timeIt(CI_SIZE ? 5 : 20, async () => {
    await bumpCalendarVersion("bookings");
    await freeSlots(settings, service, NOW);
  });
  // The database's own share: the same bookings read straight through the driver.
  const raw = await timeIt(CI_SIZE ? 10 : 50, () =>
    BookingModel.collection
      .find({ status: "confirmed", bufferEnd: { $gt: new Date(NOW) } }, { projection: { start: 1, bufferEnd: 1, moveTo: 1 } })
      .toArray(),
  );
  rows.push({
    name: "4 availability through the service and database p50 / p99",
    value: `${ms(percentile(viaDb, 50))} / ${ms(percentile(viaDb, 99))}`,
    baseline: `driver read of the same ${busy.length} bookings p50 ${ms(percentile(raw, 50))}, pure ${ms(percentile(pure, 50))}`,
    note: `just after a change elsewhere (bookings read again) p50 ${ms(percentile(afterChange, 50))}; target p99 ≤ 5 ms`,
  });
  results.availability = { pureMs: pure, databaseMs: viaDb, afterChangeMs: afterChange, rawReadMs: raw };
  summary.availabilityP99Ms = round(percentile(viaDb, 99));
}

async function benchContention(base: string, rounds: number): Promise<void> {
  await freshDatabase(base);
  const settings = { zone, rules: { granularityMinutes: 15, minNoticeMinutes: 0, horizonDays: 400, cancellationCutoffMinutes: 1440, reminderOffsetMinutes: 1440 } };
  await CustomerModel.insertMany(Array.from({ length: 50 }, (_, i) => ({ telegramId: 100 + i, language: "fi", lastSeenAt: new Date(NOW) })));
  const service = (await listActiveServices()).find((s) => s.durationMinutes === 60)!;
  const latencies: number[] = [];
  let doubleBookings = 0;
  const day0 = DateTime.fromMillis(NOW, { zone }).startOf("day");
  let day = day0;
  for (let round = 0; round < rounds; round++) {
    do day = day.plus({ days: 1 }); while (day.weekday > 5);
    const start = day.set({ hour: 10 }).toMillis();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const t0 = performance.now();
        const r = await bookAppointment(settings, {
          bookingId: new Types.ObjectId().toHexString(),
          telegramId: 100 + i, serviceId: service.id, start, now: NOW, privacyAcknowledged: true,
          details: { firstName: "Bench", lastName: "Customer", email: `b${i}@example.com` },
        });
        latencies.push(performance.now() - t0);
        return r.ok;
      }),
    );
    const winners = outcomes.filter(Boolean).length;
    if (winners > 1) doubleBookings += winners - 1;
  }
  rows.push({ name: `3 slot contention: 50 confirms × ${rounds} rounds, double bookings`, value: String(doubleBookings), note: "must be 0" });
  rows.push({ name: "3 slot contention: confirm latency p50 / p99", value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}` });
  results.contention = { rounds, doubleBookings, latencyMs: latencies };
  summary.doubleBookings = doubleBookings;
}

async function benchReminders(base: string, count: number): Promise<void> {
  await freshDatabase(base);
  const config = testConfig();
  const tg = new FakeTelegram();
  const due = NOW + 3_600_000;
  await CustomerModel.insertMany(Array.from({ length: count }, (_, i) => ({ telegramId: 10_000 + i, language: "fi", lastSeenAt: new Date(NOW) })));
  const customers = await CustomerModel.find().lean();
  await BookingModel.insertMany(
    customers.map((c, i) => ({
      ref: `r${i}`, customerId: c._id, serviceId: new mongoose.Types.ObjectId(),
      service: { name: { fi: "Hieronta", sv: "Massage", en: "Massage" }, durationMinutes: 60, priceCents: 5500, vatTreatment: "exempt", vatRatePercent: 0 },
      start: new Date(due + 86_400_000 + i * 60_000), end: new Date(due + 86_400_000 + i * 60_000 + 3_600_000),
      bufferEnd: new Date(due + 86_400_000 + i * 60_000 + 3_600_000), status: "confirmed", reminderDueAt: new Date(due),
    })),
  );
  const makeJob = () => {
    const bot = new Bot(config.botToken, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
    return createReminderJob(bot.api, createI18n("fi"), config, createServices(config), createLogger("silent"));
  };
  const sentAt = new Map<number, number>();
  const original = tg.fetch;
  const t0 = performance.now();
  const counting = async (url: unknown, init?: { body?: unknown }) => {
    const response = await original(url, init);
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as { chat_id?: number }) : {};
    if (String(url).endsWith("sendMessage") && body.chat_id) sentAt.set(body.chat_id, performance.now() - t0);
    return response;
  };
  (tg as unknown as { fetch: typeof counting }).fetch = counting;
  const [a, b] = [makeJob(), makeJob()];
  await Promise.all([a.runOnce(due), b.runOnce(due)]);
  const total = performance.now() - t0;
  const sends = tg.callsOf("sendMessage").length;
  const lateness = [...sentAt.values()];
  rows.push({
    name: `6 reminders: ${count} due at once, 2 instances — sent / duplicates`,
    value: `${sentAt.size} / ${sends - sentAt.size}`,
    note: `all out in ${(total / 1000).toFixed(1)} s (fake API, no rate limit)`,
  });
  rows.push({ name: "6 reminders: lateness after the due round starts p50 / p99", value: `${(percentile(lateness, 50) / 1000).toFixed(2)} s / ${(percentile(lateness, 99) / 1000).toFixed(2)} s`, note: "target p99 ≤ 60 s; plus up to REMINDER_CHECK_SECONDS" });
  results.reminders = { count, sent: sentAt.size, calls: sends, totalMs: total };
  summary.reminderLatenessP99Ms = Math.round(percentile(lateness, 99));
}

/** The bot as `npm start` runs it: compiled to dist/ (`npm run bench` builds it first). */
const BOT_SCRIPT = "dist/main.js";
/** The Node flags of `npm start` (its memory limits), read from package.json: one source of truth. */
const START_FLAGS = (JSON.parse(await readFile("package.json", "utf8")) as { scripts: { start: string } }).scripts.start
  .split(" ")
  .filter((word) => word.startsWith("--"));
const BARE_SCRIPT = "bench/bare-bot.mjs";
/** The peer baseline: plain grammY + runner + conversations with a driver storage adapter, the same steps. */
const PEER_SCRIPT = "bench/peer-bot.mjs";

/**
 * The issue's sizes by default; `BENCH_SIZE=ci` is the quick size that runs in CI time (issue 13,
 * item 10). Each can be set through the environment, which wins over either size.
 */
const CI_SIZE = process.env.BENCH_SIZE === "ci";
const size = (name: string, full: number, ci: number) => Number(process.env[name] ?? (CI_SIZE ? ci : full));
const sizes = {
  size: CI_SIZE ? "ci" : "full",
  ceilingUpdates: size("BENCH_CEILING_UPDATES", 5000, 2000),
  customers: size("BENCH_CUSTOMERS", 500, 100),
  /** Customers of the lock-step run (at most 64: eight days of the picker's second page, eight a day). */
  lockStepCustomers: Math.min(64, size("BENCH_LOCKSTEP_CUSTOMERS", 64, 32)),
  contentionRounds: size("BENCH_CONTENTION_ROUNDS", 200, 40),
  broadcastRecipients: size("BENCH_BROADCAST", 3000, 600),
  reminders: size("BENCH_REMINDERS", 1000, 300),
  memoryCustomers: size("BENCH_MEMORY_CUSTOMERS", 10_000, 2_000),
  memoryBookings: size("BENCH_MEMORY_BOOKINGS", 50_000, 10_000),
  /** Bookings made through the bot while the large database is stored. */
  memoryTraffic: size("BENCH_MEMORY_TRAFFIC", 5, 5),
  /** Customers waiting on one day, and how many of them press the offer at once (issue 16, W6). */
  waitlistWaiting: size("BENCH_WAITLIST", 200, 200),
  waitlistPresses: size("BENCH_WAITLIST_PRESSES", 50, 50),
};

/** Environment for a bot process under measurement: the test practice, a fake API, one database. */
function botEnv(databaseUrl: string, apiRoot: string): Record<string, string> {
  return {
    ...TEST_ENV,
    PATH: process.env.PATH ?? "",
    MONGODB_URI: databaseUrl,
    BOT_API_ROOT: apiRoot,
    LOG_LEVEL: "silent",
    // Scripted customers tap far faster than people: the flood limit is not what is measured.
    RATE_LIMIT_PER_MINUTE: "100000",
    // Nor is Telegram's send limit, which the fake API does not enforce and the peer does not
    // keep: with the default budget (29 messages a second, bot/pacer.ts) the bot, sending about
    // one message an update, would be held near 28 updates/s whatever its own cost. Rows 5 and 9
    // measure the pacing against a fake API that enforces the limit.
    TELEGRAM_SENDS_PER_SECOND: "100000",
    // Room for 500 customers at eight a day (the default 60 days hold about 42 working days).
    BOOKING_HORIZON_DAYS: "120",
  };
}

/** Environment for the peer bot: only what it reads. */
function peerEnv(databaseUrl: string, apiRoot: string): Record<string, string> {
  return { PATH: process.env.PATH ?? "", MONGODB_URI: databaseUrl, BOT_TOKEN: TEST_ENV.BOT_TOKEN!, BOT_API_ROOT: apiRoot };
}

async function dropDatabase(url: string): Promise<void> {
  const conn = await mongoose.createConnection(url).asPromise();
  await conn.dropDatabase();
  await conn.close();
}

const textMessage = (chat: number, text: string) => ({
  message: {
    message_id: 1, date: 0, chat: { id: chat, type: "private" as const, first_name: "b" },
    from: { id: chat, is_bot: false, first_name: "b", language_code: "fi" }, text,
    ...(text.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] } : {}),
  },
});

/** A fake Bot API on loopback that wakes whoever waits for a chat's next text. */
class Telegram {
  readonly server = new BotApiServer();
  private readonly lastText = new Map<number, string>();
  private readonly waiters = new Map<number, () => void>();
  private cursor = 0;
  /** Every update pushed, with its chat, to attribute API calls to updates afterwards. */
  readonly pushed: Array<{ update: number; chat: number }> = [];
  private readonly queryChat = new Map<string, number>();

  async start(): Promise<string> {
    const tg = this.server.tg;
    const original = tg.fetch;
    (tg as unknown as { fetch: typeof original }).fetch = async (url, init) => {
      const response = await original(url, init);
      for (; this.cursor < tg.calls.length; this.cursor++) {
        const call = tg.calls[this.cursor]!;
        if (call.method !== "sendMessage" && call.method !== "editMessageText") continue;
        const chat = Number(call.payload.chat_id);
        this.lastText.set(chat, String(call.payload.text));
        this.waiters.get(chat)?.();
      }
      return response;
    };
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Waits until the chat's newest text matches, for at most `seconds`. */
  last(chat: number): string {
    return this.lastText.get(chat) ?? "";
  }

  async waitFor(chat: number, pattern: RegExp, seconds = 90): Promise<void> {
    const deadline = performance.now() + seconds * 1000;
    while (!pattern.test(this.lastText.get(chat) ?? "")) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`chat ${chat} waited ${seconds} s for ${String(pattern)}; last: ${(this.lastText.get(chat) ?? "").slice(0, 60)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.set(chat, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters.delete(chat);
    }
  }

  say(chat: number, text: string): void {
    this.pushed.push({ update: this.server.push(textMessage(chat, text)), chat });
  }

  /** Presses the button whose data `pick` chooses on the chat's newest keyboard. */
  press(chat: number, pick: (data: string[]) => string | undefined): void {
    const message = this.server.tg.latestKeyboardMessage(chat);
    const data = message && pick(message.keyboard!.inline_keyboard.flat().map((b) => b.callback_data ?? ""));
    if (!message || !data) throw new Error(`chat ${chat}: no such button`);
    const id = `q${chat}-${this.pushed.length}`;
    this.queryChat.set(id, chat);
    const update = this.server.push({
      callback_query: {
        id, chat_instance: "c", from: { id: chat, is_bot: false, first_name: "b", language_code: "fi" }, data,
        message: { message_id: message.messageId, date: 0, chat: { id: chat, type: "private", first_name: "b" }, text: "" },
      },
    });
    this.pushed.push({ update, chat });
  }

  /**
   * Server-side latency of each pushed update: from the moment getUpdates handed it to the bot to
   * the last API call the bot made for that chat (or that callback query) before the chat's next
   * update was handed over.
   */
  latencies(): number[] {
    const byChat = new Map<number, Array<{ at: number; last: number }>>();
    for (const { update, chat } of this.pushed) {
      const at = this.server.deliveredAt.get(update);
      if (at === undefined) continue;
      const list = byChat.get(chat) ?? [];
      list.push({ at, last: -1 });
      byChat.set(chat, list);
    }
    for (const list of byChat.values()) list.sort((a, b) => a.at - b.at);
    for (const call of this.server.tg.calls) {
      const chat = call.payload.chat_id !== undefined ? Number(call.payload.chat_id) : this.queryChat.get(String(call.payload.callback_query_id));
      const list = chat === undefined ? undefined : byChat.get(chat);
      if (!list || call.at === undefined) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i]!.at <= call.at) {
          list[i]!.last = Math.max(list[i]!.last, call.at);
          break;
        }
      }
    }
    return [...byChat.values()].flat().filter((e) => e.last >= 0).map((e) => e.last - e.at);
  }
}

interface Process {
  pid: number;
  startupSeconds: number;
  /** The end of what the process wrote to stderr (errors it logged). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `script` as its own Node process and waits until it has answered a first /start.
 * The bot gets `npm start`'s flags (its heap limits are part of what it costs; the bare and peer
 * bots start plainly); BENCH_NODE_ARGS adds more to all (later ones win), e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof" or "--max-old-space-size=4096" to see the bot without limits.
 */
async function startProcess(script: string, env: Record<string, string>, telegram: Telegram, chat = 5, flags = script === BOT_SCRIPT ? START_FLAGS : []): Promise<Process> {
  const t0 = performance.now();
  const args = [...flags, ...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ...(script.endsWith(".ts") ? ["--import", "tsx", script] : [script])];
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // Pushed past `say`, so that the start-up update is not among the measured ones.
  telegram.server.push(textMessage(chat, "/start"));
  await Promise.race([
    telegram.waitFor(chat, /./, 120),
    exited.then(() => Promise.reject(new Error(`${script} exited: ${stderr}`))),
  ]);
  return {
    pid: child.pid!,
    startupSeconds: (performance.now() - t0) / 1000,
    log: () => stderr,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}
const mib = (n: number) => `${n.toFixed(0)} MiB`;

/** One step of a scripted customer: what they do, and the text that says the bot has answered. */
interface DriverStep {
  label: string;
  act(telegram: Telegram, chat: number): void;
  until: RegExp;
  /** The customer stops when the answer matches this (a time someone else took meanwhile). */
  stopIf?: RegExp;
}

const pressing = (pick: (data: string[]) => string | undefined) => (telegram: Telegram, chat: number) => telegram.press(chat, pick);
/** Presses the first button whose data starts with `prefix` (`bk:skip` matches `bk:skip:` too). */
const pressingFirst = (prefix: string) => pressing((d) => d.find((x) => x.startsWith(prefix)));

/**
 * A booking's eleven steps, plus one "next page" press per page of the day picker before the day:
 * customer `i` books the `day`-th day offered (counting from 0; eight days a page) and the
 * `(i % 8) * 3`-th time of it. The texts waited for are the bot's Finnish ones (locales/fi.ftl),
 * which the peer bot repeats.
 */
function bookingSteps(i: number, day: number): DriverStep[] {
  const pages = Array.from(
    { length: Math.floor(day / 8) },
    (_, p): DriverStep => ({
      label: "next page",
      act: pressing((d) => d.filter((x) => x.startsWith("bk:page:")).at(-1)),
      until: new RegExp(`valitse päivä \\(sivu ${p + 2}/`),
    }),
  );
  return [
    { label: "/book", act: (t, id) => t.say(id, "/book"), until: /Minkä hoidon/ },
    // The 30-minute massage: with its 15-minute buffer every third start is free of the others, so
    // eight customers share a day and each has a time of their own.
    { label: "service", act: pressingFirst("bk:svc:"), until: /valitse päivä \(sivu 1\// },
    ...pages,
    { label: "day", act: pressing((d) => d.filter((x) => x.startsWith("bk:day:"))[day % 8]), until: /valitse kellonaika/ },
    // Someone may have taken the time meanwhile: the bot then asks again, and this customer counts
    // as one who lost the race.
    {
      label: "time",
      act: pressing((d) => d.filter((x) => x.startsWith("bk:time:"))[(i % 8) * 3]),
      until: /etunimesi|Valinta ei ole enää/,
      stopIf: /Valinta ei ole enää/,
    },
    { label: "first name", act: (t, id) => t.say(id, "Bench"), until: /sukunimesi/ },
    { label: "last name", act: (t, id) => t.say(id, "Customer"), until: /sähköpostiosoitteesi/ },
    { label: "email", act: (t, id) => t.say(id, `b${i}@example.com`), until: /puhelinnumerosi/ },
    { label: "phone skipped", act: pressingFirst("bk:skip"), until: /privacy/ },
    { label: "privacy", act: pressingFirst("bk:ack"), until: /uutisia/ },
    { label: "consents", act: pressingFirst("bk:next"), until: /Tarkista/ },
    { label: "confirm", act: pressingFirst("bk:confirm"), until: /Aikasi on varattu|joku ehti|ehti juuri täyttyä/ },
  ];
}

/** Drives `count` customers through whole booking conversations at once; resolves when all ended. */
async function bookConcurrently(telegram: Telegram, count: number, firstChat: number): Promise<{ seconds: number; failures: string[] }> {
  const t0 = performance.now();
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const id = firstChat + i;
      try {
        // Customers page through the day picker as far as their day is. (The first day offered is
        // skipped: the notice period may leave only part of it.)
        for (const step of bookingSteps(i, 1 + Math.floor(i / 8))) {
          step.act(telegram, id);
          await telegram.waitFor(id, step.until);
          if (step.stopIf?.test(telegram.last(id))) return;
        }
      } catch (error) {
        failures.push(String(error));
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, failures };
}

/** CPU per update at one step index of the lock-step run. */
interface StepCpu {
  label: string;
  updates: number;
  cpuMsPerUpdate: number;
}

/**
 * The same booking with every customer at the same step: all take step k together, and the
 * process's CPU time is read before and after each step, giving CPU per update by step index
 * (issue 13, item 9: later steps must not cost more than early ones). Every customer pages once,
 * to a day on the picker's second page, so that all walk the same twelve steps.
 */
async function bookInLockStep(telegram: Telegram, count: number, firstChat: number, pid: number): Promise<{ perStep: StepCpu[]; failures: string[] }> {
  const customers = Array.from({ length: Math.min(count, 64) }, (_, i) => ({ id: firstChat + i, steps: bookingSteps(i, 8 + Math.floor(i / 8)), active: true }));
  const perStep: StepCpu[] = [];
  const failures: string[] = [];
  for (let k = 0; k < (customers[0]?.steps.length ?? 0); k++) {
    const active = customers.filter((c) => c.active);
    if (active.length === 0) break;
    const before = await cpuMsOf(pid);
    await Promise.all(
      active.map(async (c) => {
        const step = c.steps[k]!;
        try {
          step.act(telegram, c.id);
          await telegram.waitFor(c.id, step.until);
          if (step.stopIf?.test(telegram.last(c.id))) c.active = false;
        } catch (error) {
          failures.push(String(error));
          c.active = false;
        }
      }),
    );
    const after = await cpuMsOf(pid);
    perStep.push({ label: customers[0]!.steps[k]!.label, updates: active.length, cpuMsPerUpdate: (after - before) / active.length });
  }
  return { perStep, failures };
}

/** 1 and the memory and start-up baselines: the bare framework as its own process. */
async function benchCeiling(): Promise<{ updatesPerSecond: number; startupSeconds: number; rssIdle: number; rssAfter: number }> {
  const telegram = new Telegram();
  const root = await telegram.start();
  const bare = await startProcess(BARE_SCRIPT, { PATH: process.env.PATH ?? "", BOT_TOKEN: TEST_ENV.BOT_TOKEN!, BOT_API_ROOT: root }, telegram);
  await sleep(500);
  const idle = await memoryOf(bare.pid);
  const count = sizes.ceilingUpdates;
  const chats = Math.min(500, count);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) telegram.say(1_000 + (i % chats), `ping ${i}`);
  for (let c = 0; c < chats; c++) await telegram.waitFor(1_000 + c, new RegExp(`pong ping ${count - chats + c}$`));
  const seconds = (performance.now() - t0) / 1000;
  const after = await memoryOf(bare.pid);
  await bare.stop();
  await telegram.stop();
  const latencies = telegram.latencies();
  const result = { updatesPerSecond: count / seconds, startupSeconds: bare.startupSeconds, rssIdle: idle.rss, rssAfter: after.rss };
  rows.push({ name: `1 framework ceiling: bare grammY + runner, own process, ${count} updates from ${chats} chats, updates/s`, value: result.updatesPerSecond.toFixed(0) });
  rows.push({ name: "1 framework ceiling: latency per update p50 / p99 (handed over → reply)", value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}` });
  results.ceiling = { ...result, latencyMs: latencies };
  return result;
}

/** 0: what one database round trip costs here, and how many a booking conversation makes. */
async function benchDatabase(base: string): Promise<{ roundTripP50: number }> {
  await freshDatabase(base);
  const customer = await CustomerModel.create({ telegramId: 1, language: "fi", lastSeenAt: new Date(NOW) });
  const trips = await timeIt(200, () => CustomerModel.findById(customer._id).lean());
  rows.push({ name: "0 database: one round trip (find by _id) p50 / p99", value: `${ms(percentile(trips, 50))} / ${ms(percentile(trips, 99))}`, note: base.replace(/\/\/[^@]*@/, "//") });

  // Two customers' bookings one after the other, counting the database commands each update
  // makes. The first runs in a process that has read nothing yet (its calendar copy, the
  // practitioner's language); the second is a booking in a running bot, just after another
  // booking changed the calendar: that one is the figure the targets are about.
  let commands = 0;
  // BENCH_TRACE_COMMANDS=1 prints each step's commands (name and collection) on stderr.
  const trace = process.env.BENCH_TRACE_COMMANDS === "1";
  let names: string[] = [];
  const client = mongoose.connection.getClient();
  const count = (event: { commandName: string; command: Record<string, unknown> }) => {
    commands++;
    if (trace) names.push(`${event.commandName} ${String(event.command[event.commandName])}`);
  };
  client.on("commandStarted", count);
  const tg = new FakeTelegram();
  const bot = createTestBot(tg);
  const realNow = Date.now;
  Date.now = () => NOW;
  const walk = async (id: number): Promise<number[]> => {
    const counted: number[] = [];
    const customer = new TestCustomer(bot, tg, { id, language: "fi" });
    const step = async (fn: () => Promise<void>) => {
      commands = 0;
      names = [];
      await fn();
      counted.push(commands);
      if (trace) process.stderr.write(`\n  customer ${id}, step ${counted.length}: ${names.join(", ")}`);
    };
    await step(() => customer.send("/book"));
    await step(() => customer.press("30 min"));
    const day = customer.buttons().find(([, d]) => d.startsWith("bk:day:"))!;
    await step(() => customer.pressData(day[1], tg.latestKeyboardMessage(id)!.messageId));
    const time = customer.buttons().find(([, d]) => d.startsWith("bk:time:"))!;
    await step(() => customer.pressData(time[1], tg.latestKeyboardMessage(id)!.messageId));
    for (const text of ["Bench", "Customer", `bench${id}@example.com`]) await step(() => customer.send(text));
    for (const label of ["Ohita", "Olen lukenut", "Jatka", "Vahvista"]) await step(() => customer.press(label));
    if (!/Aikasi on varattu/.test(customer.lastText())) throw new Error(`row 0: customer ${id} did not book: ${customer.lastText().slice(0, 80)}`);
    return counted;
  };
  let cold: number[];
  let counts: number[];
  try {
    cold = await walk(50_000);
    counts = await walk(50_001);
  } finally {
    Date.now = realNow;
    client.off("commandStarted", count);
  }
  const sorted = [...counts].sort((a, b) => a - b);
  // The true median (the mean of the middle two for an even count).
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  const total = counts.reduce((a, b) => a + b, 0);
  rows.push({
    name: "0 database: commands per update of one booking conversation, min / median / max",
    value: `${sorted[0]} / ${median} / ${sorted.at(-1)}`,
    note: `${total} for the whole booking (${counts.length} updates: ${counts.join(" ")}); targets median ≤ 3, booking ≤ 40; the first booking after start-up ${cold.reduce((a, b) => a + b, 0)} (${cold.join(" ")})`,
  });
  results.database = { roundTripMs: trips, commandsPerUpdate: counts, firstBookingCommandsPerUpdate: cold };
  summary.commandsPerStepMedian = median;
  summary.commandsPerBooking = total;
  return { roundTripP50: percentile(trips, 50) };
}

/** What one process did with the booking traffic. */
interface TrafficRun {
  startupSeconds: number;
  idle: { rss: number; peak: number };
  after: { rss: number; peak: number };
  customers: number;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  failures: string[];
  latencies: number[];
  cpuMs: number;
  cpuMsPerUpdate: number;
  /** The database server's CPU per update in the same span, when it runs on this machine. */
  dbCpuMsPerUpdate: number | undefined;
  /** Bot API calls the process made during the traffic (getUpdates not counted). */
  apiCalls: number;
  booked: number;
}

type ProcessEnv = (databaseUrl: string, apiRoot: string) => Record<string, string>;

/**
 * Starts `script` on an empty database of its own on `base`, lets it settle, drives `customers`
 * through a booking at once, and stops it. CPU is the process's own (utime + stime from /proc)
 * between just before the first update and just after the last answer. `flags`: Node's, when
 * not the script's own (startProcess).
 */
async function trafficRun(base: string, script: string, env: ProcessEnv, customers: number, firstChat: number, flags?: string[]): Promise<TrafficRun> {
  const url = databaseUrl(base);
  const telegram = new Telegram();
  const root = await telegram.start();
  const proc = await startProcess(script, env(url, root), telegram, 5, flags);
  await sleep(1000);
  const idle = await memoryOf(proc.pid);
  const dbPid = await databasePid(base);
  const dbCpuBefore = dbPid === undefined ? 0 : await cpuMsOf(dbPid);
  const cpuBefore = await cpuMsOf(proc.pid);
  const callsBefore = telegram.server.tg.calls.length;
  const run = await bookConcurrently(telegram, customers, firstChat);
  const cpuMs = (await cpuMsOf(proc.pid)) - cpuBefore;
  const dbCpuMs = dbPid === undefined ? undefined : (await cpuMsOf(dbPid)) - dbCpuBefore;
  const apiCalls = telegram.server.tg.calls.length - callsBefore;
  const after = await memoryOf(proc.pid);
  await proc.stop();
  await telegram.stop();
  if (run.failures.length > 0) {
    process.stderr.write(`\n${script}: ${run.failures.length} customers did not finish; first: ${run.failures[0]}\n`);
    if (proc.log()) process.stderr.write(`its stderr ends:\n${proc.log().slice(-1500)}\n`);
  }
  const updates = telegram.pushed.length;
  const booked = await countBookings(url);
  await dropDatabase(url);
  return {
    startupSeconds: proc.startupSeconds, idle, after, customers, updates, seconds: run.seconds,
    updatesPerSecond: updates / run.seconds, failures: run.failures, latencies: telegram.latencies(),
    cpuMs, cpuMsPerUpdate: cpuMs / updates, dbCpuMsPerUpdate: dbCpuMs === undefined ? undefined : dbCpuMs / updates, apiCalls, booked,
  };
}

/** Bot API calls per update and per second of a traffic run (the bot paces its calls, bot/pacer.ts). */
function apiCallsNote(run: TrafficRun): string {
  return `${(run.apiCalls / run.updates).toFixed(2)} API calls per update, ${(run.apiCalls / run.seconds).toFixed(1)} calls/s`;
}

/** Starts `script` on an empty database of its own and runs the lock-step booking against it. */
async function lockStepRun(base: string, script: string, env: ProcessEnv, customers: number, firstChat: number): Promise<StepCpu[]> {
  const url = databaseUrl(base);
  const telegram = new Telegram();
  const root = await telegram.start();
  const proc = await startProcess(script, env(url, root), telegram);
  await sleep(1000);
  const { perStep, failures } = await bookInLockStep(telegram, customers, firstChat, proc.pid);
  if (failures.length > 0) {
    process.stderr.write(`\n${script} (lock-step): ${failures.length} customers did not finish; first: ${failures[0]}\n`);
    if (proc.log()) process.stderr.write(`its stderr ends:\n${proc.log().slice(-1500)}\n`);
  }
  await proc.stop();
  await telegram.stop();
  await dropDatabase(url);
  return perStep;
}

/** The lock-step figures of one process: first three and last three steps' mean CPU per update, and every step's. */
function flatness(perStep: StepCpu[]): { first: number; last: number; steps: string } {
  return {
    first: mean(perStep.slice(0, 3).map((s) => s.cpuMsPerUpdate)),
    last: mean(perStep.slice(-3).map((s) => s.cpuMsPerUpdate)),
    steps: perStep.map((s) => `${s.label} ${s.cpuMsPerUpdate.toFixed(1)}`).join(", "),
  };
}

/**
 * 2, 7 and 8: the real bot (`src/main.ts`, as `npm start` runs it) as its own process, and the
 * peer bot (bench/peer-bot.mjs) the same way on the same database server. Start-up on an empty
 * database, memory idle, booking traffic with each process's CPU per update, memory after it; the
 * lock-step run of both for CPU per step; then the bot with 10,000 customers and 50,000 bookings
 * stored.
 */
async function benchBotProcess(base: string, ceiling: Awaited<ReturnType<typeof benchCeiling>>, db: { roundTripP50: number }): Promise<void> {
  const n = sizes.customers;
  let lap = performance.now();
  /** Progress on stderr: how long each part of this row took. */
  const done = (label: string) => {
    process.stderr.write(` ${label} ${((performance.now() - lap) / 1000).toFixed(0)} s;`);
    lap = performance.now();
  };
  const bot = await trafficRun(base, BOT_SCRIPT, botEnv, n, 600_000);
  done("bot");
  const peer = await trafficRun(base, PEER_SCRIPT, peerEnv, n, 600_000);
  done("peer");
  // The peer again, held to the bot's memory by the same V8 flags (npm start's): how much of the
  // gap is the price of the memory target (a young generation of 2 MB semi-spaces collects more
  // often) rather than the bot's own work. The targets compare with the peer as it starts plainly.
  // And the bot started plainly, with the peer's young generation: what the flags cost the bot,
  // and what stays of the gap without them (its memory is then over the target).
  // Diagnoses: at the full size, or with BENCH_FLAGS_DIAGNOSIS=1 (the CI size keeps its time).
  const diagnose = !CI_SIZE || process.env.BENCH_FLAGS_DIAGNOSIS === "1";
  const capped = diagnose ? await trafficRun(base, PEER_SCRIPT, peerEnv, n, 600_000, START_FLAGS) : undefined;
  if (capped) done("peer with the bot's flags");
  const plain = diagnose ? await trafficRun(base, BOT_SCRIPT, botEnv, n, 600_000, []) : undefined;
  if (plain) done("bot without its flags");
  const ratio = bot.updatesPerSecond / peer.updatesPerSecond;
  const [botP50, botP99] = [percentile(bot.latencies, 50), percentile(bot.latencies, 99)];
  const [peerP50, peerP99] = [percentile(peer.latencies, 50), percentile(peer.latencies, 99)];
  rows.push({
    name: `2 booking traffic: ${n} customers book at once through the bot process, updates/s`,
    value: bot.updatesPerSecond.toFixed(1),
    baseline: `peer ${peer.updatesPerSecond.toFixed(1)}/s, ratio ${ratio.toFixed(2)}; ceiling ${ceiling.updatesPerSecond.toFixed(0)}/s, ratio ${(bot.updatesPerSecond / ceiling.updatesPerSecond).toFixed(3)}`,
    note: `${bot.booked} booked, ${bot.failures.length} unfinished, ${bot.seconds.toFixed(0)} s; ${apiCallsNote(bot)}; target ratio to peer ≥ 0.8`,
  });
  rows.push({
    name: `2 booking traffic: the same through the peer (plain grammY + runner + conversations, driver storage), updates/s`,
    value: peer.updatesPerSecond.toFixed(1),
    note: `${peer.booked} booked, ${peer.failures.length} unfinished, ${peer.seconds.toFixed(0)} s; ${apiCallsNote(peer)}`,
  });
  rows.push({
    name: "2 booking traffic: latency per update p50 / p99 (handed over → last API call), bot",
    value: `${ms(botP50)} / ${ms(botP99)}`,
    baseline: `peer ${ms(peerP50)} / ${ms(peerP99)}; DB round trip p50 ${ms(db.roundTripP50)}`,
    note: `p99 ${(botP99 / peerP99).toFixed(2)}× the peer's; target ≤ 1.5×`,
  });
  rows.push({
    name: "2 booking traffic: CPU per update from /proc (utime + stime), bot / peer",
    value: `${ms(bot.cpuMsPerUpdate)} / ${ms(peer.cpuMsPerUpdate)}`,
    note: `${(bot.cpuMsPerUpdate / peer.cpuMsPerUpdate).toFixed(2)}×; target ≤ 1.3×; ${bot.updates} and ${peer.updates} updates, ${(bot.cpuMs / 1000).toFixed(1)} s and ${(peer.cpuMs / 1000).toFixed(1)} s of CPU`,
  });
  if (capped) rows.push({
    name: `2 booking traffic: CPU per update, the peer started with the bot's flags (${START_FLAGS.join(" ")})`,
    value: ms(capped.cpuMsPerUpdate),
    note: `the bot's ${(bot.cpuMsPerUpdate / capped.cpuMsPerUpdate).toFixed(2)}× this; the peer so ${capped.updatesPerSecond.toFixed(1)} updates/s, RSS after ${capped.after.rss.toFixed(0)} MiB (plainly ${peer.after.rss.toFixed(0)} MiB); a diagnosis, not a target`,
  });
  if (plain) rows.push({
    name: "2 booking traffic: CPU per update, the bot started without its flags (the peer's young generation)",
    value: ms(plain.cpuMsPerUpdate),
    note: `${(plain.cpuMsPerUpdate / peer.cpuMsPerUpdate).toFixed(2)}× the peer's; so ${plain.updatesPerSecond.toFixed(1)} updates/s (ratio ${(plain.updatesPerSecond / peer.updatesPerSecond).toFixed(2)}), RSS after ${plain.after.rss.toFixed(0)} MiB (with its flags ${bot.after.rss.toFixed(0)} MiB); a diagnosis, not a target`,
  });
  if (bot.dbCpuMsPerUpdate !== undefined && peer.dbCpuMsPerUpdate !== undefined) {
    rows.push({
      name: "2 booking traffic: the database server's CPU per update from /proc, bot / peer",
      value: `${ms(bot.dbCpuMsPerUpdate)} / ${ms(peer.dbCpuMsPerUpdate)}`,
      note: "the same server on this machine, so it shares the two cores with the bot and the driver",
    });
  }
  rows.push({ name: "8 start-up: process start → first update answered (empty external DB)", value: `${bot.startupSeconds.toFixed(2)} s`, baseline: `bare grammY ${ceiling.startupSeconds.toFixed(2)} s; peer ${peer.startupSeconds.toFixed(2)} s`, note: "compiled JavaScript, as npm start runs it" });
  results.bookingTraffic = { ...bot, failures: bot.failures.length };
  results.peerTraffic = { ...peer, failures: peer.failures.length };
  if (capped) results.peerTrafficWithBotFlags = { ...capped, flags: START_FLAGS, failures: capped.failures.length };
  if (plain) results.botTrafficWithoutFlags = { ...plain, failures: plain.failures.length };
  Object.assign(summary, {
    botCpuMsPerUpdate: round(bot.cpuMsPerUpdate),
    peerCpuMsPerUpdate: round(peer.cpuMsPerUpdate),
    peerWithBotFlagsCpuMsPerUpdate: capped ? round(capped.cpuMsPerUpdate) : null,
    botWithoutFlagsCpuMsPerUpdate: plain ? round(plain.cpuMsPerUpdate) : null,
    bookingUpdatesPerSecond: round(bot.updatesPerSecond),
    peerUpdatesPerSecond: round(peer.updatesPerSecond),
    ratioToPeer: round(ratio),
    p99Ms: round(botP99),
    peerP99Ms: round(peerP99),
    rssAfterTrafficMiB: round(bot.after.rss),
    startupMs: Math.round(bot.startupSeconds * 1000),
  });

  // Flatness: every customer at the same step, CPU read between steps.
  const lockStep = sizes.lockStepCustomers;
  const botSteps = flatness(await lockStepRun(base, BOT_SCRIPT, botEnv, lockStep, 620_000));
  done("bot lock-step");
  const peerSteps = flatness(await lockStepRun(base, PEER_SCRIPT, peerEnv, lockStep, 620_000));
  done("peer lock-step");
  for (const [who, f] of [["bot", botSteps], ["peer", peerSteps]] as const) {
    rows.push({
      name: `2 lock-step (${lockStep} customers take each step together): CPU per update, first three / last three steps, ${who}`,
      value: `${ms(f.first)} / ${ms(f.last)}`,
      note: `by step: ${f.steps}`,
    });
  }
  results.lockStep = { customers: lockStep, bot: botSteps, peer: peerSteps };
  Object.assign(summary, {
    botCpuMsFirstSteps: round(botSteps.first),
    botCpuMsLastSteps: round(botSteps.last),
    peerCpuMsFirstSteps: round(peerSteps.first),
    peerCpuMsLastSteps: round(peerSteps.last),
  });

  // The same bot with a practice's years of history stored.
  const big = await populate(base);
  done("stored history");
  const telegram2 = new Telegram();
  const root2 = await telegram2.start();
  const bot2 = await startProcess(BOT_SCRIPT, botEnv(big, root2), telegram2);
  await sleep(1000);
  const idleBig = await memoryOf(bot2.pid);
  const run2 = await bookConcurrently(telegram2, sizes.memoryTraffic, 610_000);
  const afterBig = await memoryOf(bot2.pid);
  await bot2.stop();
  await telegram2.stop();
  await dropDatabase(big);
  done("bot with history");
  rows.push({
    name: `7 memory: bot RSS idle / after (2) (${n} customers booked)`,
    value: `${mib(bot.idle.rss)} / ${mib(bot.after.rss)}`,
    baseline: `bare grammY ${mib(ceiling.rssIdle)} / ${mib(ceiling.rssAfter)}; peer ${mib(peer.idle.rss)} / ${mib(peer.after.rss)}`,
    note: `peak ${mib(bot.after.peak)}; target ≤ 150 MB`,
  });
  rows.push({
    name: `7 memory: with ${sizes.memoryCustomers} customers + ${sizes.memoryBookings} bookings stored: idle / after ${sizes.memoryTraffic} bookings`,
    value: `${mib(idleBig.rss)} / ${mib(afterBig.rss)}`,
    note: `peak ${mib(afterBig.peak)}; start-up ${bot2.startupSeconds.toFixed(2)} s; ${run2.failures.length} unfinished, ${run2.seconds.toFixed(0)} s`,
  });
  results.memory = { idle: bot.idle, after: bot.after, idleBig, afterBig, bareIdle: ceiling.rssIdle, bareAfter: ceiling.rssAfter, peerIdle: peer.idle, peerAfter: peer.after, trafficSeconds: run2.seconds };
  results.startup = { seconds: bot.startupSeconds, withHistorySeconds: bot2.startupSeconds, bareSeconds: ceiling.startupSeconds, peerSeconds: peer.startupSeconds };
}

async function countBookings(url: string): Promise<number> {
  const conn = await mongoose.createConnection(url).asPromise();
  const n = await conn.collection("bookings").countDocuments({ status: "confirmed" });
  await conn.close();
  return n;
}

/** 10,000 customers and 50,000 bookings, nearly all of them history (done or cancelled). */
async function populate(base: string): Promise<string> {
  const url = await freshDatabase(base);
  const customers = Array.from({ length: sizes.memoryCustomers }, (_, i) => ({ telegramId: 800_000 + i, language: "fi", lastSeenAt: new Date(NOW) }));
  for (let i = 0; i < customers.length; i += 2000) await CustomerModel.insertMany(customers.slice(i, i + 2000));
  const ids = (await CustomerModel.find({}, { _id: 1 }).lean()).map((c) => c._id);
  const first = DateTime.fromMillis(NOW, { zone }).startOf("day").minus({ years: 12 });
  for (let i = 0; i < sizes.memoryBookings; i += 2000) {
    await BookingModel.insertMany(
      Array.from({ length: Math.min(2000, sizes.memoryBookings - i) }, (_, k) => {
        const n = i + k;
        const start = first.plus({ minutes: n * 120 }).toMillis();
        return {
          ref: `m${n}`, customerId: ids[n % ids.length], serviceId: ids[0],
          service: { name: { fi: "x", sv: "x", en: "x" }, durationMinutes: 60, priceCents: 5500, vatTreatment: "exempt", vatRatePercent: 0 },
          start: new Date(start), end: new Date(start + 3_600_000), bufferEnd: new Date(start + 4_500_000),
          status: n % 10 === 0 ? "cancelled" : "confirmed",
        };
      }),
    );
  }
  return url;
}

/** 5: a broadcast against a fake API that enforces 30 messages/s with 429s. */
async function benchBroadcast(base: string): Promise<void> {
  await freshDatabase(base);
  const n = sizes.broadcastRecipients;
  await CustomerModel.insertMany(Array.from({ length: n }, (_, i) => ({ telegramId: 700_000 + i, language: "fi", lastSeenAt: new Date(NOW) })));
  const customers = await CustomerModel.find({}, { _id: 1 }).lean();
  await ConsentRecordModel.insertMany(customers.map((c) => ({ customerId: c._id, purpose: "marketing", channel: "telegram", action: "granted", wordingVersion: "bench", method: "button", at: new Date(NOW) })));
  const tg = new FakeTelegram();
  const rejected = enforceRateLimit(tg, 30, [ADMIN_ID]);
  const config = testConfig();
  // As the bot wires it: the shared send budget paces the requests, auto-retry sits above it.
  const api = new Api(config.botToken, { fetch: createSendPacer().fetch("bulk", tg.fetch) });
  api.config.use(autoRetry({ maxRetryAttempts: 10, maxDelaySeconds: 120 }));
  const services = createServices(config);
  const broadcaster = createBroadcaster(api, createI18n("fi"), config, services, createLogger("silent"), { progressEvery: 1_000_000 });
  const id = await services.createBroadcast(ADMIN_ID, "Bench offer", new Date(NOW));
  const t0 = performance.now();
  await broadcaster.run(id, "Bench offer", ADMIN_ID);
  const seconds = (performance.now() - t0) / 1000;
  const delivered = tg.callsOf("sendMessage").filter((c) => String(c.payload.text).includes("Bench offer"));
  const perChat = new Map<number, number>();
  for (const c of delivered) perChat.set(Number(c.payload.chat_id), (perChat.get(Number(c.payload.chat_id)) ?? 0) + 1);
  const duplicates = [...perChat.values()].filter((v) => v > 1).length;
  const most = maxInWindow(delivered.map((c) => c.at!));
  // The sending rate: from the first message out to the last. Before the first, the run reads the
  // audience and its consents (once per broadcast, a few seconds on SQLite at this size).
  const stamps = delivered.map((c) => c.at!).sort((a, b) => a - b);
  const sendingSeconds = stamps.length > 1 ? (stamps.at(-1)! - stamps[0]!) / 1000 : seconds;
  const rate = stamps.length > 1 ? (stamps.length - 1) / sendingSeconds : delivered.length / seconds;
  rows.push({
    name: `5 broadcast: ${n} recipients, fake API limits 30 msg/s — achieved msg/s (first to last message)`,
    value: rate.toFixed(1),
    note: `target ≥ 28; most in any 1 s window ${most}; 429s ${rejected()}; duplicates ${duplicates}; ${seconds.toFixed(1)} s in all, ${(seconds - sendingSeconds).toFixed(1)} s of it before the first message and after the last`,
  });
  results.broadcast = { recipients: n, delivered: delivered.length, seconds, sendingSeconds, rejected: rejected(), duplicates, maxPerSecondWindow: most };
  summary.broadcastMsgPerSecond = round(rate);
  summary.broadcastMaxPerSecondWindow = most;
}

/**
 * 9 (issue 16, W6): customers waiting on one day, one cancellation frees a time. The waitlist job
 * (bot/waitlist.ts) matches it and sends the offers through the bot's bulk Api and its shared send
 * budget, against a fake API that enforces Telegram's 30 messages a second with 429s; the figure is
 * the time from the cancellation to the last offer out. Then `pressing` of them press the offered
 * time at once through the bot (createBot, as main.ts wires it), walk to the summary together and
 * confirm at once: exactly one booking of the freed time may come of it. Runs on the real clock, as
 * the bot's handlers read it.
 */
async function benchWaitlist(base: string, waiting: number, pressing: number): Promise<void> {
  await freshDatabase(base);
  const tg = new FakeTelegram();
  const rejected = enforceRateLimit(tg, 30, [ADMIN_ID]);
  const config = testConfig({ RATE_LIMIT_PER_MINUTE: "100000" });
  const services = createServices(config);
  const logger = createLogger("silent");
  const { bot, i18n, bulkApi } = createBot({ config, services, logger }, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  const job = createWaitlistJob(bulkApi, i18n, config, services, logger);
  // A weekday at least two days ahead, clear of the notice period; the freed time is its 10:00.
  let day = DateTime.now().setZone(zone).startOf("day").plus({ days: 2 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  const dayIso = day.toISODate()!;
  const service = (await listActiveServices()).find((s) => s.durationMinutes === 60)!;
  const cancelling = 8_000_000;
  const booking = await bookFor(cancelling, 60, day.set({ hour: 10 }).toMillis(), Date.now());
  const ids = Array.from({ length: waiting }, (_, i) => 8_100_000 + i);
  // Customers who have booked before (as most who wait for a time have): their details are
  // stored, the notice read and marketing asked, so an offer is taken in four presses.
  const crypto = fieldCrypto();
  await CustomerModel.insertMany(
    ids.map((telegramId) => ({
      telegramId,
      language: "fi",
      lastSeenAt: new Date(),
      firstName: "Bench",
      lastName: "Waiting",
      email: crypto.encrypt(`w${telegramId}@example.com`),
      emailHash: crypto.lookupHash(`w${telegramId}@example.com`),
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyAcknowledgedAt: new Date(),
      consentsAskedAt: new Date(),
    })),
  );
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(ids.slice(i, i + 20).map((id) => services.waitlist.join(id, { serviceId: service.id, fromDay: dayIso, toDay: dayIso, part: "any" }, Date.now())));
  }

  const t0 = performance.now();
  await services.cancelBooking(cancelling, booking.ref, Date.now());
  await job.runOnce();
  const offers = tg.callsOf("sendMessage").filter((c) => String(c.payload.text).includes("Aika vapautui"));
  const outSeconds = offers.length > 0 ? (Math.max(...offers.map((c) => c.at!)) - t0) / 1000 : NaN;
  // Until the first offer the job was matching (one offer document per customer and time).
  const firstSeconds = offers.length > 0 ? (Math.min(...offers.map((c) => c.at!)) - t0) / 1000 : NaN;
  const offeredChats = new Set(offers.map((c) => Number(c.payload.chat_id)));
  const most = maxInWindow(offers.map((c) => c.at!));
  rows.push({
    name: `9 waitlist offers: ${waiting} waiting on one day, one cancellation → every offer out (fake API limits 30 msg/s)`,
    value: `${outSeconds.toFixed(1)} s`,
    note: `first out after ${firstSeconds.toFixed(1)} s; ${offers.length} offers to ${offeredChats.size} customers (duplicates ${offers.length - offeredChats.size}); most in any 1 s window ${most}; 429s ${rejected()}; plus up to WAITLIST_CHECK_SECONDS until the job's round`,
  });

  // The race for the freed time: everyone presses the offer's first time (the freed 10:00).
  const customers = ids.slice(0, pressing).map((id) => new TestCustomer(bot, tg, { id, language: "fi" }));
  // Taken from the offer: the booking flow starts at the stored details, then the summary.
  const t1 = performance.now();
  const failures: string[] = [];
  const toSummary = async (c: TestCustomer) => {
    const take = c.buttons().find(([, data]) => data.startsWith("wl:take:"));
    if (!take) throw new Error(`customer ${c.user.id} got no offer`);
    await c.pressData(take[1], tg.latestKeyboardMessage(c.user.id)!.messageId);
    await c.press("Käytä näitä tietoja");
    if (!/Vahvista/.test(c.buttons().map(([label]) => label).join(" "))) throw new Error(`customer ${c.user.id} is not at the summary: ${c.lastText().slice(0, 80)}`);
  };
  const reached = await Promise.all(customers.map((c) => toSummary(c).then(() => true, (error: unknown) => (failures.push(String(error)), false))));
  await Promise.all(customers.filter((_, i) => reached[i]).map((c) => c.press("Vahvista").catch((error: unknown) => failures.push(String(error)))));
  const raceSeconds = (performance.now() - t1) / 1000;
  const dayStart = new Date(day.toMillis());
  const dayEnd = new Date(day.plus({ days: 1 }).toMillis());
  const bookingsOfFreedTime = await BookingModel.countDocuments({ status: "confirmed", start: { $gte: dayStart, $lt: dayEnd } });
  const told = customers.filter((c) => c.texts().some((t) => t.includes("aika ehdittiin jo varata"))).length;
  rows.push({
    name: `9 waitlist race: ${pressing} press the offered time at once and confirm together — bookings of the freed time`,
    value: String(bookingsOfFreedTime),
    note: `must be 1; ${told} told it was taken; ${failures.length} failed${failures[0] ? ` (${failures[0].slice(0, 80)})` : ""}; ${raceSeconds.toFixed(1)} s through the bot`,
  });
  results.waitlist = { waiting, pressing, outSeconds, firstSeconds, offers: offers.length, customersOffered: offeredChats.size, maxPerSecondWindow: most, rejected: rejected(), bookingsOfFreedTime, toldTaken: told, failures: failures.length, raceSeconds };
  Object.assign(summary, { waitlistOffersOutSeconds: round(outSeconds), waitlistOffersSent: offers.length, waitlistBookingsOfFreedTime: bookingsOfFreedTime });
}

async function main(): Promise<void> {
  useFieldCrypto(createFieldCrypto(randomBytes(32)));
  let base = process.env.MONGODB_URI?.trim();
  let stop: (() => Promise<unknown>) | undefined;
  if (!base) {
    const { MongoMemoryServer } = await import("mongodb-memory-server");
    const server = await MongoMemoryServer.create();
    base = server.getUri();
    stop = () => server.stop();
  }
  const started = performance.now();
  const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    process.stderr.write(`${label}…`);
    const result = await fn();
    process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    return result;
  };
  // BENCH_ONLY=3,4 runs some rows only (2 needs 0 and 1, which then run too).
  const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
  const runs = (row: string) => !only || only.includes(row);
  if (runs("2")) only?.push("0", "1");
  const db = runs("0") ? await step("0 database baseline", () => benchDatabase(base)) : undefined;
  const ceiling = runs("1") ? await step("1 framework ceiling", benchCeiling) : undefined;
  if (runs("2") && db && ceiling) await step("2, 7, 8 the bot and the peer as processes", () => benchBotProcess(base, ceiling, db));
  if (runs("3")) await step("3 slot contention", () => benchContention(base, sizes.contentionRounds));
  if (runs("4")) await step("4 availability", () => benchAvailability(base));
  if (runs("5")) await step("5 broadcast", () => benchBroadcast(base));
  if (runs("6")) await step("6 reminders", () => benchReminders(base, sizes.reminders));
  if (runs("9")) await step("9 waitlist", () => benchWaitlist(base, sizes.waitlistWaiting, sizes.waitlistPresses));
  results.sizes = sizes;
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  await stop?.();

  const total = (performance.now() - started) / 1000;
  const cpu = os.cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  rows.sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\nAjanvarausbotti benchmarks — ${machine}; database ${base.replace(/\/\/[^@]*@/, "//")}; ${total.toFixed(0)} s\n`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(width)}  ${r.value.padStart(20)}${r.baseline ? `  [baseline: ${r.baseline}]` : ""}${r.note ? `  ${r.note}` : ""}`);
  }
  await mkdir("bench/results", { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  await writeFile(file, JSON.stringify({ summary, machine, database: base.replace(/\/\/[^@]*@/, "//"), size: sizes.size, totalSeconds: total, rows, results }, null, 2));
  console.log("\nsummary:");
  for (const [key, value] of Object.entries(summary)) console.log(`  ${key.padEnd(30)} ${value ?? "–"}`);
  console.log(`\ntotal ${total.toFixed(0)} s (size ${sizes.size}); written: ${file}`);
  process.exit(0); // the servers' handles are closed; pending timers need not run
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
