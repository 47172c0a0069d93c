import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { ScheduledJob } from "../scheduler.js";
import type { Services } from "../services/index.js";
import type { DueOffer, GoneOffer } from "../services/waitlist.js";
import type { BotContext } from "./context.js";
import { offerMessage } from "./features/waitlist.js";

const OFFERS_IN_FLIGHT = 4;

/**
 * The waitlist job (W2, W3), run by the scheduler every `WAITLIST_CHECK_SECONDS` on every
 * instance: it turns freed time into offers (services/waitlist.ts: each customer offered a time
 * once) and sends the offers that are due through `api`, the bot's bulk-priority Api that
 * broadcasts use, so offers share the one send budget and never delay a customer's answer.
 * Offers are waitlisted customers' own requests, so no marketing consent is checked. Each round
 * first edits the offer messages whose times someone else booked (their buttons go).
 */
export function createWaitlistJob(api: Api, i18n: I18n<BotContext>, config: Config, services: Services, logger: Logger) {
  async function deliver(offer: DueOffer): Promise<boolean> {
    const { text, keyboard } = offerMessage(offer, config.timeZone, (key, vars) => i18n.t(offer.language, key, vars));
    let messageId: number;
    try {
      messageId = (await api.sendMessage(offer.telegramId, text, { reply_markup: keyboard })).message_id;
    } catch (error) {
      // Taken once: a failed message is not sent again (a blocked bot, say); the entry stays.
      logger.warn({ err: error, entryId: offer.entryId }, "waitlist offer not sent");
      return false;
    }
    await services.waitlist.offerSent(offer.offerIds, messageId);
    return true;
  }

  /** An offer message some of whose times someone else booked: those buttons go, and a line says so. */
  async function edit(offer: GoneOffer): Promise<void> {
    const { text, keyboard } = offerMessage(offer, config.timeZone, (key, vars) => i18n.t(offer.language, key, vars));
    try {
      await api.editMessageText(offer.telegramId, offer.messageId, text, { reply_markup: keyboard });
    } catch (error) {
      // Taken once, like the sending: a message deleted meanwhile stays as it was.
      logger.warn({ err: error, entryId: offer.entryId }, "waitlist offer not updated");
    }
  }

  /** Runs `work` on each item, four at a time. */
  async function inFlight<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await work(items[next++]!);
    };
    await Promise.all(Array.from({ length: OFFERS_IN_FLIGHT }, worker));
  }

  /**
   * One round: edit the offer messages whose times someone booked, match freed time, then send
   * every offer due at `now`; returns how many offers were sent.
   */
  async function runOnce(now = Date.now()): Promise<number> {
    for (;;) {
      const gone = await services.waitlist.takeGoneOffers(now);
      if (gone.length === 0) break;
      await inFlight(gone, edit);
    }
    const made = await services.waitlist.matchFreedTimes(now);
    if (made > 0) logger.info({ offers: made }, "waitlist offers made");
    let sent = 0;
    // The next batch is taken while this one is sent: marking offers taken costs the database
    // about as long as Telegram's limit takes to send them.
    let taking = services.waitlist.takeDueOffers(now);
    for (;;) {
      const due = await taking;
      if (due.length === 0) return sent;
      taking = services.waitlist.takeDueOffers(now);
      try {
        await inFlight(due, async (offer) => {
          if (await deliver(offer)) sent++;
        });
      } catch (error) {
        await taking.catch(() => undefined);
        throw error;
      }
    }
  }

  const job: ScheduledJob = { name: "waitlist", everyMs: config.waitlist.checkSeconds * 1000, round: () => runOnce() };
  return { runOnce, job };
}
