import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { isValidBusinessId } from "../src/domain/business-id.js";
import { connectionOptions, DATABASE_POOL_SIZE } from "../src/db/connect.js";

const valid = {
  BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz",
  ADMIN_IDS: "111, 222",
  ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  BUSINESS_NAME: "Klassinen hieronta Tmi Aija Raiski",
  BUSINESS_ID: "3006642-2",
  BUSINESS_ADDRESS: "Malkasaarentie 52, 61470 Kitinoja",
  BUSINESS_EMAIL: "aija@example.fi",
  BUSINESS_PHONE: "040 519 6900",
  CONTACT_PERSON: "Aija Raiski",
  PRIVACY_PROCESSORS: "UpCloud Oy: FI",
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration (O1)", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig(valid);
    expect(config.adminIds).toEqual([111, 222]);
    expect(config.mongodbUri).toBeUndefined();
    expect(config.botApiRoot).toBe("https://api.telegram.org");
    expect(config.timeZone).toBe("Europe/Helsinki");
    expect(config.defaultLanguage).toBe("fi");
    expect(config.booking).toEqual({
      granularityMinutes: 15,
      minNoticeMinutes: 720,
      horizonDays: 60,
      cancellationCutoffMinutes: 1440,
      reminderOffsetMinutes: 1440,
    });
    expect(config.reminderCheckSeconds).toBe(30);
    expect(config.dataDir).toBe("./data");
  });

  it("names each missing variable", () => {
    const found = problems({});
    for (const name of ["BOT_TOKEN", "ADMIN_IDS", "ENCRYPTION_KEY", "BUSINESS_NAME", "BUSINESS_ID", "BUSINESS_EMAIL", "CONTACT_PERSON", "PRIVACY_PROCESSORS"]) {
      expect(found.some((p) => p.startsWith(`${name} `) && p.includes("required"))).toBe(true);
    }
  });

  it("names each malformed variable with what is expected", () => {
    const found = problems({
      ...valid,
      BOT_TOKEN: "not-a-token",
      ADMIN_IDS: "12,abc",
      MONGODB_URI: "http://localhost",
      PRACTICE_TIMEZONE: "Europe/Nowhere",
      BUSINESS_ID: "3006642-3",
      BOT_API_ROOT: "not a url",
      SLOT_GRANULARITY_MINUTES: "7",
      DEFAULT_LANGUAGE: "de",
      ENCRYPTION_KEY: "c2hvcnQ=",
    });
    const expectations: Array<[string, string]> = [
      ["BOT_TOKEN", "bot token"],
      ["ADMIN_IDS", "positive Telegram user ids"],
      ["MONGODB_URI", "mongodb://"],
      ["PRACTICE_TIMEZONE", "IANA"],
      ["BUSINESS_ID", "Y-tunnus"],
      ["BOT_API_ROOT", "URL"],
      ["SLOT_GRANULARITY_MINUTES", "multiple of 5"],
      ["DEFAULT_LANGUAGE", ""],
      ["ENCRYPTION_KEY", "32 random bytes"],
    ];
    for (const [name, hint] of expectations) {
      expect(found.find((p) => p.startsWith(`${name} `)), name).toContain(hint);
    }
  });

  it("takes a custom Bot API root and booking rules", () => {
    const config = loadConfig({
      ...valid,
      BOT_API_ROOT: "http://127.0.0.1:8081/",
      MONGODB_URI: "mongodb://db:27017/bot",
      MIN_NOTICE_HOURS: "2.5",
      BOOKING_HORIZON_DAYS: "30",
    });
    expect(config.botApiRoot).toBe("http://127.0.0.1:8081");
    expect(config.mongodbUri).toBe("mongodb://db:27017/bot");
    expect(config.booking.minNoticeMinutes).toBe(150);
    expect(config.booking.horizonDays).toBe(30);
  });
});

describe("the HTTP server (HTTP_PORT)", () => {
  it("runs in polling mode only when HTTP_PORT is set, and always in webhook mode", () => {
    expect(loadConfig(valid).http).toBeUndefined();
    expect(loadConfig({ ...valid, HTTP_PORT: "8081" }).http).toEqual({ host: "0.0.0.0", port: 8081, trustedProxies: 0 });
    const webhook = { ...valid, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.fi/telegram", WEBHOOK_SECRET: "s".repeat(32) };
    expect(loadConfig(webhook).http).toEqual({ host: "0.0.0.0", port: 8080, trustedProxies: 0 });
    expect(loadConfig({ ...valid, HTTP_PORT: "8081", TRUST_PROXY: "true" }).http?.trustedProxies).toBe(1);
    expect(loadConfig({ ...webhook, PORT: "9000" }).http?.port).toBe(9000);
    expect(loadConfig({ ...webhook, HTTP_PORT: "9001", PORT: "9000" }).http?.port).toBe(9001);
    expect(problems({ ...valid, HTTP_PORT: "70000" }).some((p) => p.startsWith("HTTP_PORT "))).toBe(true);
  });

  it("gives the calendar feed's links PUBLIC_URL (https only), else WEBHOOK_URL's origin, else none", () => {
    expect(loadConfig(valid).publicUrl).toBeUndefined();
    expect(loadConfig({ ...valid, PUBLIC_URL: "https://bot.example.fi/" }).publicUrl).toBe("https://bot.example.fi");
    const webhook = { ...valid, BOT_MODE: "webhook", WEBHOOK_URL: "https://hook.example.fi/telegram", WEBHOOK_SECRET: "s".repeat(32) };
    expect(loadConfig(webhook).publicUrl).toBe("https://hook.example.fi");
    expect(loadConfig({ ...webhook, PUBLIC_URL: "https://bot.example.fi" }).publicUrl).toBe("https://bot.example.fi");
    expect(problems({ ...valid, PUBLIC_URL: "http://bot.example.fi" }).some((p) => p.startsWith("PUBLIC_URL must start with https://"))).toBe(true);
  });
});

describe("the Mini App (WEBAPP_URL)", () => {
  it("is served at WEBAPP_URL's path, which must be https, and needs the HTTP server", () => {
    expect(loadConfig(valid).webApp).toEqual({ url: undefined, path: "/app/", initDataMaxAgeSeconds: 86_400 });
    const app = loadConfig({ ...valid, HTTP_PORT: "8081", WEBAPP_URL: "https://bot.example.fi/ajanvaraus", WEBAPP_AUTH_MAX_AGE_HOURS: "2" }).webApp;
    expect(app).toEqual({ url: "https://bot.example.fi/ajanvaraus", path: "/ajanvaraus/", initDataMaxAgeSeconds: 7200 });
    expect(problems({ ...valid, HTTP_PORT: "8081", WEBAPP_URL: "http://bot.example.fi/app/" })).toEqual([
      "WEBAPP_URL must start with https:// (Telegram opens Mini Apps only over https; http only for localhost)",
    ]);
    expect(loadConfig({ ...valid, HTTP_PORT: "8081", WEBAPP_URL: "http://127.0.0.1:8081/app/" }).webApp.path).toBe("/app/");
    expect(problems({ ...valid, WEBAPP_URL: "https://bot.example.fi/app/" })).toEqual([
      "WEBAPP_URL needs HTTP_PORT in polling mode: the bot's HTTP server serves the Mini App",
    ]);
  });
});

describe("webhook behind reverse proxies (TRUST_PROXY)", () => {
  const webhook = { ...valid, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.fi/telegram", WEBHOOK_SECRET: "s".repeat(32) };
  const proxies = (value?: string) => {
    const mode = loadConfig({ ...webhook, TRUST_PROXY: value }).mode;
    return mode.kind === "webhook" ? mode.trustedProxies : undefined;
  };

  it("is the number of proxies in front; true means one and false none, as before", () => {
    expect(proxies(undefined)).toBe(0);
    expect(proxies("false")).toBe(0);
    expect(proxies("true")).toBe(1);
    expect(proxies("1")).toBe(1);
    expect(proxies("2")).toBe(2);
    expect(proxies("0")).toBe(0);
  });

  it("names anything else", () => {
    for (const value of ["maybe", "-1", "11", "1.5"]) {
      expect(problems({ ...webhook, TRUST_PROXY: value }).find((p) => p.startsWith("TRUST_PROXY ")), value).toContain("how many proxies");
    }
  });
});

describe("processors named in the privacy notice (PRIVACY_PROCESSORS)", () => {
  it("reads names and the countries where they process data, or none", () => {
    expect(loadConfig({ ...valid, PRIVACY_PROCESSORS: "UpCloud Oy: FI; MongoDB Ireland Ltd: ie, US" }).processors).toEqual([
      { name: "UpCloud Oy", countries: ["FI"] },
      { name: "MongoDB Ireland Ltd", countries: ["IE", "US"] },
    ]);
    expect(loadConfig({ ...valid, PRIVACY_PROCESSORS: "none" }).processors).toEqual([]);
  });

  it("refuses an entry without a country or with a code that is no country", () => {
    for (const [raw, hint] of [
      ["UpCloud Oy", "Name: country code"],
      ["UpCloud Oy: Finland", "ISO 3166"],
      ["UpCloud Oy: EU", "ISO 3166"],
      [" ; ", "at least one"],
    ]) {
      expect(problems({ ...valid, PRIVACY_PROCESSORS: raw }).find((p) => p.startsWith("PRIVACY_PROCESSORS ")), raw).toContain(hint);
    }
  });
});

describe("business id (Y-tunnus)", () => {
  it("accepts valid ids and rejects wrong check digits and shapes", () => {
    expect(isValidBusinessId("3006642-2")).toBe(true);
    expect(isValidBusinessId("0737546-2")).toBe(true);
    expect(isValidBusinessId("3006642-1")).toBe(false);
    expect(isValidBusinessId("3006642")).toBe(false);
    expect(isValidBusinessId("300664-22")).toBe(false);
  });
});

describe("database connection options", () => {
  it("limits the connections to 20 unless the URI sets maxPoolSize itself", () => {
    expect(connectionOptions("mongodb://db.example:27017/ajanvaraus")).toEqual({ maxPoolSize: DATABASE_POOL_SIZE });
    expect(DATABASE_POOL_SIZE).toBe(20);
    expect(connectionOptions("mongodb://db.example:27017/ajanvaraus?retryWrites=false&maxPoolSize=5")).toEqual({});
    expect(connectionOptions("mongodb+srv://u:p@cluster.example/ajanvaraus?maxpoolsize=50")).toEqual({});
  });
});
