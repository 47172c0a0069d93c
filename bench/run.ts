/**
 * `npm run bench`: figures for the booking paths, printed as one table and written to
 * bench/results/<timestamp>.json. Needs MONGODB_URI (any MongoDB or FerretDB); without it a
 * MongoDB is started through mongodb-memory-server. Nothing here is asserted: it measures.
 */
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { Bot } from "grammy";
import { DateTime } from "luxon";
import mongoose from "mongoose";
import { createI18n } from "../src/bot/i18n.js";
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
import { BOT_INFO, FakeTelegram } from "../test/helpers/fake-telegram.js";
import { createTestBot, TestCustomer, testConfig } from "../test/helpers/bot.js";

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
  rows.push({ name: "availability, pure (60 days, 2,000 bookings) p50 / p99", value: `${ms(percentile(pure, 50))} / ${ms(percentile(pure, 99))}`, note: "target p99 ≤ 5 ms" });

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
  rows.push({ name: "availability through the database p50 / p99", value: `${ms(percentile(viaDb, 50))} / ${ms(percentile(viaDb, 99))}`, baseline: `pure ${ms(percentile(pure, 50))}` });
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
  rows.push({ name: `slot contention: 50 confirms × ${rounds} rounds, double bookings`, value: String(doubleBookings), note: "must be 0" });
  rows.push({ name: "slot contention: confirm latency p50 / p99", value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}` });
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
    name: `reminders: ${count} due at once, 2 instances — sent / duplicates`,
    value: `${sentAt.size} / ${sends - sentAt.size}`,
    note: `all out in ${(total / 1000).toFixed(1)} s (fake API, no rate limit)`,
  });
  rows.push({ name: "reminders: lateness after the due round starts p50 / p99", value: `${(percentile(lateness, 50) / 1000).toFixed(2)} s / ${(percentile(lateness, 99) / 1000).toFixed(2)} s`, note: "plus up to REMINDER_CHECK_SECONDS (30 s)" });
  results.reminders = { count, sent: sentAt.size, calls: sends, totalMs: total };
}

async function benchConversation(base: string, customers: number): Promise<void> {
  await freshDatabase(base);
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
    rows.push({ name: `booking conversations: ${customers} customers concurrently (handleUpdate), updates/s`, value: (perUpdate.length / (elapsed / 1000)).toFixed(0), note: `${booked} booked` });
    rows.push({ name: "booking conversations: latency per update p50 / p99", value: `${ms(percentile(perUpdate, 50))} / ${ms(percentile(perUpdate, 99))}`, note: "target p99 ≤ 50 ms (issue 7 wants it through the runner)" });
    results.conversation = { customers, updates: perUpdate.length, elapsedMs: elapsed, booked, latencyMs: perUpdate };
  } finally {
    Date.now = realNow;
  }
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
  // Defaults sized to finish in a few minutes on FerretDB; issue 7's sizes are 200 and 500.
  const rounds = Number(process.env.BENCH_CONTENTION_ROUNDS ?? 20);
  await benchAvailability(base);
  await benchContention(base, rounds);
  await benchReminders(base, 1000);
  await benchConversation(base, Number(process.env.BENCH_CUSTOMERS ?? 50));
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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
