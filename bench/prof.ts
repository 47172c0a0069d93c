import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import mongoose from "mongoose";
import { ensureIndexes } from "../src/db/connect.js";
import { BookingModel } from "../src/db/models/booking.js";
import { CustomerModel } from "../src/db/models/customer.js";
import { ConversationStateModel } from "../src/db/models/conversation-state.js";
import { createFieldCrypto, useFieldCrypto } from "../src/services/field-crypto.js";
import { seedDefaults } from "../src/services/seed.js";
import { FakeTelegram } from "../test/helpers/fake-telegram.js";
import { createTestBot, TestCustomer } from "../test/helpers/bot.js";

const zone = "Europe/Helsinki";
const NOW = DateTime.fromISO("2026-11-30T08:00", { zone }).toMillis();
const N = Number(process.env.N ?? 500);
async function main() {
  useFieldCrypto(createFieldCrypto(randomBytes(32)));
  const url = new URL(process.env.MONGODB_URI!); url.pathname = `/prof_${randomBytes(3).toString("hex")}`;
  await mongoose.connect(url.toString(), { monitorCommands: true });
  await ensureIndexes(); await seedDefaults();
  await CustomerModel.insertMany(Array.from({ length: N }, (_, i) => ({ telegramId: 10_000 + i, language: "fi", lastSeenAt: new Date(NOW) })));
  const ids = (await CustomerModel.find({}, { _id: 1 }).lean()).map((c) => c._id);
  const day0 = DateTime.fromMillis(NOW, { zone }).startOf("day");
  await BookingModel.insertMany(ids.map((id, i) => { const s = day0.plus({ days: 1 + (i % 60), hours: 9 }).toMillis() + Math.floor(i / 60) * 1_800_000; return {
    ref: `x${i}`, customerId: id, serviceId: id, service: { name: { fi: "x", sv: "x", en: "x" }, durationMinutes: 15, priceCents: 0, vatTreatment: "exempt", vatRatePercent: 0 },
    start: new Date(s), end: new Date(s + 900_000), bufferEnd: new Date(s + 900_000), status: "confirmed" }; }));
  await ConversationStateModel.insertMany(ids.map((_, i) => ({ _id: `${10_000 + i}`, state: "x".repeat(3000), updatedAt: new Date() })));
  const client = mongoose.connection.getClient();
  const started = new Map<number, { name: string; t: number }>();
  const stats = new Map<string, number[]>();
  let step = "";
  client.on("commandStarted", (e) => { const coll = (e.command as Record<string, unknown>)[e.commandName]; started.set(e.requestId, { name: `${step} ${e.commandName} ${String(coll)}`, t: performance.now() }); });
  client.on("commandSucceeded", (e) => { const s = started.get(e.requestId); if (!s) return; const l = stats.get(s.name) ?? []; l.push(performance.now() - s.t); stats.set(s.name, l); });
  const tg = new FakeTelegram();
  const bot = createTestBot(tg);
  const c = new TestCustomer(bot, tg, { id: 50_000, language: "fi" });
  const realNow = Date.now; Date.now = () => NOW;
  const steps: Array<[string, () => Promise<void>]> = [
    ["book", () => c.send("/book")], ["service", () => c.press("30 min")],
    ["day", async () => { const d = c.buttons().find(([, x]) => x.startsWith("bk:day:"))!; await c.pressData(d[1], tg.latestKeyboardMessage(50_000)!.messageId); }],
    ["time", async () => { const d = c.buttons().find(([, x]) => x.startsWith("bk:time:"))!; await c.pressData(d[1], tg.latestKeyboardMessage(50_000)!.messageId); }],
    ["first", () => c.send("Bench")], ["last", () => c.send("Customer")], ["email", () => c.send("b@example.com")],
    ["skip", () => c.press("Ohita")], ["ack", () => c.press("Olen lukenut")], ["next", () => c.press("Jatka")], ["confirm", () => c.press("Vahvista")],
  ];
  for (const [name, fn] of steps) { step = name.padEnd(8); const t0 = performance.now(); await fn(); console.log(`${name.padEnd(8)} total ${(performance.now() - t0).toFixed(1)} ms`); }
  Date.now = realNow;
  for (const [k, v] of stats) console.log(`${k.padEnd(50)} n=${v.length} sum=${v.reduce((a, b) => a + b, 0).toFixed(1)}`);
  await mongoose.connection.dropDatabase(); await mongoose.disconnect();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
