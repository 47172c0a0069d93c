import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "../bot/context.js";
import type { HttpRoute } from "../server.js";
import { createWebAppApi, type WebAppApiDeps } from "./api.js";
import { webAppRoute } from "./route.js";

/**
 * The Mini App's route for the bot's HTTP server (M5): the built client and its API at
 * config.webApp.path, behind Telegram's initData, with the same services, notifier and chat as
 * the bot. `staticDir` overrides where the built client is (tests build it elsewhere).
 */
export function createWebAppRoute(deps: WebAppApiDeps & { trustedProxies: number; logAccess: (ip: string, path: string, status: number) => Promise<void>; staticDir?: string }): HttpRoute {
  const { config } = deps;
  return webAppRoute({
    path: config.webApp.path,
    ...(deps.staticDir ? { staticDir: deps.staticDir } : {}),
    handlers: createWebAppApi(deps),
    botToken: config.botToken,
    initDataMaxAgeSeconds: config.webApp.initDataMaxAgeSeconds,
    refusedText: deps.i18n.t(config.defaultLanguage, "webapp-auth-error"),
    isAdmin: (telegramId) => config.adminIds.includes(telegramId),
    // Each step of the app makes a few requests where the chat gets one update.
    requestsPerMinute: config.rateLimitPerMinute * 4,
    trustedProxies: deps.trustedProxies,
    logAccess: deps.logAccess,
    logger: deps.logger,
  });
}

/**
 * Puts the Mini App behind the bot's menu button in every chat (M5), when WEBAPP_URL is set:
 * the button's label in the default language (Telegram shows one label to everyone).
 */
export async function setWebAppMenuButton(api: Api, i18n: I18n<BotContext>, config: Config, logger: Logger): Promise<void> {
  const url = config.webApp.url;
  if (!url) return;
  try {
    await api.setChatMenuButton({ menu_button: { type: "web_app", text: i18n.t(config.defaultLanguage, "webapp-menu-button"), web_app: { url } } });
  } catch (error) {
    logger.warn({ err: error }, "could not set the Mini App menu button");
  }
}
