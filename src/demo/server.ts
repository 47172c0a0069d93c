import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sign } from "@telegram-apps/init-data-node";
import type { BotApiStandIn, DemoUser, StandInEvent } from "./bot-api.js";

/** The page's HTML, CSS and script (the same folder from src/demo and from the compiled dist/demo). */
export const PAGE_DIR = fileURLToPath(new URL("../../src/demo/page", import.meta.url));

const PAGE_FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/demo.css": { file: "demo.css", type: "text/css; charset=utf-8" },
  "/demo.js": { file: "demo.js", type: "text/javascript; charset=utf-8" },
};

const LANGUAGE_CODES = ["fi", "sv", "en"];

/** What the demo page needs besides the stand-in. */
export interface DemoServerOptions {
  standIn: BotApiStandIn;
  /** The users who are the practitioner (ADMIN_IDS). */
  practitionerIds: number[];
  /** Adds another customer (the page's button) and returns them. */
  addCustomer(languageCode: string): DemoUser;
  /** The Mini App's address, when there is one: the page opens it in a panel. */
  webAppUrl?: string | undefined;
  /** Shown at the top of the page: that this is a demo, and of what. */
  notice: string;
}

/** One chat as the page draws it. */
function chatView(options: DemoServerOptions, user: DemoUser) {
  const { standIn } = options;
  return {
    user,
    role: options.practitionerIds.includes(user.id) ? "practitioner" : "customer",
    messages: standIn.messages(user.id),
    commands: standIn.menuCommands(user.id),
    menuButton: standIn.menuButton(user.id),
    replyKeyboard: standIn.replyKeyboard(user.id) ?? null,
  };
}

function snapshot(options: DemoServerOptions) {
  const { standIn } = options;
  return {
    notice: options.notice,
    bot: { firstName: standIn.botInfo.first_name, username: standIn.botInfo.username, polling: standIn.botPolling },
    webAppUrl: options.webAppUrl ?? null,
    languages: LANGUAGE_CODES,
    chats: standIn.users().map((user) => chatView(options, user)),
  };
}

/** What the page is told of a change in the stand-in (a chat's menus are recomputed whenever any may have changed). */
function pageEvent(options: DemoServerOptions, event: StandInEvent): { type: string } & Record<string, unknown> {
  switch (event.type) {
    case "user":
      return { type: "chat", chat: chatView(options, event.user) };
    case "menu":
      return {
        type: "menus",
        menus: Object.fromEntries(
          options.standIn.users().map((u) => [u.id, { commands: options.standIn.menuCommands(u.id), menuButton: options.standIn.menuButton(u.id) }]),
        ),
      };
    default:
      return event;
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
  if (!(req.headers["content-type"] ?? "").startsWith("application/json")) throw new HttpError(415, "send JSON");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) throw new HttpError(413, "too large");
    chunks.push(chunk);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, "malformed JSON");
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(JSON.stringify(value));
}

/** `url` with Telegram's launch parameters, `initData` signed with the bot's token, as Telegram opens a Mini App. */
function webAppLaunchUrl(standIn: BotApiStandIn, user: DemoUser, url: string): string {
  const initData = sign(
    {
      user: {
        id: user.id,
        first_name: user.firstName,
        ...(user.lastName ? { last_name: user.lastName } : {}),
        ...(user.username ? { username: user.username } : {}),
        language_code: user.languageCode,
      },
    },
    standIn.token,
    new Date(),
  );
  const theme = { bg_color: "#ffffff", text_color: "#1c1c1c", hint_color: "#707579", button_color: "#2f6f5e", button_text_color: "#ffffff" };
  const hash = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: "web",
    tgWebAppThemeParams: JSON.stringify(theme),
  });
  return `${url.split("#")[0]}#${hash.toString()}`;
}

/**
 * The demo's one HTTP server on loopback: the Bot API stand-in (`/bot<token>/…`, where the bot's
 * BOT_API_ROOT points), the page (`/`), and the page's own API: `GET /api/events` (server-sent
 * events: a snapshot, then every change), `POST /api/chats/<id>/send | press | language | webapp`,
 * `POST /api/customers`, `GET /api/files/<file id>` (a document, as a download). Requests must
 * name this server as their Host (no DNS rebinding), and the page's POSTs carry JSON.
 */
export function createDemoServer(options: DemoServerOptions): Server {
  const { standIn } = options;
  const streams = new Set<ServerResponse>();
  standIn.subscribe((event) => {
    const data = `data: ${JSON.stringify(pageEvent(options, event))}\n\n`;
    for (const stream of streams) stream.write(data);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(": still here\n\n");
  }, 15_000);
  heartbeat.unref();

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) sendJson(res, error.status, { error: error.message });
      else sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  server.on("close", () => {
    clearInterval(heartbeat);
    for (const stream of streams) stream.end();
  });

  const port = () => (server.address() as AddressInfo | null)?.port;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? "";
    if (![`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`].includes(host)) throw new HttpError(421, "unknown host");
    if (await standIn.handle(req, res)) return;
    const url = new URL(req.url ?? "/", "http://demo");
    const page = PAGE_FILES[url.pathname];
    if (page && req.method === "GET") {
      const body = await readFile(path.join(PAGE_DIR, page.file));
      res.writeHead(200, {
        "content-type": page.type,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        // Frames only for the Mini App panel; no script but the page's own.
        "content-security-policy": "default-src 'self'; frame-src *; img-src 'self' data:; style-src 'self'; script-src 'self'",
      });
      res.end(body);
      return;
    }
    if (url.pathname === "/api/events" && req.method === "GET") {
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
      res.write(`data: ${JSON.stringify({ type: "snapshot", ...snapshot(options) })}\n\n`);
      streams.add(res);
      res.on("close", () => streams.delete(res));
      return;
    }
    if (url.pathname === "/api/state" && req.method === "GET") {
      sendJson(res, 200, snapshot(options));
      return;
    }
    const file = /^\/api\/files\/([\w-]+)$/.exec(url.pathname);
    if (file && req.method === "GET") {
      const stored = standIn.file(file[1]!);
      if (!stored) throw new HttpError(404, "no such file");
      res.writeHead(200, {
        "content-type": stored.mimeType,
        "content-length": stored.data.length,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(stored.name)}`,
        "x-content-type-options": "nosniff",
      });
      res.end(stored.data);
      return;
    }
    if (req.method !== "POST") throw new HttpError(404, "not found");
    const body = await jsonBody(req);
    if (url.pathname === "/api/customers") {
      const language = typeof body.languageCode === "string" && LANGUAGE_CODES.includes(body.languageCode) ? body.languageCode : "fi";
      sendJson(res, 200, options.addCustomer(language));
      return;
    }
    const chat = /^\/api\/chats\/(\d+)\/(send|press|language|webapp)$/.exec(url.pathname);
    const user = chat ? standIn.users().find((u) => u.id === Number(chat[1])) : undefined;
    if (!chat || !user) throw new HttpError(404, "not found");
    try {
      switch (chat[2]) {
        case "send":
          sendJson(res, 200, standIn.sendText(user.id, typeof body.text === "string" ? body.text : ""));
          return;
        case "press":
          sendJson(res, 200, { queryId: standIn.press(user.id, Number(body.messageId), Number(body.row), Number(body.column)) });
          return;
        case "language":
          if (!LANGUAGE_CODES.includes(String(body.languageCode))) throw new HttpError(400, "unknown language");
          sendJson(res, 200, standIn.setLanguage(user.id, String(body.languageCode)));
          return;
        case "webapp": {
          const target = typeof body.url === "string" ? body.url : options.webAppUrl;
          if (!target || !/^https?:\/\//.test(target)) throw new HttpError(400, "no Mini App address");
          sendJson(res, 200, { url: webAppLaunchUrl(standIn, user, target) });
          return;
        }
      }
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, error instanceof Error ? error.message : String(error));
    }
  }

  return server;
}
