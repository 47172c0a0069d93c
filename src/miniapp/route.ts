import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.js";
import { clientAddress, type HttpRoute } from "../server.js";
import type { Endpoint } from "./api-types.js";
import { Forbidden, REQUESTS, type Handlers } from "./api.js";
import { authenticate } from "./auth.js";

/** Where `npm run build` puts the client (vite, webapp/vite.config.ts): dist/webapp. */
export const WEBAPP_DIST = fileURLToPath(new URL("../../dist/webapp", import.meta.url));

/** What the Mini App's route needs. */
export interface WebAppRouteOptions {
  /** The path the app is served at, ending in "/" (config.webApp.path). */
  path: string;
  /** The built client; default dist/webapp. */
  staticDir?: string;
  handlers: Handlers;
  botToken: string;
  initDataMaxAgeSeconds: number;
  /** The 401's body: the page shows it, so it says (in the default language) how to open the app. */
  refusedText: string;
  /** Whether a Telegram user is in ADMIN_IDS now. */
  isAdmin(telegramId: number): boolean;
  /** API requests allowed per customer per minute (admins are not limited). */
  requestsPerMinute: number;
  trustedProxies: number;
  /** Records an authenticated API request's source address in the access log (P11). */
  logAccess(ip: string, path: string, status: number): Promise<void>;
  logger: Logger;
}

const MAX_BODY_BYTES = 64 * 1024;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};
// Telegram's own script gives the page its WebApp object; everything else is the app's.
const CSP =
  "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

interface StaticFile {
  body: Buffer;
  gzip: Buffer;
  type: string;
  immutable: boolean;
}

/** The built client's files by path below the app's path, each kept with its gzip form. */
function loadStatic(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const relative = sub ? `${sub}/${name}` : name;
      const full = path.join(dir, relative);
      if (statSync(full).isDirectory()) walk(relative);
      else {
        const body = readFileSync(full);
        files.set(relative, {
          body,
          gzip: gzipSync(body, { level: 9 }),
          type: TYPES[path.extname(name)] ?? "application/octet-stream",
          // Vite names assets by their content hash: they never change under one name.
          immutable: relative.startsWith("assets/"),
        });
      }
    }
  };
  walk("");
  return files;
}

function send(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(JSON.stringify(json));
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The Mini App on the bot's HTTP server (M5): the built client under `path`, and its JSON API
 * under `path` + "api/". Every API request must carry Telegram's signed initData
 * (`Authorization: tma …`, M3); without a valid one it gets 401 and does nothing, and, like every
 * request refused before authentication, is only counted (createHttpServer), never logged one by
 * one. `admin/…` endpoints answer 403 to anyone not in ADMIN_IDS at that moment. An authenticated
 * request's source address goes to the access log with the path and status only: no user id, no
 * body, nothing from a URL's query. A customer past `requestsPerMinute` gets 429 before anything
 * touches the database.
 */
export function webAppRoute(options: WebAppRouteOptions): HttpRoute {
  const dir = options.staticDir ?? WEBAPP_DIST;
  let files: Map<string, StaticFile> | undefined;
  let warned = false;
  const base = options.path;
  const apiBase = `${base}api/`;
  const counts = new Map<number, number>();
  let window = Date.now();

  const overLimit = (telegramId: number): boolean => {
    if (Date.now() - window >= 60_000) {
      counts.clear();
      window = Date.now();
    }
    const count = (counts.get(telegramId) ?? 0) + 1;
    counts.set(telegramId, count);
    return count > options.requestsPerMinute;
  };

  const built = () => {
    if (!files && existsSync(path.join(dir, "index.html"))) files = loadStatic(dir);
    return files;
  };
  // Read (and compressed) once, at start when it is there: the first visitor waits for nothing.
  built();

  const serveStatic = (req: IncomingMessage, res: ServerResponse, relative: string): boolean => {
    const loaded = built();
    if (!loaded) {
      if (!warned) options.logger.warn("the Mini App is not built: run npm run build");
      warned = true;
      req.resume();
      res.writeHead(503, { "content-type": "text/plain" }).end("The Mini App is not built (npm run build).");
      return true;
    }
    const file = loaded.get(relative === "" ? "index.html" : relative);
    if (!file) return false;
    req.resume();
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    res.writeHead(200, {
      "content-type": file.type,
      "cache-control": file.immutable ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      vary: "accept-encoding",
      ...(file.type.startsWith("text/html") ? { "content-security-policy": CSP } : {}),
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : gzip ? file.gzip : file.body);
    return true;
  };

  return async (req, res, url, refuse) => {
    if (url.pathname === base.slice(0, -1) && base !== "/") {
      req.resume();
      res.writeHead(301, { location: base }).end();
      return true;
    }
    if (!url.pathname.startsWith(base)) return false;
    if (!url.pathname.startsWith(apiBase)) {
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      const relative = url.pathname.slice(base.length);
      if (relative.includes("..")) return false;
      return serveStatic(req, res, relative);
    }

    const name = url.pathname.slice(apiBase.length) as Endpoint;
    const schema = Object.hasOwn(REQUESTS, name) ? REQUESTS[name] : undefined;
    if (!schema || req.method !== "POST") {
      refuse(404, "not found");
      return true;
    }
    const user = authenticate(req.headers.authorization, options.botToken, options.initDataMaxAgeSeconds);
    if (!user) {
      refuse(401, options.refusedText);
      return true;
    }
    const admin = options.isAdmin(user.telegramId);
    if (!admin && overLimit(user.telegramId)) {
      refuse(429, "too many requests");
      return true;
    }
    const ip = clientAddress(req, options.trustedProxies);
    res.once("finish", () => {
      options.logAccess(ip, url.pathname, res.statusCode).catch((error: unknown) => options.logger.warn({ err: error }, "access log write failed"));
    });
    if (name.startsWith("admin/") && !admin) {
      req.resume();
      options.logger.warn("Mini App admin request refused for a non-admin");
      send(res, 403, { error: "forbidden" });
      return true;
    }
    const raw = await readBody(req);
    if (raw === undefined) {
      send(res, 413, { error: "payload too large" });
      return true;
    }
    let json: unknown;
    try {
      json = raw.trim() === "" ? {} : JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      send(res, 400, { error: "bad request" });
      return true;
    }
    try {
      const handler = options.handlers[name] as (caller: { user: typeof user; admin: boolean }, body: unknown) => Promise<unknown>;
      send(res, 200, await handler({ user, admin }, parsed.data));
    } catch (error) {
      if (error instanceof Forbidden) {
        send(res, 403, { error: "forbidden" });
        return true;
      }
      options.logger.error({ err: error, endpoint: name }, "Mini App request failed");
      send(res, 500, { error: "error" });
    }
    return true;
  };
}
