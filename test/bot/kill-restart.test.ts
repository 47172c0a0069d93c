import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureIndexes } from "../../src/db/connect.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { TEST_ENV } from "../helpers/bot.js";
import { BotApiServer } from "../helpers/bot-api-server.js";

const api = new BotApiServer();
const children: ChildProcess[] = [];
let apiRoot = "";
let databaseUri = "";

beforeAll(async () => {
  apiRoot = await api.start();
  const url = new URL(inject("mongodbUri"));
  url.pathname = `/t_${randomBytes(6).toString("hex")}`;
  databaseUri = url.toString();
  await mongoose.connect(databaseUri);
  await ensureIndexes();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
  await api.stop();
});

/** Starts the bot from its sources (`npm start` runs the same code compiled) as its own process, against the fake API over loopback. */
function startBot(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH, ...TEST_ENV, MONGODB_URI: databaseUri, BOT_API_ROOT: apiRoot, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

const CUSTOMERS = Array.from({ length: 20 }, (_, i) => 70_000 + i);

function from(id: number) {
  return { id, is_bot: false, first_name: "Asiakas", language_code: "fi" };
}
function sendText(id: number, text: string) {
  api.push({
    message: {
      message_id: Math.floor(Math.random() * 1e9),
      date: Math.floor(Date.now() / 1000),
      chat: { id, type: "private", first_name: "Asiakas" },
      from: from(id),
      text,
      ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.length }] } : {}),
    },
  });
}
function press(id: number, label: string | ((buttons: Array<{ text: string; callback_data?: string }>) => string)) {
  const message = api.tg.latestKeyboardMessage(id);
  const buttons = message?.keyboard?.inline_keyboard.flat() ?? [];
  const data =
    typeof label === "string" ? buttons.find((b) => b.text.includes(label))?.callback_data : label(buttons);
  if (!message || !data) throw new Error(`customer ${id}: no button ${String(label)} in ${JSON.stringify(buttons.map((b) => b.text))}`);
  api.push({
    callback_query: {
      id: `q${Math.random()}`,
      chat_instance: "c",
      from: from(id),
      data,
      message: { message_id: message.messageId, date: 0, chat: { id, type: "private", first_name: "Asiakas" }, text: "" },
    },
  });
}
/** Waits until the bot has shown the customer something matching. */
async function shown(id: number, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(api.tg.lastText(id))) {
    if (Date.now() > deadline) throw new Error(`customer ${id}: waited for ${String(pattern)}, last: ${api.tg.lastText(id)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
async function all(step: (id: number, i: number) => Promise<void>): Promise<void> {
  await Promise.all(CUSTOMERS.map((id, i) => step(id, i)));
}
function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("crash and restart (O4)", () => {
  it("SIGKILL in the middle of 20 concurrent bookings: after a restart every one continues and completes, none lost or doubled", async () => {
    let bot = startBot();
    await all(async (id) => {
      sendText(id, "/book");
      await shown(id, /Minkä hoidon/, 60_000);
      press(id, "30 min");
      await shown(id, /valitse päivä/);
    });
    await all(async (id, i) => {
      // Two days a page apart never share a time: customers 0–9 on the 2nd day shown, 10–19 on the 3rd.
      press(id, (buttons) => buttons.filter((b) => b.callback_data?.startsWith("bk:day:"))[1 + Math.floor(i / 10)]!.callback_data!);
      await shown(id, /valitse kellonaika/);
      press(id, (buttons) => buttons.filter((b) => b.callback_data?.startsWith("bk:time:"))[(i % 10) * 3]!.callback_data!);
      await shown(id, /etunimesi/);
      sendText(id, "Testi");
      await shown(id, /sukunimesi/);
      sendText(id, `Asiakas-${String.fromCharCode(65 + i)}`); // names have no digits
      await shown(id, /sähköpostiosoitteesi/);
    });

    // Every conversation is mid-flow; the next answers are on their way when the process dies.
    for (const id of CUSTOMERS) sendText(id, `asiakas${id}@example.com`);
    await new Promise((r) => setTimeout(r, 150));
    bot.kill("SIGKILL");
    await exitOf(bot);

    bot = startBot();
    await new Promise((r) => setTimeout(r, 2000));
    await all(async (id) => {
      // Where a process died, the customer may see a prompt whose step was never saved, or no
      // answer at all: they go on as a person would — press Skip, or type the email again when
      // the bot shows that it still waits for it — until the privacy step appears.
      const deadline = Date.now() + 60_000;
      let last = "";
      while (!/privacy/.test(api.tg.lastText(id))) {
        if (Date.now() > deadline) throw new Error(`customer ${id} stuck at: ${api.tg.lastText(id)}`);
        const text = api.tg.lastText(id);
        if (text !== last) {
          last = text;
          if (/puhelinnumerosi/.test(text)) press(id, "Ohita");
          else if (/sähköpostiosoitteesi/.test(text)) sendText(id, `asiakas${id}@example.com`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      press(id, "Olen lukenut");
      await shown(id, /Jatka|uutisia/);
      press(id, "Jatka");
      await shown(id, /Tarkista varauksesi/);
      press(id, "Vahvista");
      await shown(id, /Aikasi on varattu/);
    });

    const bookings = await BookingModel.find({ status: "confirmed" }).lean();
    expect(bookings).toHaveLength(20);
    expect(new Set(bookings.map((b) => b.customerId.toHexString())).size).toBe(20);
    for (const id of CUSTOMERS) {
      expect(api.tg.textsTo(id).filter((t) => t.includes("Aikasi on varattu")), String(id)).toHaveLength(1);
    }

    // Graceful stop: SIGTERM lets the process finish and exit cleanly.
    bot.kill("SIGTERM");
    expect(await exitOf(bot)).toBe(0);
  }, 240_000);
});
