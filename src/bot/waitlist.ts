import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { ScheduledJob } from "../scheduler.js";
import type { Services } from "../services/index.js";
import type { DueOffer } from "../services/waitlist.js";
import type { BotContext } from "./context.js";
import { offerMessage } from "./features/waitlist.js";

const OFFERS_IN_FLIGHT = 4;

/**
 * The waitlist job (W2, W3), run by the scheduler every `WAITLIST_CHECK_SECONDS` on every
 * instance: it turns freed time into offers (services/waitlist.ts: each customer offered a time
 * once) and sends the offers that are due through `api`, the bot's bulk-priority Api that
 * broadcasts use, so offers share the one send budget and never delay a customer's answer.
 * Offers are waitlisted customers' own requests, so no marketing consent is checked.
 */
export function createWaitlistJob(api: Api, i18n: I18n<BotContext>, config: Config, services: Services, logger: Logger) {
  async function deliver(offer: DueOffer): Promise<boolean> {
    const { text, keyboard } = offerMessage(offer, config.timeZone, (key, vars) => i18n.t(offer.language, key, vars));
    try {
      await api.sendMessage(offer.telegramId, text, { reply_markup: keyboard });
      return true;
    } catch (error) {
      // Taken once: a failed message is not sent again (a blocked bot, say); the entry stays.
      logger.warn({ err: error, entryId: offer.entryId }, "waitlist offer not sent");
      return false;
    }
  }

  /** One round: match freed time, then send every offer due at `now`; returns how many were sent. */
  async function runOnce(now = Date.now()): Promise<number> {
    const made = await services.waitlist.matchFreedTimes(now);
    if (made > 0) logger.info({ offers: made }, "waitlist offers made");
    let sent = 0;
    for (;;) {
      const due = await services.waitlist.takeDueOffers(now);
      if (due.length === 0) return sent;
      let next = 0;
      const worker = async () => {
        while (next < due.length) {
          if (await deliver(due[next++]!)) sent++;
        }
      };
      await Promise.all(Array.from({ length: OFFERS_IN_FLIGHT }, worker));
    }
  }

  const job: ScheduledJob = { name: "waitlist", everyMs: config.waitlist.checkSeconds * 1000, round: () => runOnce() };
  return { runOnce, job };
}
