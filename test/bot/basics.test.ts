import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/commands.js";
import { createBot } from "../../src/bot/index.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { createLogger } from "../../src/logger.js";
import { createServices } from "../../src/services/index.js";
import { createTestBot, LogCapture, TestCustomer, testConfig } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { BOT_INFO } from "../helpers/fake-telegram.js";

useTestDatabase();

const zone = "Europe/Helsinki";
const NOW = DateTime.fromISO("2026-11-30T08:00", { zone }).toJSDate();

const suite = useBotSuite(NOW);

describe("/start, languages and unknown input", () => {
  it("greets in the language Telegram reports, stores it once, and falls back to Finnish", async () => {
    const bot = createTestBot(suite.tg);
    const swede = new TestCustomer(bot, suite.tg, { id: 6001, language: "sv-FI" });
    await swede.send("/start");
    expect(swede.lastText()).toContain("Hej! Här kan du boka");
    expect(swede.buttons().map(([t]) => t)).toEqual(["📅 Boka en tid", "🗓 Mina bokningar", "🔒 Dataskydd"]);
    expect((await CustomerModel.findOne({ telegramId: 6001 }).lean())?.language).toBe("sv");

    const german = new TestCustomer(bot, suite.tg, { id: 6002, language: "de" });
    await german.send("/start");
    expect(german.lastText()).toContain("Hei! Täällä voit varata");

    const english = new TestCustomer(bot, suite.tg, { id: 6003, language: "en" });
    await english.send("/start");
    expect(english.lastText()).toContain("Hello!");
  });

  it("/language changes the stored language and every later reply follows it", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 6004, language: "fi" });
    await customer.send("/language");
    expect(customer.buttons().map(([t]) => t)).toEqual(["Suomi", "Svenska", "English"]);
    await customer.press("English");
    expect(customer.lastText()).toBe("I will speak English with you from now on.");
    expect((await CustomerModel.findOne({ telegramId: 6004 }).lean())?.language).toBe("en");
    // Telegram still says Finnish; the stored choice wins, inside the booking flow too.
    await customer.send("/book");
    expect(customer.lastText()).toBe("Which treatment would you like to book?");
    await customer.press("60 min");
    await customer.press("Tue 1 Dec");
    expect(customer.lastText()).toContain("choose a time");
  });

  it("unknown text outside a flow gets a hint; old buttons get an 'expired' answer", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 6005, language: "en" });
    await customer.send("hello?");
    expect(customer.lastText()).toContain("I didn't understand that");
    await customer.sticker();
    expect(customer.lastText()).toContain("I didn't understand that");
    await customer.pressData("bk:confirm", 12345);
    expect(suite.tg.toasts().at(-1)).toBe("This button is no longer active.");
  });

  it("/privacy shows the whole notice with the controller's details, in the customer's language", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 6006, language: "en" });
    await customer.send("/privacy");
    const parts = customer.texts();
    expect(parts).toHaveLength(2);
    const notice = parts.join("\n");
    for (const expected of [
      "Klassinen hieronta Tmi Aija Raiski",
      "3006642-2",
      "Malkasaarentie 52",
      "Aija Raiski",
      "040 519 6900",
      // legal bases as GDPR names them
      "contract",
      "legal obligation (Accounting Act)",
      "your consent (marketing permission)",
      "legitimate interest",
      // data, sources, purposes
      "Telegram user id",
      "when you confirmed you had read this notice",
      "your data requests",
      "the steps of a booking in progress",
      "The practice also records your visits, whether you came, and your payments.",
      "reminders",
      "personal identity code",
      "The bot keeps no patient records",
      // recipients and processors, and where they process data
      "Telegram FZ-LLC",
      "outside the EU/EEA",
      "processor that handles the data only on the practice's behalf: UpCloud Oy (Finland).",
      "The practice does not transfer your data outside the EU/EEA.",
      // retention, with the configured periods
      "If you have not used the services for 3 years",
      "without booking, giving marketing permission or making a request, your data is erased 30 days after you last used the bot.",
      "6 years from the end of the year in which the financial period ended",
      "The log of views and changes, and data-request records: 1,095 days.",
      "the server's access log 30 days",
      "Encrypted backups are taken by hand",
      // rights
      "Two copies a year come straight away here; further requests are answered by Aija Raiski",
      "to have wrong data corrected",
      "to have your data erased",
      "to restrict the processing",
      "machine-readable",
      "to refuse direct marketing at any time",
      "withdrawing does not affect processing before it",
      "Data Protection Ombudsman",
    ]) {
      expect(notice).toContain(expected);
    }
    expect(notice).not.toContain("twice a year");
    expect(notice).not.toContain("nobody outside the practice");
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096); // one Telegram message each
    for (const [id, language, expected] of [
      [6010, "fi", ["sopimus", "lakisääteinen velvoite (kirjanpitolaki)", "suostumuksesi (markkinointilupa)", "oikeutettu etu", "UpCloud Oy (Suomi)", "6 vuotta sen vuoden lopusta, jonka aikana tilikausi on päättynyt", "tietosi poistetaan 30 päivän kuluttua siitä, kun viimeksi käytit bottia", "Kaksi kopiota vuodessa saat täältä heti", "tietosuojavaltuutetulle"]],
      [6011, "sv", ["avtal", "rättslig förpliktelse (bokföringslagen)", "ditt samtycke", "berättigat intresse", "UpCloud Oy (Finland)", "6 år från utgången av det år under vilket räkenskapsperioden upphörde", "raderas dina uppgifter 30 dagar efter att du senast använde boten", "Två kopior per år får du genast här", "dataombudsmannen"]],
    ] as const) {
      const other = new TestCustomer(createTestBot(suite.tg), suite.tg, { id, language });
      await other.send("/privacy");
      const otherParts = other.texts();
      expect(otherParts, language).toHaveLength(2);
      for (const text of expected) expect(otherParts.join("\n"), language).toContain(text);
      expect(otherParts[0]).toContain("3006642-2");
      for (const part of otherParts) expect(part.length, language).toBeLessThanOrEqual(4096);
    }
  });

  it("/privacy names processors outside the EU/EEA and stays within Telegram's limit with a long set-up", async () => {
    const config = testConfig({
      BUSINESS_NAME: "Klassinen hieronta, fysioterapia ja hyvinvointipalvelut Tmi Aija Raiski-Esimerkkinen",
      BUSINESS_ADDRESS: "Malkasaarentie 52 B 12, 61470 Kitinoja, Etelä-Pohjanmaa",
      CONTACT_PERSON: "Aija Marjatta Raiski-Esimerkkinen",
      PRIVACY_PROCESSORS:
        "UpCloud Oy: FI; MongoDB Ireland Limited: IE, DE, US; Hetzner Online GmbH: DE, FI; Amazon Web Services EMEA SARL: SE, IE, US, GB",
      BACKUP_INTERVAL_HOURS: "12",
      BACKUP_KEEP: "28",
      TECHNICAL_LOG_DAYS: "1",
    });
    for (const [id, language] of [[6020, "fi"], [6021, "sv"], [6022, "en"]] as const) {
      const customer = new TestCustomer(createTestBot(suite.tg, config), suite.tg, { id, language });
      await customer.send("/privacy");
      const parts = customer.texts();
      expect(parts, language).toHaveLength(2);
      for (const part of parts) expect(part.length, language).toBeLessThanOrEqual(4096);
    }
    const notice = suite.tg.textsTo(6022).join("\n");
    expect(notice).toContain("processors that handle the data only on the practice's behalf: UpCloud Oy (Finland), MongoDB Ireland Limited (Ireland, Germany and United States)");
    expect(notice).toContain("Outside the EU/EEA, the data is processed in: United States and United Kingdom.");
    expect(notice).toContain("erased data can remain in them for up to 14 days");
    expect(notice).toContain("your data is erased a day after you last used the bot.");
    expect(suite.tg.textsTo(6020).join("\n")).toContain("EU:n ja ETA:n ulkopuolella tietoja käsitellään näissä maissa: Yhdysvallat ja Iso-Britannia.");
  });

  it("group chats are ignored entirely", async () => {
    const bot = createTestBot(suite.tg);
    await bot.handleUpdate({
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -100, type: "group", title: "Group" },
        from: { id: 6007, is_bot: false, first_name: "X" },
        text: "/book",
        entities: [{ type: "bot_command", offset: 0, length: 5 }],
      },
    });
    expect(suite.tg.calls).toEqual([]);
    expect(await CustomerModel.countDocuments()).toBe(0);
  });
});

describe("errors (O5)", () => {
  it("a failing update gets an apology in the customer's language and is logged with its update id", async () => {
    const config = testConfig();
    const services = createServices(config);
    const logs = new LogCapture();
    const { bot } = createBot(
      {
        config,
        services: { ...services, listServices: () => Promise.reject(new Error("database went away")) },
        logger: createLogger("info", logs),
      },
      { botInfo: BOT_INFO, client: { fetch: suite.tg.fetch } },
    );
    const customer = new TestCustomer(bot, suite.tg, { id: 6008, language: "sv" });
    await customer.send("/book");
    expect(customer.lastText()).toBe("Förlåt, något gick fel hos oss. Försök igen om en stund.");
    const errorLine = logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.level === 50);
    expect(errorLine?.update_id).toBeTypeOf("number");
    // The bot keeps working for the next update.
    await customer.send("/start");
    expect(customer.lastText()).toContain("Hej!");
  });
});

describe("command menu", () => {
  it("registers the commands with Telegram in Finnish (default), Swedish and English", async () => {
    const { bot, i18n } = createBot(
      { config: testConfig(), services: createServices(testConfig()), logger: createLogger("silent") },
      { botInfo: BOT_INFO, client: { fetch: suite.tg.fetch } },
    );
    await registerCommands(bot.api, i18n, "fi");
    const calls = suite.tg.callsOf("setMyCommands");
    const byLanguage = new Map(calls.map((c) => [String(c.payload.language_code ?? "default"), c.payload.commands]));
    expect([...byLanguage.keys()].sort()).toEqual(["default", "en", "fi", "sv"]);
    const sv = byLanguage.get("sv") as Array<{ command: string; description: string }>;
    expect(sv).toContainEqual(expect.objectContaining({ command: "book", description: "Boka en tid" }));
    const def = byLanguage.get("default") as Array<{ command: string; description: string }>;
    expect(def).toContainEqual(expect.objectContaining({ command: "book", description: "Varaa aika" }));
  });
});
