import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "./bot/context.js";
import type { Logger } from "./logger.js";

/** What the webhook server needs. */
export interface WebhookServerOptions {
  bot: Bot<BotContext>;
  secret: string;
  /** Path Telegram posts to, e.g. "/telegram". */
  path: string;
  maxBodyBytes: number;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  /** True when the database answers. */
  healthy(): Promise<boolean>;
  /** Records a request's source address in the access log (P11). */
  logAccess(ip: string, path: string, status: number): Promise<void>;
  logger: Logger;
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers["x-forwarded-for"] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || req.socket.remoteAddress || "unknown";
}

/**
 * The webhook mode's HTTP server (O2, O8): POST `path` with Telegram's secret token (checked by
 * grammY's webhookCallback: 401 without it), bodies over `maxBodyBytes` refused with 413, and
 * GET /healthz reporting whether the database answers. Every webhook request's source address
 * goes to the access log; nothing else about it is logged.
 */
export function createWebhookServer(options: WebhookServerOptions): Server {
  const handleUpdate = webhookCallback(options.bot, "http", { secretToken: options.secret, onTimeout: "return" });
  const finish = (res: ServerResponse, status: number, body = "") => {
    if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain" }).end(body);
  };

  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "GET" && url.pathname === "/healthz") {
        const ok = await options.healthy().catch(() => false);
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok ? "up" : "down" }));
        return;
      }
      if (url.pathname !== options.path) return finish(res, 404, "not found");
      const ip = clientAddress(req, options.trustProxy);
      res.once("finish", () => {
        options.logAccess(ip, url.pathname, res.statusCode).catch((error: unknown) => options.logger.warn({ err: error }, "access log write failed"));
      });
      if (req.method !== "POST") return finish(res, 405, "method not allowed");
      const length = Number(req.headers["content-length"]);
      if (!Number.isFinite(length)) return finish(res, 411, "length required");
      if (length > options.maxBodyBytes) {
        req.resume();
        return finish(res, 413, "payload too large");
      }
      try {
        await handleUpdate(req, res);
      } catch (error) {
        options.logger.error({ err: error }, "webhook request failed");
        finish(res, 500, "error");
      }
    })();
  });
}
