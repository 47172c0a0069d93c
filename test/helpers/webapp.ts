import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sign } from "@telegram-apps/init-data-node";
import { createBot } from "../../src/bot/index.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import type { Endpoint, Endpoints } from "../../src/miniapp/api-types.js";
import { createWebAppRoute } from "../../src/miniapp/index.js";
import { createHttpServer } from "../../src/server.js";
import { createServices } from "../../src/services/index.js";
import { logAccess } from "../../src/services/technical.js";
import { LogCapture, TEST_ENV, testConfig } from "./bot.js";
import { BOT_INFO, type FakeTelegram } from "./fake-telegram.js";

/**
 * The Mini App as the bot serves it, on loopback: the bot (against a fake Telegram, so what it
 * sends customers and practitioners can be read), its HTTP server with the Mini App's route, the
 * real services and database.
 */
export async function startWebApp(
  tg: FakeTelegram,
  options: { config?: Config; staticDir?: string; now?: () => number; logs?: LogCapture } = {},
): Promise<{ base: string; app: string; logs: LogCapture; close(): Promise<void> }> {
  const config = options.config ?? testConfig();
  const logs = options.logs ?? new LogCapture();
  const logger = createLogger("debug", logs);
  const services = createServices(config);
  const pending = new Set<Promise<void>>();
  const { bot, i18n, notifier, tellCustomerCancelled } = createBot({ config, services, logger }, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  const route = createWebAppRoute({
    config,
    services,
    api: bot.api,
    i18n,
    notifier,
    tellCustomerCancelled,
    logger,
    trustedProxies: 0,
    // Tracked, so that closing waits for the entries of the requests already answered.
    logAccess: (ip, path, status) => {
      const write = logAccess(ip, path, status, new Date());
      pending.add(write);
      return write.finally(() => pending.delete(write));
    },
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const server: Server = createHttpServer({ routes: [route], healthy: () => Promise.resolve(true), logger });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    app: `${base}${config.webApp.path}`,
    logs,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await Promise.allSettled([...pending]);
    },
  };
}

/**
 * Launch data as Telegram signs it for a Mini App opened by `userId`: with the test bot's token,
 * `authDate` (default now), or with another token to forge it.
 */
export function initDataFor(userId: number, options: { language?: string; authDate?: Date; token?: string } = {}): string {
  return sign(
    { user: { id: userId, first_name: "Asiakas", ...(options.language ? { language_code: options.language } : {}) } },
    options.token ?? TEST_ENV.BOT_TOKEN!,
    options.authDate ?? new Date(),
  );
}

/** Calls the API as the page does, returning the status and the JSON (or text) answer. */
export async function callApi<K extends Endpoint>(
  app: string,
  initData: string | undefined,
  name: K,
  body: Endpoints[K]["request"],
): Promise<{ status: number; json: Endpoints[K]["response"] }> {
  const response = await fetch(`${app}api/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(initData !== undefined ? { authorization: `tma ${initData}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // a refusal's plain text
  }
  return { status: response.status, json: json as Endpoints[K]["response"] };
}

/** A customer's (or admin's) API client: every call signed as that user. */
export function apiAs(app: string, userId: number, language = "fi") {
  const data = initDataFor(userId, { language });
  return async <K extends Endpoint>(name: K, body: Endpoints[K]["request"]): Promise<Endpoints[K]["response"]> => {
    const { status, json } = await callApi(app, data, name, body);
    if (status !== 200) throw new Error(`${name}: HTTP ${status} ${JSON.stringify(json)}`);
    return json;
  };
}
