import { IANAZone } from "luxon";
import { z } from "zod";
import { isValidBusinessId } from "./domain/business-id.js";
import { parseProcessors, type Processor } from "./domain/processors.js";
import { EncryptionKeyError, parseEncryptionKey } from "./domain/encryption-key.js";
import { LANGUAGES, type Language } from "./domain/enums.js";

const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().default(fallback);

const nonEmpty = z.string().trim().min(1, "must not be empty");

const schema = z.object({
  BOT_TOKEN: z
    .string({ error: "is required: the token BotFather gave you" })
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, "does not look like a bot token (digits:letters)"),
  ADMIN_IDS: z
    .string({ error: "is required: comma-separated Telegram user ids of the practitioner(s)" })
    .transform((raw, ctx) => {
      const parts = raw.split(",").map((p) => p.trim()).filter((p) => p.length > 0);
      const ids = parts.map(Number);
      if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
        ctx.addIssue({ code: "custom", message: "must list one or more positive Telegram user ids, e.g. 123456789,987654321" });
        return z.NEVER;
      }
      return ids;
    }),
  ENCRYPTION_KEY: z
    .string({ error: "is required: 32 random bytes (base64) that encrypt contact details in the database" })
    .transform((raw, ctx) => {
      try {
        return parseEncryptionKey(raw);
      } catch (error) {
        if (!(error instanceof EncryptionKeyError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    }),
  MONGODB_URI: z
    .string()
    .trim()
    .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  BOT_API_ROOT: z.url({ error: "must be a URL such as https://api.telegram.org" }).default("https://api.telegram.org"),
  PRACTICE_TIMEZONE: z
    .string()
    .default("Europe/Helsinki")
    .refine((zone) => IANAZone.isValidZone(zone), "is not a known IANA time zone (e.g. Europe/Helsinki)"),
  DEFAULT_LANGUAGE: z.enum(LANGUAGES).default("fi"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  BUSINESS_NAME: nonEmpty,
  BUSINESS_ID: nonEmpty.refine(isValidBusinessId, "is not a valid Finnish business id (Y-tunnus, e.g. 1234567-1)"),
  BUSINESS_ADDRESS: nonEmpty,
  BUSINESS_EMAIL: z.email({ error: "must be an email address" }),
  BUSINESS_PHONE: nonEmpty,
  CONTACT_PERSON: nonEmpty,
  PRIVACY_PROCESSORS: z
    .string({
      error:
        "is required: who hosts the bot's server and database, and in which countries, e.g. \"UpCloud Oy: FI\" (or none if the practice runs them itself); the privacy notice names them",
    })
    .transform((raw, ctx) => {
      const parsed = parseProcessors(raw);
      if (typeof parsed === "string") {
        ctx.addIssue({ code: "custom", message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),

  SLOT_GRANULARITY_MINUTES: positiveInt(15).refine((n) => n % 5 === 0 && n <= 120, "must be a multiple of 5 up to 120"),
  MIN_NOTICE_HOURS: z.coerce.number().min(0).default(12),
  BOOKING_HORIZON_DAYS: positiveInt(60).refine((n) => n <= 365, "must be at most 365"),
  CANCELLATION_CUTOFF_HOURS: z.coerce.number().min(0).default(24),
  REMINDER_HOURS_BEFORE: z.coerce.number().min(0).default(24),
  REMINDER_CHECK_SECONDS: positiveInt(30).refine((n) => n <= 3600, "must be at most 3600"),
  CLAIM_SWEEP_SECONDS: positiveInt(60).refine((n) => n <= 600, "must be at most 600"),
  TELEGRAM_LINK_DAYS: positiveInt(7).refine((n) => n <= 90, "must be at most 90"),
  WAITLIST_CHECK_SECONDS: positiveInt(5).refine((n) => n <= 600, "must be at most 600"),
  WAITLIST_HEADSTART_MINUTES: z.coerce.number().int().min(0).max(1440).default(0),
  INACTIVE_CUSTOMER_YEARS: z.coerce.number().positive().default(3),
  RETENTION_ANSWER_DAYS: positiveInt(30),
  TECHNICAL_LOG_DAYS: positiveInt(30),
  AUDIT_RETENTION_DAYS: positiveInt(1095).refine((n) => n >= 730, "must be at least 730 (two years)"),
  PAYMENT_RETENTION_YEARS: positiveInt(6).refine((n) => n >= 6, "must be at least 6 (Finnish accounting law)"),
  RETENTION_CHECK_HOURS: z.coerce.number().positive().default(6),
  ACCESS_LOG_DAYS: positiveInt(30),

  BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
  WEBHOOK_URL: z.url({ error: "must be the public https URL Telegram posts updates to" }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32,256}$/, "must be 32–256 characters of A–Z, a–z, 0–9, _ and -")
    .optional(),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PUBLIC_URL: z
    .url({ error: "must be the https address the bot's HTTP server is reached at, e.g. https://bot.example.fi" })
    .refine((url) => url.startsWith("https://"), "must start with https:// (calendar apps fetch the feed over the internet)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  WEBHOOK_MAX_BODY_BYTES: positiveInt(1_000_000),
  TRUST_PROXY: z
    .string()
    .trim()
    .default("false")
    .transform((raw, ctx) => {
      // A number is how many proxies append to X-Forwarded-For; true (as before) means one.
      if (/^\d+$/.test(raw) && Number(raw) <= 10) return Number(raw);
      const flag = z.stringbool().safeParse(raw);
      if (flag.success) return flag.data ? 1 : 0;
      ctx.addIssue({ code: "custom", message: "must be false, true (one reverse proxy) or how many proxies are in front of the bot (0–10)" });
      return z.NEVER;
    }),

  WEBAPP_URL: z
    .url({ error: "must be the public https address of the Mini App, e.g. https://bot.example.fi/app/" })
    // http only for this machine (npm run demo, development): Telegram itself opens https only.
    .refine(
      (url) => url.startsWith("https://") || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(url),
      "must start with https:// (Telegram opens Mini Apps only over https; http only for localhost)",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  WEBAPP_AUTH_MAX_AGE_HOURS: z.coerce.number().positive().max(168).default(24),

  RATE_LIMIT_PER_MINUTE: positiveInt(30),
  TELEGRAM_SENDS_PER_SECOND: positiveInt(29),
  BACKUP_DIR: z.string().trim().min(1).optional(),
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).default(24),
  BACKUP_KEEP: positiveInt(14),
}).superRefine((e, ctx) => {
  if (e.WEBAPP_URL && e.BOT_MODE !== "webhook" && e.HTTP_PORT === undefined) {
    ctx.addIssue({ code: "custom", path: ["WEBAPP_URL"], message: "needs HTTP_PORT in polling mode: the bot's HTTP server serves the Mini App" });
  }
  if (e.BOT_MODE !== "webhook") return;
  if (!e.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
  if (!e.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook (32+ random characters)" });
});

/** Every environment variable the configuration reads (the demo clears them, so a shell's settings stay out). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

/** How updates arrive: long polling, or a webhook that cannot exist without its secret. */
export type BotMode =
  | { kind: "polling" }
  | {
      kind: "webhook";
      url: string;
      secret: string;
      host: string;
      port: number;
      maxBodyBytes: number;
      /** Reverse proxies in front that append to X-Forwarded-For; 0: the connection's address. */
      trustedProxies: number;
    };

/** Validated configuration, in the shapes the code uses. */
export interface Config {
  mode: BotMode;
  /**
   * Where the bot's HTTP server (health check, webhook, calendar feed, Mini App) listens: always
   * in webhook mode, and in polling mode when HTTP_PORT is set; undefined: no HTTP server.
   * `trustedProxies` as in BotMode (TRUST_PROXY), for every route's access log.
   */
  http: { host: string; port: number; trustedProxies: number } | undefined;
  /**
   * The https address the HTTP server is reached at from the internet, without a trailing slash
   * (PUBLIC_URL, else WEBHOOK_URL's origin): the calendar feed's links start with it. Undefined:
   * no link can be given.
   */
  publicUrl: string | undefined;
  /** The Mini App (M5): served by the HTTP server at `path`; opened by Telegram at `url` when set. */
  webApp: WebAppSettings;
  /** Incoming updates allowed per user per minute before they get a polite notice (O6). */
  rateLimitPerMinute: number;
  /** Bot API requests that send or change a message, at most this many a second (bot/pacer.ts). */
  sendsPerSecond: number;
  backup: { dir: string; intervalHours: number; keep: number };
  botToken: string;
  adminIds: number[];
  /** Master key for encrypting contact details at rest (P10); never stored in the database. */
  encryptionKey: Buffer;
  mongodbUri: string | undefined;
  dataDir: string;
  botApiRoot: string;
  timeZone: string;
  defaultLanguage: Language;
  logLevel: string;
  business: BusinessProfile;
  /** Who hosts the server and database for the practice, and where (named in the privacy notice). */
  processors: Processor[];
  booking: BookingRules;
  /** How often the reminder job looks for due reminders. */
  reminderCheckSeconds: number;
  /** How often time claimed by a booking that never came is looked for (and freed after its lease). */
  claimSweepSeconds: number;
  /** How long a Telegram link made for a customer without Telegram stays usable (A11). */
  telegramLinkDays: number;
  /** The waitlist job's period, and the longest-waiting customer's head start (W2, W3). */
  waitlist: { checkSeconds: number; headstartMinutes: number };
  retention: RetentionRules;
  /** How often the retention job runs. */
  retentionCheckHours: number;
}

/** Where the Mini App is and how old Telegram's signed launch data may be. */
export interface WebAppSettings {
  /** The public https address Telegram opens (WEBAPP_URL); undefined: no menu button or app buttons. */
  url: string | undefined;
  /** The path the HTTP server serves it at, ending in "/": WEBAPP_URL's path, or "/app/". */
  path: string;
  /** initData signed longer ago than this is refused (WEBAPP_AUTH_MAX_AGE_HOURS). */
  initDataMaxAgeSeconds: number;
}

/** Who the controller is: shown in the privacy notice, confirmations and receipts. */
export interface BusinessProfile {
  name: string;
  businessId: string;
  address: string;
  email: string;
  phone: string;
  contactPerson: string;
}

/** How long each kind of data is kept (P9). */
export interface RetentionRules {
  /** Customers with no interaction for this long are asked, then erased. */
  inactiveYears: number;
  /** How long a customer has to answer before being erased. */
  answerDays: number;
  /**
   * Technical records (abandoned conversation states, stale locks), and the records of people
   * who only opened the bot and never became customers (see forgetPassersBy).
   */
  technicalDays: number;
  /** Audit entries and data-request records (at least two years). */
  auditDays: number;
  /** Payment records: this many years after the end of the financial (calendar) year. */
  paymentYears: number;
  /** Webhook access log entries (P11). */
  accessLogDays: number;
}

/** The practice's booking rules. */
export interface BookingRules {
  granularityMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  cancellationCutoffMinutes: number;
  /** How long before the start the reminder is sent; 0 turns reminders off. */
  reminderOffsetMinutes: number;
}

/** Thrown with every problem found, each naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the configuration from an environment (default `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const missing = issue.code === "invalid_type" && env[name] === undefined;
        return missing && !issue.message.startsWith("is required")
          ? `${name} is required`
          : `${name} ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    mode:
      e.BOT_MODE === "webhook"
        ? {
            kind: "webhook",
            url: e.WEBHOOK_URL!,
            secret: e.WEBHOOK_SECRET!,
            host: e.HOST,
            port: e.HTTP_PORT ?? e.PORT,
            maxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES,
            trustedProxies: e.TRUST_PROXY,
          }
        : { kind: "polling" },
    http:
      e.BOT_MODE === "webhook" || e.HTTP_PORT !== undefined ? { host: e.HOST, port: e.HTTP_PORT ?? e.PORT, trustedProxies: e.TRUST_PROXY } : undefined,
    publicUrl: (e.PUBLIC_URL ?? (e.WEBHOOK_URL ? new URL(e.WEBHOOK_URL).origin : undefined))?.replace(/\/+$/, ""),
    webApp: {
      url: e.WEBAPP_URL,
      path: e.WEBAPP_URL ? new URL(e.WEBAPP_URL).pathname.replace(/\/*$/, "/") : "/app/",
      initDataMaxAgeSeconds: Math.round(e.WEBAPP_AUTH_MAX_AGE_HOURS * 3600),
    },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    sendsPerSecond: e.TELEGRAM_SENDS_PER_SECOND,
    backup: { dir: e.BACKUP_DIR ?? `${e.DATA_DIR}/backups`, intervalHours: e.BACKUP_INTERVAL_HOURS, keep: e.BACKUP_KEEP },
    botToken: e.BOT_TOKEN,
    adminIds: e.ADMIN_IDS,
    encryptionKey: e.ENCRYPTION_KEY,
    mongodbUri: e.MONGODB_URI,
    dataDir: e.DATA_DIR,
    botApiRoot: e.BOT_API_ROOT.replace(/\/+$/, ""),
    timeZone: e.PRACTICE_TIMEZONE,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
    business: {
      name: e.BUSINESS_NAME,
      businessId: e.BUSINESS_ID,
      address: e.BUSINESS_ADDRESS,
      email: e.BUSINESS_EMAIL,
      phone: e.BUSINESS_PHONE,
      contactPerson: e.CONTACT_PERSON,
    },
    processors: e.PRIVACY_PROCESSORS,
    booking: {
      granularityMinutes: e.SLOT_GRANULARITY_MINUTES,
      minNoticeMinutes: Math.round(e.MIN_NOTICE_HOURS * 60),
      horizonDays: e.BOOKING_HORIZON_DAYS,
      cancellationCutoffMinutes: Math.round(e.CANCELLATION_CUTOFF_HOURS * 60),
      reminderOffsetMinutes: Math.round(e.REMINDER_HOURS_BEFORE * 60),
    },
    reminderCheckSeconds: e.REMINDER_CHECK_SECONDS,
    claimSweepSeconds: e.CLAIM_SWEEP_SECONDS,
    telegramLinkDays: e.TELEGRAM_LINK_DAYS,
    waitlist: { checkSeconds: e.WAITLIST_CHECK_SECONDS, headstartMinutes: e.WAITLIST_HEADSTART_MINUTES },
    retention: {
      inactiveYears: e.INACTIVE_CUSTOMER_YEARS,
      answerDays: e.RETENTION_ANSWER_DAYS,
      technicalDays: e.TECHNICAL_LOG_DAYS,
      auditDays: e.AUDIT_RETENTION_DAYS,
      paymentYears: e.PAYMENT_RETENTION_YEARS,
      accessLogDays: e.ACCESS_LOG_DAYS,
    },
    retentionCheckHours: e.RETENTION_CHECK_HOURS,
  };
}
