import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";
import type { BotContext } from "./context.js";
import { createMarketingSender } from "./marketing.js";

/**
 * Sends broadcasts (A6) through an Api whose auto-retry obeys 429 `retry_after` and whose calls
 * share the bot's send budget at bulk priority (bot/pacer.ts: under 30 calls a second for all the
 * bot's sending together, retries and progress messages included; customers' answers go first). Each recipient is claimed (a unique insert) before the
 * message goes out, so nobody gets a broadcast twice, even across a restart: `resumeAll` at start
 * continues unfinished broadcasts with whoever is left. Consent is re-checked per message.
 */
export function createBroadcaster(
  api: Api,
  i18n: I18n<BotContext>,
  config: Config,
  services: Services,
  logger: Logger,
  { progressEvery = 50, inFlight = 4 } = {},
) {
  const sendMarketing = createMarketingSender(api, i18n, config, services);

  async function tellAdmin(adminId: number, key: string, vars: Record<string, number>): Promise<void> {
    const language = (await services.languageOf(adminId)) ?? config.defaultLanguage;
    await api.sendMessage(adminId, i18n.t(language, key, vars)).catch((error: unknown) => {
      logger.warn({ err: error }, "could not report broadcast progress");
    });
  }

  /** Sends a broadcast to everyone in its audience not yet reached; returns the counts. */
  async function run(broadcastId: string, text: string, adminId: number): Promise<Record<string, number>> {
    const recipients = await services.pendingRecipients(broadcastId);
    let done = 0;
    let next = 0;
    // A few recipients are worked on at once, so database round trips do not eat into the rate;
    // the send budget alone decides how fast messages start.
    // A worker that fails (the database gone, say) stops the others; `run` rejects only once all
    // of them have stopped, so nothing is still being sent or claimed behind the caller's back.
    let failed = false;
    const worker = async () => {
      try {
        while (next < recipients.length && !failed) {
          const recipient = recipients[next++]!;
          if (!(await services.claimDelivery(broadcastId, recipient.customerId, new Date()))) continue;
          try {
            const outcome = await sendMarketing(recipient.telegramId, recipient.language, text, recipient.customerId);
            await services.settleDelivery(broadcastId, recipient.customerId, outcome);
          } catch (error) {
            await services.settleDelivery(broadcastId, recipient.customerId, "failed");
            logger.warn({ err: error, broadcastId }, "broadcast message failed");
          }
          done++;
          if (done % progressEvery === 0) await tellAdmin(adminId, "broadcast-progress", { done, total: recipients.length });
        }
      } catch (error) {
        failed = true;
        throw error;
      }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: inFlight }, worker));
    const failure = outcomes.find((o) => o.status === "rejected");
    if (failure) throw failure.reason;
    const counts = await services.finishBroadcast(broadcastId, new Date());
    await tellAdmin(adminId, "broadcast-done", { sent: counts.sent ?? 0, skipped: counts["no-consent"] ?? 0, failed: counts.failed ?? 0 });
    return counts;
  }

  /** Continues every broadcast left unfinished by a stop or crash. */
  async function resumeAll(): Promise<void> {
    for (const b of await services.unfinishedBroadcasts()) {
      logger.info({ broadcastId: b.id }, "resuming broadcast");
      await run(b.id, b.text, b.createdBy);
    }
  }

  return { run, resumeAll };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;
