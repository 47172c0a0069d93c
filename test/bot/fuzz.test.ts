import mongoose from "mongoose";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { setMarketingConsent } from "../../src/services/privacy.js";
import { ADMIN_COMMANDS } from "../../src/bot/commands.js";
import { createTestBot, LogCapture } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor } from "../helpers/fixtures.js";

useTestDatabase();
const NOW = at("2026-11-30T08:00");
const suite = useBotSuite(NOW);

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    text: (length: number) => Array.from({ length }, () => String.fromCodePoint(32 + Math.floor(next() * 0x2fff))).join(""),
  };
}

/**
 * What an attacker must not be able to change: the existing customers and everything about them,
 * the schedule and the services. (Attackers are customers too: their own records may change.)
 */
async function protectedState(): Promise<string> {
  const db = mongoose.connection.db!;
  const customers = await db.collection("customers").find({ telegramId: { $lt: 20_000 } }, { projection: { updatedAt: 0 } }).sort({ _id: 1 }).toArray();
  const victims = { customerId: { $in: customers.map((c) => c._id) } };
  const parts = [JSON.stringify(customers)];
  for (const [name, filter] of [
    ["bookings", {}], ["slot_claims", {}], ["payments", {}], ["services", {}], ["weekly_hours", {}], ["schedule_exceptions", {}],
    ["consent_records", victims], ["data_requests", victims], ["audit_entries", victims],
  ] as const) {
    parts.push(JSON.stringify(await db.collection(name).find(filter).sort({ _id: 1 }).toArray()));
  }
  return parts.join("\n");
}

describe("fuzzing (O5)", () => {
  it("2,500 random, malformed and hostile updates cause no unhandled error and change nobody's data", async () => {
    const victims = [11_001, 11_002, 11_003];
    const refs: string[] = [];
    const ids: string[] = [];
    for (const [i, id] of victims.entries()) {
      const b = await bookFor(id, 60, at(`2026-12-0${i + 2}T10:00`), NOW);
      refs.push(b.ref);
      ids.push(b.id);
      await setMarketingConsent(id, "telegram", true, "button", new Date(NOW));
    }
    const before = await protectedState();
    const logs = new LogCapture();
    const bot = createTestBot(suite.tg, undefined, logs);
    const r = random(20261125);
    const attackers = Array.from({ length: 40 }, (_, i) => 30_000 + i);
    const commands = ["/start", "/book", "/mybookings", "/profile", "/marketing", "/unsubscribe", "/mydata", "/deleteme", "/privacy", "/language", "/help", "/cancel", ...ADMIN_COMMANDS.map((c) => `/${c}`)];
    const data = () =>
      r.pick([
        `mb:yes:${r.pick(refs)}`, `mb:move:${r.pick(refs)}`, `mb:cancel:${r.pick(refs)}`, `ad:att:${r.pick(ids)}`, `ad:cx:${r.pick(ids)}`,
        `ad:dt:${r.pick(ids)}`, `ad:pm:${r.pick(ids)}:cash`, `ad:cu:${r.pick(ids)}`, `ad:uns:${r.pick(ids)}`, `bk:svc:${r.pick(ids)}`,
        `bk:time:${r.int(2e12)}`, `bk:day:2026-12-0${r.int(9)}`, "bk:confirm", "bk:back", "bk:cancel", "mk:t:telegram", "mk:stop",
        "menu:book", "lang:fi", "pf:edit:email", "rt:keep", r.text(r.int(70)), "", "x".repeat(64),
      ]);
    let messageId = 1;
    const updates: Update[] = [];
    for (let i = 0; i < 2500; i++) {
      const from = { id: r.pick(attackers), is_bot: false, first_name: r.text(5), language_code: r.pick(["fi", "sv", "en", "de", ""]) };
      const privateChat = { id: from.id, type: "private" as const, first_name: "x" };
      const chat = r.next() < 0.1 ? { id: -100 - r.int(5), type: "group" as const, title: "g" } : privateChat;
      const text = r.pick([r.pick(commands), `${r.pick(commands)} ${r.text(r.int(20))}`, r.text(r.int(300)), r.text(5000), r.pick(victims.map(String))]);
      const base = { message_id: messageId++, date: Math.floor(NOW / 1000), chat, from };
      const kind = r.int(8);
      const update: Record<string, unknown> = { update_id: 100_000 + i };
      if (kind <= 2) update.message = { ...base, text, ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] } : {}) };
      else if (kind <= 5) update.callback_query = { id: `q${i}`, chat_instance: "c", from, data: data(), message: { ...base, chat: privateChat, text: "" } };
      else if (kind === 6) update.message = { ...base, sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } };
      else update[r.pick(["edited_message", "channel_post"])] = { ...base, text, ...(r.next() < 0.5 ? {} : { from: undefined }) };
      updates.push(update as unknown as Update);
    }
    for (const update of updates) await bot.handleUpdate(update);
    // Also a redelivery of a sample: nothing may happen twice.
    for (const update of updates.slice(0, 50)) await bot.handleUpdate(update);

    const errors = logs.lines.filter((l) => l.includes('"level":50'));
    expect(errors, errors.slice(0, 3).join("\n")).toEqual([]);
    expect(await protectedState()).toBe(before);
    expect(suite.tg.calls.length).toBeGreaterThan(1500);
  }, 180_000);
});
