import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation } from "@grammyjs/conversations";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Api, Bot, Composer, type BotConfig, type ErrorHandler, type MiddlewareFn } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";
import { languageFromTelegram } from "../services/customers.js";
import type { CustomerSession } from "../services/customers.js";
import { createBroadcaster } from "./broadcast.js";
import { ADMIN_COMMANDS, adminSurface, CUSTOMER_SURFACES } from "./commands.js";
import type { BotContext } from "./context.js";
import { PROFILE_CONVERSATION } from "./conversations/profile.js";
import { createCustomerMessages } from "./customer-messages.js";
import { adminFeature } from "./features/admin.js";
import { bookForAnyoneButton, bookForFeature } from "./features/book-for.js";
import { calendarFeedFeature } from "./features/calendar-feed.js";
import { helpFeature } from "./features/help.js";
import { lastMinuteFeature } from "./features/last-minute.js";
import { myBookingsFeature } from "./features/my-bookings.js";
import { privacyRightsFeature } from "./features/privacy-rights.js";
import { privacyFeature } from "./features/privacy.js";
import { servicesMenuFeature } from "./features/services-menu.js";
import { startFeature } from "./features/start.js";
import { telegramLinkFeature } from "./features/telegram-link.js";
import { unhandledFeature } from "./features/unhandled.js";
import { waitlistFeature } from "./features/waitlist.js";
import { calendarViewsFeature } from "./features/week.js";
import { conversationPlugins, createConversations } from "./flows.js";
import { createI18n } from "./i18n.js";
import { createAdminNotifier } from "./notify.js";
import { createSendPacer, type PacedFetch } from "./pacer.js";
import type { FeatureSurface } from "./surface.js";
import { createUpdateGuard } from "./update-guard.js";

/** What the bot needs from the rest of the program. */
export interface BotDependencies {
  config: Config;
  services: Services;
  logger: Logger;
}

/** Interactive paths retry briefly: a customer waiting for an answer should not wait a minute. */
const retry = () => autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 10 });

/**
 * Builds the bot: every plugin, feature and conversation, with nothing started. `botConfig`
 * lets tests pass `botInfo` and a fake `client.fetch`.
 */
export function createBot(deps: BotDependencies, botConfig?: BotConfig<BotContext>) {
  const { config, services, logger } = deps;
  // One send budget for every request the bot makes (bot/pacer.ts), paced below auto-retry and
  // below the conversations' replay: the bot's client, and so each conversation's, sends through it.
  const pacer = createSendPacer({ perWindow: config.sendsPerSecond });
  const baseFetch = botConfig?.client?.fetch as PacedFetch | undefined;
  const bot = new Bot<BotContext>(config.botToken, {
    ...botConfig,
    client: { apiRoot: config.botApiRoot, ...botConfig?.client, fetch: pacer.fetch("interactive", baseFetch) },
  });
  bot.api.config.use(retry());
  const i18n = createI18n(config.defaultLanguage);
  const notifier = createAdminNotifier(bot.api, i18n, config, services, logger);
  // Broadcasts get an Api of their own whose auto-retry waits out long 429s: a campaign may
  // take minutes, and no customer is waiting on it.
  const broadcastApi = new Api(config.botToken, {
    apiRoot: config.botApiRoot,
    ...botConfig?.client,
    fetch: pacer.fetch("bulk", baseFetch),
  });
  broadcastApi.config.use(autoRetry({ maxRetryAttempts: 10, maxDelaySeconds: 120 }));
  const broadcaster = createBroadcaster(broadcastApi, i18n, config, services, logger);
  const isAdmin = (ctx: BotContext) => ctx.from !== undefined && config.adminIds.includes(ctx.from.id);

  const apologise: ErrorHandler<BotContext> = async (error) => {
    const ctx = error.ctx;
    (ctx.logger ?? logger).error({ err: error.error, update_id: ctx.update.update_id }, "update failed");
    if (ctx.chat?.type !== "private") return;
    try {
      // Before the customer's stored language is known (the database may be what failed), their
      // Telegram language decides.
      const text =
        typeof ctx.t === "function"
          ? ctx.t("error-apology")
          : i18n.t(languageFromTelegram(ctx.from?.language_code, config.defaultLanguage), "error-apology");
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      await ctx.reply(text);
    } catch (replyError) {
      (ctx.logger ?? logger).warn({ err: replyError }, "could not send the apology");
    }
  };

  // Everything runs inside one error boundary, so an error anywhere (the database included) gets
  // the apology, in polling and webhook mode alike, and never stops the bot (O5).
  bot.use((ctx, next) => {
    ctx.logger = logger.child({ update_id: ctx.update.update_id });
    return next();
  });
  const root = bot.errorBoundary(apologise);

  // Updates of one chat are handled one at a time, in order, even when the runner handles many
  // chats concurrently: a conversation must never see two of its updates at once.
  root.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  // Flood protection (O6, O10) comes before anything that writes to the database: past the limit a
  // user's updates are dropped, with one notice a window in their Telegram language, and cost no
  // database command at all. Admins are not limited: a practitioner at work taps quickly.
  root.use(
    limit<BotContext, never>({
      timeFrame: 60_000,
      limit: config.rateLimitPerMinute,
      keyGenerator: (ctx) => (ctx.chat?.type === "private" && ctx.from && !isAdmin(ctx) ? ctx.from.id.toString() : undefined),
      // The plugin returns this handler's promise to the middleware chain, so it is awaited.
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      onLimitExceeded: async (ctx) => {
        ctx.logger.warn("rate limit reached");
        await ctx.reply(i18n.t(languageFromTelegram(ctx.from?.language_code, config.defaultLanguage), "rate-limited"));
      },
    }),
  );
  // Only private chats are served: updates from groups and channels are dropped here, before
  // they cost a database command.
  const privateChats = root.chatType("private");
  // One read of the chat record before anything else, one write after (bot/update-guard.ts).
  const guard = createUpdateGuard(services, config.defaultLanguage);
  privateChats.use(guard.middleware);
  // From here on the customer is loaded (above, for every update that gets here): the filter only
  // lets the type say so.
  const customerChats = privateChats.filter((ctx): ctx is typeof ctx & { customer: CustomerSession } => ctx.customer !== undefined);
  customerChats.use(i18n);
  customerChats.use(conversations({ storage: guard.storage }));

  // Commands that must work in the middle of a flow are handled before the conversation sees the
  // update: /cancel ends the flow, /privacy and /help answer and leave it waiting, and the
  // commands and menu buttons that start something new end the current flow first.
  const interrupts = new Composer<BotContext>();
  const endFlow: MiddlewareFn<BotContext> = async (ctx, next) => {
    await ctx.conversation.exitAll();
    await next();
  };
  const endsFlow = (surfaces: readonly FeatureSurface[]) => ({
    commands: surfaces.flatMap((s) => s.commands).filter((c) => c.endsFlow).map((c) => c.name),
    buttons: surfaces.flatMap((s) => s.flowEndingButtons),
  });
  const customer = endsFlow(CUSTOMER_SURFACES);
  interrupts.command(customer.commands, endFlow);
  interrupts.callbackQuery([...customer.buttons], endFlow);
  const admin = endsFlow([adminSurface]);
  const adminInterrupts = interrupts.filter(isAdmin);
  adminInterrupts.command(admin.commands, endFlow);
  adminInterrupts.callbackQuery([...admin.buttons], endFlow);
  interrupts.use(
    privacyFeature({
      business: config.business,
      processors: config.processors,
      retention: config.retention,
      backup: config.backup,
      defaultLanguage: config.defaultLanguage,
    }),
  );
  interrupts.use(helpFeature({ isAdmin, adminCommands: ADMIN_COMMANDS }));
  customerChats.use(interrupts);

  // The conversations (bot/flows.ts: each with what it needs, bound to this bot).
  const customerMessages = createCustomerMessages(bot.api, i18n, config, services, notifier, logger);
  const plugins = conversationPlugins(i18n, retry);
  for (const [id, builder] of createConversations({ config, services, i18n, api: bot.api, notifier, broadcaster, customerMessages, logger })) {
    customerChats.use(createConversation(builder, { id, plugins }));
  }

  // The customers' features.
  customerChats.use(
    telegramLinkFeature(services, { adminIds: config.adminIds, business: config.business, defaultLanguage: config.defaultLanguage }),
  );
  customerChats.use(startFeature(services, config.webApp.url));
  customerChats.use(waitlistFeature(services));
  customerChats.command("profile", (ctx) => ctx.conversation.enter(PROFILE_CONVERSATION));
  customerChats.use(
    privacyRightsFeature(services, notifier, {
      zone: config.timeZone,
      business: config.business,
      adminIds: config.adminIds,
      retention: config.retention,
    }),
  );
  customerChats.use(
    myBookingsFeature(services, notifier, {
      zone: config.timeZone,
      business: config.business,
      cancellationCutoffHours: config.booking.cancellationCutoffMinutes / 60,
    }),
  );
  // The practitioner's features, for the ADMIN_IDS only.
  customerChats.filter(isAdmin).use(
    calendarViewsFeature(services, { zone: config.timeZone }, { dayButtons: (t) => [bookForAnyoneButton(t)] }),
    calendarFeedFeature(services, { zone: config.timeZone, publicUrl: config.publicUrl, httpServer: config.http !== undefined }),
    servicesMenuFeature(services),
    adminFeature(services, { zone: config.timeZone, business: config.business }, customerMessages),
    bookForFeature(services),
    lastMinuteFeature(services, config.timeZone),
  );
  // Anyone else trying an admin command or button meets the unknown-input answer; the attempt
  // is logged without who made it or what else they sent.
  const denied: MiddlewareFn<BotContext> = async (ctx, next) => {
    ctx.logger.warn({ kind: ctx.callbackQuery ? "button" : "command" }, "admin action refused for a non-admin");
    await next();
  };
  customerChats.command(admin.commands, denied);
  customerChats.callbackQuery([...admin.buttons], denied);
  customerChats.use(unhandledFeature);

  bot.catch(apologise);
  // bulkApi: the broadcasts' Api (bulk priority, patient retries), also for waitlist offers.
  const { tellCustomerCancelled } = customerMessages;
  return { bot, i18n, notifier, broadcaster, tellCustomerCancelled, bulkApi: broadcastApi };
}
