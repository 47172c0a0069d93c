import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "./bot/context.js";
import type { Logger } from "./logger.js";

/** What the webhook server needs. */
export interface WebhookServerOptions {
  bot: Bot<BotContext>;
  secret: string;
  /** Path Telegram posts to, e.g. "/telegram". */
  path: string;
  maxBodyBytes: number;
  /**
   * How many reverse proxies in front of the bot append the address they saw to X-Forwarded-For
   * (TRUST_PROXY); 0 takes the connection's own address.
   */
  trustedProxies: number;
  /** True when the database answers. */
  healthy(): Promise<boolean>;
  /** Records a request's source address in the access log (P11). */
  logAccess(ip: string, path: string, status: number): Promise<void>;
  logger: Logger;
  /** How often the count of requests refused before authentication is logged; default a minute. */
  refusalReportMs?: number;
}

/**
 * The address the request came from. Each trusted proxy appends the address it saw to
 * X-Forwarded-For, so with `trustedProxies` of them the entry that many places from the right is
 * the one the outermost trusted proxy saw; anything left of it is whatever the client sent.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const own = req.socket.remoteAddress ?? "unknown";
  if (trustedProxies === 0) return own;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  return hops[Math.max(hops.length - trustedProxies, 0)] ?? own;
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(Array.isArray(header) ? (header[0] ?? "") : (header ?? ""));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as an update, or undefined when it is not JSON or not an update-shaped object. */
function parseUpdate(raw: string): Update | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Number.isSafeInteger((value as { update_id?: unknown }).update_id) ? (value as Update) : undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * One route of the bot's HTTP server: handles the request and returns true when it is its own,
 * false to let the next route look at it. `refuse` answers a request refused before
 * authentication: it is only counted (see createHttpServer), never written to the access log.
 */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse, url: URL, refuse: Refuse) => Promise<boolean>;
export type Refuse = (status: number, body: string) => void;

/** What every instance of the HTTP server has, whatever its routes. */
export interface HttpServerOptions {
  routes: HttpRoute[];
  /** True when the database answers. */
  healthy(): Promise<boolean>;
  logger: Logger;
  /** How often the count of requests refused before authentication is logged; default a minute. */
  refusalReportMs?: number;
}

/**
 * The bot's HTTP server, in webhook and polling mode alike (O2, O8): GET /healthz reports whether
 * the database answers, and each request goes to the first route that takes it (the webhook, the
 * calendar feed, the Mini App). Requests no route takes, and requests a route refuses before
 * authentication, are only counted and the counts logged once a `refusalReportMs`, so that anyone
 * on the internet cannot make the bot write a row per request.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const refused = new Map<number, number>();
  const reportRefused = () => {
    if (refused.size === 0) return;
    options.logger.warn({ refused: Object.fromEntries(refused) }, "HTTP requests refused before authentication");
    refused.clear();
  };

  const server = createServer((req, res) => {
    const refuse: Refuse = (status, body) => {
      refused.set(status, (refused.get(status) ?? 0) + 1);
      req.resume();
      finish(res, status, body);
    };
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", "http://localhost");
        if (req.method === "GET" && url.pathname === "/healthz") {
          const ok = await options.healthy().catch(() => false);
          res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok ? "up" : "down" }));
          return;
        }
        for (const route of options.routes) if (await route(req, res, url, refuse)) return;
        refuse(404, "not found");
      } catch (error) {
        options.logger.error({ err: error }, "HTTP request failed");
        finish(res, 500, "error");
      }
    })();
  });
  const reporter = setInterval(reportRefused, options.refusalReportMs ?? 60_000).unref();
  server.on("close", () => {
    clearInterval(reporter);
    reportRefused();
  });
  return server;
}

function finish(res: ServerResponse, status: number, body = ""): void {
  if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain" }).end(body);
}

/**
 * The webhook (O2): POST `path` with Telegram's secret token (401 without it), bodies over
 * `maxBodyBytes` refused with 413 and bodies that are not an update with 400 (a 5xx would make
 * Telegram send them again). Each authenticated request's source address goes to the access log.
 */
export function webhookRoute(options: Omit<WebhookServerOptions, "healthy" | "logger" | "refusalReportMs"> & { logger: Logger }): HttpRoute {
  const handleUpdate = webhookCallback(options.bot, "callback", { onTimeout: "return" });
  return async (req, res, url, refuse) => {
    if (url.pathname !== options.path) return false;
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], options.secret)) {
      refuse(401, "secret token is wrong");
      return true;
    }
    const ip = clientAddress(req, options.trustedProxies);
    res.once("finish", () => {
      options.logAccess(ip, url.pathname, res.statusCode).catch((error: unknown) => options.logger.warn({ err: error }, "access log write failed"));
    });
    if (req.method !== "POST") {
      req.resume();
      finish(res, 405, "method not allowed");
      return true;
    }
    const length = Number(req.headers["content-length"]);
    if (!Number.isFinite(length)) {
      req.resume();
      finish(res, 411, "length required");
      return true;
    }
    if (length > options.maxBodyBytes) {
      req.resume();
      finish(res, 413, "payload too large");
      return true;
    }
    try {
      const update = parseUpdate(await readBody(req));
      if (!update) {
        finish(res, 400, "not an update");
        return true;
      }
      await handleUpdate(update, (json: string) => res.writeHead(200, { "content-type": "application/json" }).end(json));
      finish(res, 200);
    } catch (error) {
      options.logger.error({ err: error }, "webhook request failed");
      finish(res, 500, "error");
    }
    return true;
  };
}

/** The HTTP server with the webhook as its only route (tests and webhook-only setups). */
export function createWebhookServer(options: WebhookServerOptions): Server {
  return createHttpServer({
    routes: [webhookRoute(options)],
    healthy: () => options.healthy(),
    logger: options.logger,
    ...(options.refusalReportMs !== undefined ? { refusalReportMs: options.refusalReportMs } : {}),
  });
}
