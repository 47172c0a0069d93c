import { existsSync } from "node:fs";
import mongoose from "mongoose";
import { run } from "@grammyjs/runner";
import { createBot } from "./bot/index.js";
import { createCalendarFeedSource } from "./bot/calendar-feed.js";
import { calendarFeedRoute } from "./calendar-feed-route.js";
import { ADMIN_COMMANDS, registerAdminCommands, registerCommands } from "./bot/commands.js";
import { createDailyAgendaJob } from "./bot/daily-agenda.js";
import { createReminderJob } from "./bot/reminders.js";
import { createRetentionJob } from "./bot/retention.js";
import { createWaitlistJob } from "./bot/waitlist.js";
import { ConfigError, loadConfig } from "./config.js";
import { connectDatabase } from "./db/connect.js";
import { DatabaseUnavailableError } from "./db/embedded.js";
import { createLogger } from "./logger.js";
import type { Server } from "node:http";
import { createHttpServer, webhookRoute, type HttpRoute } from "./server.js";
import { createBackupJob } from "./backup-job.js";
import { createFieldCrypto, fieldCrypto, useFieldCrypto } from "./services/field-crypto.js";
import { repairClaims } from "./services/claims.js";
import { createServices } from "./services/index.js";
import { startInstanceHeartbeat } from "./services/instances.js";
import { assertDataUnderKey } from "./services/key-rotation.js";
import { seedDefaults } from "./services/seed.js";
import { createScheduler } from "./scheduler.js";
import { createWebAppRoute, setWebAppMenuButton } from "./miniapp/index.js";

/**
 * At most this many updates are handled at once in long polling (the runner's default is 500).
 * Each update in progress holds its chat's conversation state and replay in memory: a burst of 500
 * chats answered all at once held all of theirs together, and within the memory limits of
 * `npm start` garbage collection then took as much CPU as the work. Telegram lets a bot send about
 * 30 messages a second, about one an update, so this leaves room for each update to wait two
 * seconds on the Bot API at that rate. The runner fetches no more than there is room for, so the
 * rest wait at Telegram.
 */
const UPDATE_CONCURRENCY = 64;

/** Starts the bot: configuration, database, defaults, then long polling through the runner. */
async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nSee .env.example for every variable and what it means.`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  useFieldCrypto(createFieldCrypto(config.encryptionKey));
  const database = await connectDatabase(config.mongodbUri, config.dataDir, logger);
  await assertDataUnderKey(fieldCrypto());
  const heartbeat = await startInstanceHeartbeat(logger);
  await seedDefaults();
  // Every periodic job runs on the one scheduler: started the same way, stopped together.
  const scheduler = createScheduler(logger);
  // Time claimed by a booking that never came (its process died between claim and write) is
  // freed once its lease is over, at start and every CLAIM_SWEEP_SECONDS while running (O9).
  scheduler.start({
    name: "claim sweep",
    everyMs: config.claimSweepSeconds * 1000,
    async round() {
      const freed = await repairClaims(Date.now());
      if (freed > 0) logger.warn({ cells: freed }, "released slot claims left by a crashed booking or move");
    },
  });

  const services = createServices(config);
  const { bot, i18n, notifier, broadcaster, tellCustomerCancelled, bulkApi } = createBot({ config, services, logger });
  await bot.init();
  await registerCommands(bot.api, i18n, config.defaultLanguage);
  await registerAdminCommands(bot.api, i18n, config.defaultLanguage, config.adminIds, ADMIN_COMMANDS, (error) =>
    logger.warn({ err: error }, "could not register admin commands for an admin (has not started the bot yet?)"),
  );
  const allowedUpdates = ["message", "callback_query", "edited_message"] as const;
  // The HTTP server serves the health check and every route below, in webhook and polling mode
  // alike (HTTP_PORT); in polling mode without HTTP_PORT there is none.
  const routes: HttpRoute[] = [];
  if (config.mode.kind === "webhook") {
    const mode = config.mode;
    routes.push(
      webhookRoute({
        bot,
        secret: mode.secret,
        path: new URL(mode.url).pathname || "/",
        maxBodyBytes: mode.maxBodyBytes,
        trustedProxies: mode.trustedProxies,
        logAccess: (ip, p, status) => services.logAccess(ip, p, status, new Date()),
        logger,
      }),
    );
  }
  if (config.http) {
    const feeds = createCalendarFeedSource(services, i18n, { zone: config.timeZone, business: config.business });
    routes.push(
      calendarFeedRoute({
        serve: feeds.serve,
        trustedProxies: config.http.trustedProxies,
        logAccess: (ip, p, status) => services.logAccess(ip, p, status, new Date()),
        logger,
      }),
    );
  }
  let server: Server | undefined;
  if (config.http) {
    // The Mini App (M5): its client and API, behind Telegram's signed initData.
    const logAccess = (ip: string, p: string, status: number) => services.logAccess(ip, p, status, new Date());
    const { trustedProxies } = config.http;
    routes.push(createWebAppRoute({ config, services, api: bot.api, i18n, notifier, tellCustomerCancelled, logger, trustedProxies, logAccess }));
    await setWebAppMenuButton(bot.api, i18n, config, logger);
    server = createHttpServer({
      routes,
      healthy: async () => (await mongoose.connection.db?.admin().ping())?.ok === 1,
      logger,
    });
    const { port, host } = config.http;
    await new Promise<void>((resolve) => server!.listen(port, host, resolve));
    logger.info({ port }, "HTTP server listening");
  }
  let stopUpdates: () => Promise<void>;
  if (config.mode.kind === "webhook") {
    await bot.api.setWebhook(config.mode.url, { secret_token: config.mode.secret, allowed_updates: [...allowedUpdates] });
    logger.info({ username: bot.botInfo.username }, "bot started (webhook)");
    stopUpdates = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  } else {
    const runner = run(bot, { sink: { concurrency: UPDATE_CONCURRENCY }, runner: { fetch: { allowed_updates: [...allowedUpdates] } } });
    logger.info({ username: bot.botInfo.username }, "bot started (long polling)");
    stopUpdates = async () => {
      if (runner.isRunning()) await runner.stop();
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    };
  }
  scheduler.start(createReminderJob(bot.api, i18n, config, services, logger));
  scheduler.start(createRetentionJob(bot.api, i18n, config, services, notifier, logger));
  scheduler.start(createBackupJob(config, logger));
  scheduler.start(createDailyAgendaJob(bot.api, i18n, config, services, logger));
  scheduler.start(createWaitlistJob(bulkApi, i18n, config, services, logger).job);
  void broadcaster.resumeAll().catch((error: unknown) => logger.error({ err: error }, "resuming broadcasts failed"));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting at once");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "stopping: finishing updates in progress");
    // Stop taking updates and let the ones in progress finish (the runner and server.close both
    // wait for them); conversation state is already in the database.
    await stopUpdates();
    await scheduler.stop();
    await heartbeat.stop();
    await database.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", (s) => void shutdown(s));
  process.on("SIGTERM", (s) => void shutdown(s));
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError) {
    console.error(error.message);
    process.exit(69); // EX_UNAVAILABLE
  }
  console.error("fatal:", error instanceof Error ? error.message : error);
  process.exit(1);
});
