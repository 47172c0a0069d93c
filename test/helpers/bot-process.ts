import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { ensureIndexes } from "../../src/db/connect.js";
import { TEST_ENV } from "./bot.js";
import { BotApiServer } from "./bot-api-server.js";

/**
 * The bot as its own process (`node --import tsx src/main.ts`, the code `npm start` runs
 * compiled) against a loopback fake Bot API and a database of its own, driven as people would:
 * typed messages and presses of the buttons they were shown. For crash tests: `kill` the process
 * at any point and `start` another.
 */
export function useBotProcess() {
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
  // A test that failed half-way must not leave its bot polling beside the next test's.
  afterEach(async () => {
    await Promise.all(children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => {
      const gone = exitOf(c);
      c.kill("SIGKILL");
      return gone;
    }));
    api.hold = undefined;
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await api.stop();
  });

  const from = (id: number) => ({ id, is_bot: false, first_name: "Asiakas", language_code: "fi" });
  const chat = (id: number) => ({ id, type: "private" as const, first_name: "Asiakas" });

  return {
    api,
    /** Starts a bot process with the test environment plus `env`. */
    start: (env: Record<string, string> = {}): ChildProcess => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: { PATH: process.env.PATH, ...TEST_ENV, MONGODB_URI: databaseUri, BOT_API_ROOT: apiRoot, LOG_LEVEL: "warn", ...env },
        stdio: ["ignore", "ignore", "inherit"],
      });
      children.push(child);
      return child;
    },
    /** Kills a bot process at once (SIGKILL) and waits until it is gone. */
    kill: async (child: ChildProcess): Promise<void> => {
      const gone = exitOf(child);
      child.kill("SIGKILL");
      await gone;
    },
    exitOf,
    sendText: (id: number, text: string): void => {
      api.push({
        message: {
          message_id: Math.floor(Math.random() * 1e9),
          date: Math.floor(Date.now() / 1000),
          chat: chat(id),
          from: from(id),
          text,
          ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.length }] } : {}),
        },
      });
    },
    /** Presses a button (by label, or chosen from the buttons) on the newest message with buttons. */
    press: (id: number, label: string | ((buttons: Array<{ text: string; callback_data?: string }>) => string)): void => {
      const message = api.tg.latestKeyboardMessage(id);
      const buttons = message?.keyboard?.inline_keyboard.flat() ?? [];
      let data: string | undefined;
      try {
        data = typeof label === "string" ? buttons.find((b) => b.text.includes(label))?.callback_data : label(buttons);
      } catch {
        data = undefined;
      }
      if (!message || !data) throw new Error(`customer ${id}: no button ${String(label)} in ${JSON.stringify(buttons.map((b) => b.callback_data))}`);
      api.push({
        callback_query: {
          id: `q${Math.random()}`,
          chat_instance: "c",
          from: from(id),
          data,
          message: { message_id: message.messageId, date: 0, chat: chat(id), text: "" },
        },
      });
    },
    /** Waits until the bot has shown the customer something matching. */
    shown: async (id: number, pattern: RegExp, timeoutMs = 30_000): Promise<void> => {
      await until(() => pattern.test(api.tg.lastText(id)), timeoutMs, () => `customer ${id}: waited for ${String(pattern)}; shown: ${JSON.stringify(api.tg.textsTo(id).slice(-6))}`);
    },
  };
}

/** Resolves when a process has exited, with its exit code. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Waits for a condition (checked every 20 ms), failing with `describe()` after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise((r) => setTimeout(r, 20));
  }
}
