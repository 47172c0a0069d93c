import type { Bot } from "grammy";
import { Writable } from "node:stream";
import { createBot } from "../../src/bot/index.js";
import type { BotContext } from "../../src/bot/context.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createServices } from "../../src/services/index.js";
import { BOT_INFO, callbackUpdate, FakeTelegram, stickerUpdate, textUpdate, type TestUser } from "./fake-telegram.js";

export const ADMIN_ID = 900_001;
/** The key the test setup installs (test/helpers/setup.ts). */
export const TEST_ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

/** The environment tests configure the bot with (the seed notice's business profile). */
export const TEST_ENV: Record<string, string> = {
  BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz",
  ADMIN_IDS: String(ADMIN_ID),
  ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
  BUSINESS_NAME: "Klassinen hieronta Tmi Aija Raiski",
  BUSINESS_ID: "3006642-2",
  BUSINESS_ADDRESS: "Malkasaarentie 52, 61470 Kitinoja",
  BUSINESS_EMAIL: "aija.raiski@example.fi",
  BUSINESS_PHONE: "040 519 6900",
  CONTACT_PERSON: "Aija Raiski",
  PRIVACY_PROCESSORS: "UpCloud Oy: FI",
  // Scripted customers tap faster than people; the flood limit has its own test.
  RATE_LIMIT_PER_MINUTE: "600",
  BACKUP_INTERVAL_HOURS: "0",
};

/** The practice's configuration as tests use it. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ ...TEST_ENV, ...env });
}

/** Collects every log line the bot writes, to check what reaches the logs. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(chunk.toString("utf8"));
    if (process.env.TEST_LOGS) process.stderr.write(chunk);
    callback();
  }
}

/** A bot wired to a fake Telegram, with the real services and database. */
export function createTestBot(tg: FakeTelegram, config: Config = testConfig(), logs = new LogCapture()): Bot<BotContext> {
  const logger = createLogger("debug", logs);
  const { bot } = createBot(
    { config, services: createServices(config), logger },
    { botInfo: BOT_INFO, client: { fetch: tg.fetch } },
  );
  return bot;
}

/** Drives a bot as one customer would: typing, sending stickers and pressing visible buttons. */
export class TestCustomer {
  constructor(
    public bot: Bot<BotContext>,
    readonly tg: FakeTelegram,
    readonly user: TestUser,
  ) {}

  async send(text: string): Promise<void> {
    await this.bot.handleUpdate(textUpdate(this.tg, this.user, text));
  }

  async sticker(): Promise<void> {
    await this.bot.handleUpdate(stickerUpdate(this.tg, this.user));
  }

  /** The buttons of the newest message with buttons, as [text, data]. */
  buttons(): Array<[string, string]> {
    const message = this.tg.latestKeyboardMessage(this.user.id);
    return (message?.keyboard?.inline_keyboard.flat() ?? []).map((b) => [b.text, b.callback_data ?? ""]);
  }

  /** Presses the first button whose label matches, on the newest message with buttons. */
  async press(label: string | RegExp): Promise<void> {
    const message = this.tg.latestKeyboardMessage(this.user.id);
    const button = message?.keyboard?.inline_keyboard
      .flat()
      .find((b) => (typeof label === "string" ? b.text === label || b.text.includes(label) : label.test(b.text)));
    if (!message || !button?.callback_data) {
      throw new Error(`no button ${String(label)} in: ${JSON.stringify(this.buttons())}`);
    }
    await this.pressData(button.callback_data, message.messageId);
  }

  /**
   * Walks a new customer (Finnish) from /book to the booking summary: a service, a day and a time
   * by their button labels, a name and an email, no phone, the notice, no marketing.
   */
  async toSummary({ service = "60 min", day = "ti 1.12.", time = "10.00", email = `c${this.user.id}@example.com` } = {}): Promise<void> {
    await this.send("/book");
    await this.press(service);
    await this.press(day);
    await this.press(time);
    await this.send("Testi");
    await this.send("Asiakas");
    await this.send(email);
    await this.press("Ohita");
    await this.press("Olen lukenut");
    await this.press("Jatka");
  }

  /** Sends a button press with any data on any message (for stale and forged presses). */
  async pressData(data: string, messageId: number): Promise<void> {
    await this.bot.handleUpdate(callbackUpdate(this.tg, this.user, data, messageId));
  }

  lastText(): string {
    return this.tg.lastText(this.user.id);
  }

  texts(): string[] {
    return this.tg.textsTo(this.user.id);
  }
}
