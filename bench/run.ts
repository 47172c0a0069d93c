/**
 * `npm run bench`: figures for the booking paths, printed as one table and written to
 * bench/results/<timestamp>.json. Needs MONGODB_URI (any MongoDB or FerretDB); without it a
 * MongoDB is started through mongodb-memory-server. Nothing here is asserted: it measures.
 */
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { autoRetry } from "@grammyjs/auto-retry";
import { run } from "@grammyjs/runner";
import { Api, Bot } from "grammy";
import { DateTime } from "luxon";
import mongoose from "mongoose";
import { createBroadcaster } from "../src/bot/broadcast.js";
import { createBot } from "../src/bot/index.js";
import { createI18n } from "../src/bot/i18n.js";
import { ConsentRecordModel } from "../src/db/models/consent.js";
import { createReminderJob } from "../src/bot/reminders.js";
import { ensureIndexes } from "../src/db/connect.js";
import { BookingModel } from "../src/db/models/booking.js";
import { CustomerModel } from "../src/db/models/customer.js";
import { availableSlots } from "../src/domain/availability.js";
import { createLogger } from "../src/logger.js";
import { bookAppointment, freeSlots } from "../src/services/booking.js";
import { listActiveServices } from "../src/services/catalog.js";
import { createFieldCrypto, useFieldCrypto } from "../src/services/field-crypto.js";
import { createServices } from "../src/services/index.js";
import { DEFAULT_WEEKLY_HOURS, seedDefaults } from "../src/services/seed.js";
import { BotApiServer } from "../test/helpers/bot-api-server.js";
import { BOT_INFO, enforceRateLimit, FakeTelegram, type ApiCall } from "../test/helpers/fake-telegram.js";
import { ADMIN_ID, createTestBot, LogCapture, TestCustomer, testConfig } from "../test/helpers/bot.js";

const zone = "Europe/Helsinki";
const NOW = DateTime.fromISO("2026-11-30T08:00", { zone }).toMillis();

type Row = { name: string; value: string; baseline?: string; note?: string };
const rows: Row[] = [];
const results: Record<string, unknown> = {};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function timeIt(runs: number, fn: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

async function freshDatabase(base: string): Promise<void> {
  if (mongoose.connection.readyState === mongoose.ConnectionStates.connected) {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  }
  const url = new URL(base);
  url.pathname = `/bench_${randomBytes(4).toString("hex")}`;
  await mongoose.connect(url.toString());
  await ensureIndexes();
  await seedDefaults();
}

/** 2,000 existing bookings over the next 60 days, as busy intervals and as documents. */
function existingBookings(): Array<{ start: number; end: number }> {
  const busy: Array<{ start: number; end: number }> = [];
  const day0 = DateTime.fromMillis(NOW, { zone }).startOf("day");
  for (let d = 1; busy.length < 2000; d++) {
    const day = day0.plus({ days: d });
    if (day.weekday > 5) continue;
    for (let k = 0; k < 40 && busy.length < 2000; k++) {
      const start = day.set({ hour: 9 }).toMillis() + k * 12 * 60_000;
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
  rows.push({ name: "4 availability, pure (60 days, 2,000 bookings) p50 / p99", value: `${ms(percentile(pure, 50))} / ${ms(percentile(pure, 99))}`, note: "target p99 ≤ 5 ms" });

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
  const viaDb = await timeIt(50, () => freeSlots(settings, service, NOW));
  rows.push({ name: "4 availability through the database p50 / p99", value: `${ms(percentile(viaDb, 50))} / ${ms(percentile(viaDb, 99))}`, baseline: `pure ${ms(percentile(pure, 50))}` });
  results.availability = { pureMs: pure, databaseMs: viaDb };
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
}

async function benchConversation(base: string, customers: number, report = true): Promise<void> {
  if (report) await freshDatabase(base);
  else await seedDefaults();
  const tg = new FakeTelegram();
  const bot = createTestBot(tg);
  const perUpdate: number[] = [];
  const wrap = async (fn: () => Promise<void>) => {
    const t0 = performance.now();
    await fn();
    perUpdate.push(performance.now() - t0);
  };
  const realNow = Date.now;
  Date.now = () => NOW; // the conversations' clock
  try {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: customers }, async (_, i) => {
        const c = new TestCustomer(bot, tg, { id: 50_000 + i, language: "fi" });
        await wrap(() => c.send("/book"));
        await wrap(() => c.press("30 min"));
        const days = c.buttons().filter(([, d]) => d.startsWith("bk:day:"));
        await wrap(() => c.pressData(days[i % days.length]![1], tg.latestKeyboardMessage(c.user.id)!.messageId));
        const times = c.buttons().filter(([, d]) => d.startsWith("bk:time:"));
        // A different day or an hour apart for each customer: nobody competes for a time here.
        await wrap(() => c.pressData(times[(Math.floor(i / days.length) * 4) % times.length]![1], tg.latestKeyboardMessage(c.user.id)!.messageId));
        await wrap(() => c.send("Bench"));
        await wrap(() => c.send("Customer"));
        await wrap(() => c.send(`bench${i}@example.com`));
        await wrap(() => c.press("Ohita"));
        await wrap(() => c.press("Olen lukenut"));
        await wrap(() => c.press("Jatka"));
        await wrap(() => c.press("Vahvista"));
      }),
    );
    const elapsed = performance.now() - t0;
    const booked = await BookingModel.countDocuments({ status: "confirmed" });
    if (!report) return;
    rows.push({ name: `booking conversations: ${customers} customers concurrently (handleUpdate), updates/s`, value: (perUpdate.length / (elapsed / 1000)).toFixed(0), note: `${booked} booked` });
    rows.push({ name: "booking conversations: latency per update p50 / p99", value: `${ms(percentile(perUpdate, 50))} / ${ms(percentile(perUpdate, 99))}`, note: "target p99 ≤ 50 ms (issue 7 wants it through the runner)" });
    results.conversation = { customers, updates: perUpdate.length, elapsedMs: elapsed, booked, latencyMs: perUpdate };
  } finally {
    Date.now = realNow;
  }
}


const sizes = {
  contentionRounds: Number(process.env.BENCH_CONTENTION_ROUNDS ?? 20),
  customers: Number(process.env.BENCH_CUSTOMERS ?? 30),
  broadcastRecipients: Number(process.env.BENCH_BROADCAST ?? 300),
  memoryCustomers: Number(process.env.BENCH_MEMORY_CUSTOMERS ?? 10_000),
  memoryBookings: Number(process.env.BENCH_MEMORY_BOOKINGS ?? 50_000),
  ceilingUpdates: Number(process.env.BENCH_CEILING_UPDATES ?? 3000),
};

/** Pushes `count` text updates from `chats` chats and waits for every reply; returns timings. */
async function driveRunner(
  server: BotApiServer,
  count: number,
  chats: number,
  isReply: (call: ApiCall) => boolean,
): Promise<{ seconds: number; latencies: number[] }> {
  const pushedAt = new Map<number, number>();
  const before = server.tg.calls.length;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const chat = 900_000 + (i % chats);
    pushedAt.set(i, performance.now());
    server.push({
      message: { message_id: i, date: 0, chat: { id: chat, type: "private", first_name: "b" }, from: { id: chat, is_bot: false, first_name: "b" }, text: `ping ${i}` },
    });
  }
  while (server.tg.calls.slice(before).filter(isReply).length < count) await sleep(5);
  const seconds = (performance.now() - t0) / 1000;
  const latencies = server.tg.calls
    .slice(before)
    .filter(isReply)
    .map((c) => c.at! - (pushedAt.get(Number(/ping (\d+)/.exec(String(c.payload.text))?.[1])) ?? c.at!));
  return { seconds, latencies };
}

async function benchCeiling(): Promise<{ updatesPerSecond: number; p50: number; p99: number }> {
  const server = new BotApiServer();
  const root = await server.start();
  const bot = new Bot("123456:TEST-token-abcdefghijklmnopqrstuvwxyz", { botInfo: BOT_INFO, client: { apiRoot: root } });
  bot.on("message:text", (ctx) => ctx.reply(`pong ${ctx.message.text}`));
  const runner = run(bot);
  const { seconds, latencies } = await driveRunner(server, sizes.ceilingUpdates, 200, (c) => c.method === "sendMessage");
  await runner.stop();
  await server.stop();
  const result = { updatesPerSecond: sizes.ceilingUpdates / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  rows.push({ name: `1 framework ceiling: bare grammY + runner over loopback (${sizes.ceilingUpdates} updates), updates/s`, value: result.updatesPerSecond.toFixed(0) });
  rows.push({ name: "1 framework ceiling: latency p50 / p99 (push → reply)", value: `${ms(result.p50)} / ${ms(result.p99)}` });
  results.ceiling = result;
  return result;
}

/** 2: whole booking conversations through the real bot, runner, database and a loopback API. */
async function benchBookingTraffic(base: string, ceiling: { updatesPerSecond: number }): Promise<void> {
  await freshDatabase(base);
  const server = new BotApiServer();
  const root = await server.start();
  const logs = new LogCapture();
  const config = testConfig({ BOT_API_ROOT: root, RATE_LIMIT_PER_MINUTE: "100000" });
  const { bot } = createBot({ config, services: createServices(config), logger: createLogger("debug", logs) }, { botInfo: BOT_INFO });
  const runner = run(bot);
  const tg = server.tg;
  const n = sizes.customers;
  let stalled = 0;
  const waitFor = async (id: number, pattern: RegExp) => {
    const deadline = performance.now() + 120_000;
    while (!pattern.test(tg.lastText(id))) {
      if (performance.now() > deadline) {
        stalled++;
        throw new Error(`customer ${id} waited 120 s for ${String(pattern)}; last: ${tg.lastText(id).slice(0, 80)}`);
      }
      await sleep(5);
    }
  };
  const pressOn = (id: number, pick: (data: string[]) => string | undefined) => {
    const message = tg.latestKeyboardMessage(id)!;
    const data = pick(message.keyboard!.inline_keyboard.flat().map((b) => b.callback_data ?? ""))!;
    server.push({ callback_query: { id: `q${Math.random()}`, chat_instance: "c", from: { id, is_bot: false, first_name: "b", language_code: "fi" }, data, message: { message_id: message.messageId, date: 0, chat: { id, type: "private", first_name: "b" }, text: "" } } });
  };
  const say = (id: number, text: string) =>
    server.push({ message: { message_id: 1, date: 0, chat: { id, type: "private", first_name: "b" }, from: { id, is_bot: false, first_name: "b", language_code: "fi" }, text, ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.length }] } : {}) } });
  const t0 = performance.now();
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const id = 600_000 + i;
      try {
      say(id, "/book");
      await waitFor(id, /Minkä hoidon/);
      pressOn(id, (d) => d.find((x) => x.startsWith("bk:svc:")));
      await waitFor(id, /valitse päivä/);
      const dayIndex = i % 8;
      pressOn(id, (d) => d.filter((x) => x.startsWith("bk:day:"))[dayIndex]);
      await waitFor(id, /valitse kellonaika/);
      pressOn(id, (d) => { const t = d.filter((x) => x.startsWith("bk:time:")); return t[(Math.floor(i / 8) * 3) % t.length]; });
      await waitFor(id, /etunimesi/);
      say(id, "Bench");
      await waitFor(id, /sukunimesi/);
      say(id, "Customer");
      await waitFor(id, /sähköpostiosoitteesi/);
      say(id, `b${i}@example.com`);
      await waitFor(id, /puhelinnumerosi/);
      pressOn(id, (d) => d.find((x) => x === "bk:skip"));
      await waitFor(id, /privacy/);
      pressOn(id, (d) => d.find((x) => x === "bk:ack"));
      await waitFor(id, /uutisia/);
      pressOn(id, (d) => d.find((x) => x === "bk:next"));
      await waitFor(id, /Tarkista/);
      pressOn(id, (d) => d.find((x) => x === "bk:confirm"));
      await waitFor(id, /Aikasi on varattu|joku ehti/);
      } catch (error) {
        failures.push(String(error));
      }
    }),
  );
  if (failures.length > 0) process.stderr.write(`\n${failures.slice(0, 3).join("\n")}\n`);
  const seconds = (performance.now() - t0) / 1000;
  await runner.stop();
  await server.stop();
  const handled = logs.lines.map((l) => JSON.parse(l) as { msg?: string; ms?: number }).filter((l) => l.msg === "update handled").map((l) => l.ms ?? 0);
  const rate = handled.length / seconds;
  const booked = await BookingModel.countDocuments({ status: "confirmed" });
  rows.push({ name: `2 booking traffic: ${n} customers, whole bookings via runner + DB, updates/s`, value: rate.toFixed(1), baseline: `ceiling ${ceiling.updatesPerSecond.toFixed(0)}/s, ratio ${(rate / ceiling.updatesPerSecond).toFixed(3)}`, note: `${booked} booked, ${stalled} stalled; target ratio ≥ 0.5` });
  rows.push({ name: "2 booking traffic: server-side latency per update p50 / p99", value: `${ms(percentile(handled, 50))} / ${ms(percentile(handled, 99))}`, note: "target p99 ≤ 50 ms" });
  results.bookingTraffic = { customers: n, seconds, updates: handled.length, latencyMs: handled, booked };
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
  const api = new Api(config.botToken, { fetch: tg.fetch });
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
  rows.push({ name: `5 broadcast: ${n} recipients, fake API limits 30 msg/s — achieved msg/s`, value: (delivered.length / seconds).toFixed(1), note: `target ≥ 28; 429s ${rejected()}; duplicates ${duplicates}; ${seconds.toFixed(1)} s` });
  results.broadcast = { recipients: n, delivered: delivered.length, seconds, rejected: rejected(), duplicates };
}

/** 7: resident memory, idle and after a booking run with many customers and bookings stored. */
async function benchMemory(base: string): Promise<void> {
  await freshDatabase(base);
  const idle = process.memoryUsage().rss;
  const customerDocs = Array.from({ length: sizes.memoryCustomers }, (_, i) => ({ telegramId: 800_000 + i, language: "fi", lastSeenAt: new Date(NOW) }));
  for (let i = 0; i < customerDocs.length; i += 2000) await CustomerModel.insertMany(customerDocs.slice(i, i + 2000));
  const ids = (await CustomerModel.find({}, { _id: 1 }).lean()).map((c) => c._id);
  const day0 = DateTime.fromMillis(NOW, { zone }).startOf("day").minus({ days: 400 });
  for (let i = 0; i < sizes.memoryBookings; i += 2000) {
    await BookingModel.insertMany(
      Array.from({ length: Math.min(2000, sizes.memoryBookings - i) }, (_, k) => {
        const n = i + k;
        const start = day0.plus({ minutes: n * 12 }).toMillis();
        return {
          ref: `m${n}`, customerId: ids[n % ids.length], serviceId: ids[0],
          service: { name: { fi: "x", sv: "x", en: "x" }, durationMinutes: 30, priceCents: 3500, vatTreatment: "exempt", vatRatePercent: 0 },
          start: new Date(start), end: new Date(start + 1_800_000), bufferEnd: new Date(start + 1_800_000), status: "cancelled",
        };
      }),
    );
  }
  const before = process.memoryUsage().rss;
  await benchConversation(base, 50, false);
  const after = process.memoryUsage().rss;
  rows.push({ name: `7 memory: RSS idle / with ${sizes.memoryCustomers} customers + ${sizes.memoryBookings} bookings stored / after 50 bookings`, value: `${(idle / 2 ** 20).toFixed(0)} / ${(before / 2 ** 20).toFixed(0)} / ${(after / 2 ** 20).toFixed(0)} MiB`, note: "target ≤ 150 MB (bench process includes vitest-free harness)" });
  results.memory = { idle, before, after };
}

/** 8: process start to first update answered, with an external database. */
async function benchStartup(base: string): Promise<void> {
  const server = new BotApiServer();
  const root = await server.start();
  const url = new URL(base);
  url.pathname = `/bench_${randomBytes(4).toString("hex")}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH, BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", ADMIN_IDS: "1", ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      BUSINESS_NAME: "X", BUSINESS_ID: "3006642-2", BUSINESS_ADDRESS: "A", BUSINESS_EMAIL: "a@example.fi", BUSINESS_PHONE: "1", CONTACT_PERSON: "C",
      MONGODB_URI: url.toString(), BOT_API_ROOT: root, LOG_LEVEL: "silent", BACKUP_INTERVAL_HOURS: "0",
    },
    stdio: "ignore",
  });
  server.push({ message: { message_id: 1, date: 0, chat: { id: 5, type: "private", first_name: "b" }, from: { id: 5, is_bot: false, first_name: "b" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } });
  while (server.tg.callsOf("sendMessage", 5).length === 0) await sleep(10);
  const seconds = (performance.now() - t0) / 1000;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await server.stop();
  const conn = await mongoose.createConnection(url.toString()).asPromise();
  await conn.dropDatabase();
  await conn.close();
  rows.push({ name: "8 start-up: process start → first update answered (external DB)", value: `${seconds.toFixed(2)} s`, note: "includes tsx compiling the sources" });
  results.startup = { seconds };
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
  const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    process.stderr.write(`${label}…`);
    const result = await fn();
    process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    return result;
  };
  const ceiling = await step("1 framework ceiling", benchCeiling);
  await step("2 booking traffic", () => benchBookingTraffic(base, ceiling));
  await step("3 slot contention", () => benchContention(base, sizes.contentionRounds));
  await step("4 availability", () => benchAvailability(base));
  await step("5 broadcast", () => benchBroadcast(base));
  await step("6 reminders", () => benchReminders(base, 1000));
  await step("7 memory", () => benchMemory(base));
  await step("8 start-up", () => benchStartup(base));
  results.sizes = sizes;
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  await stop?.();

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`;
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\nAjanvarausbotti benchmarks — ${machine}\n`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.value.padStart(22)}${r.baseline ? `  (baseline ${r.baseline})` : ""}${r.note ? `  ${r.note}` : ""}`);
  await mkdir("bench/results", { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  await writeFile(file, JSON.stringify({ machine, database: base.replace(/\/\/[^@]*@/, "//"), rows, results }, null, 2));
  console.log(`\nwritten: ${file}`);
  process.exit(0); // the runner's and servers' handles are closed; pending timers need not run
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
