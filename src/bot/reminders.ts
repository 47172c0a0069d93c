import type { I18n } from "@grammyjs/i18n";
import { GrammyError, InlineKeyboard, type Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { ScheduledJob } from "../scheduler.js";
import type { Services } from "../services/index.js";
import type { DueReminder } from "../services/reminders.js";
import type { BotContext } from "./context.js";
import { formatDateTime } from "./format.js";
import { MENU } from "./keyboards.js";

const REMINDERS_IN_FLIGHT = 8;

/**
 * The reminder job (B8), run by the scheduler. Every `reminderCheckSeconds` it claims the reminders that are due and
 * sends them. State lives on the booking documents, so it survives restarts (a reminder missed
 * while the bot was down goes out on the first round after start, if the booking is still ahead)
 * and several processes can run it against one database: each reminder is claimed by one.
 */
export function createReminderJob(api: Api, i18n: I18n<BotContext>, config: Config, services: Services, logger: Logger) {
  /** Sends one claimed reminder. */
  async function deliver(reminder: DueReminder): Promise<"sent" | "given-up" | "retry"> {
    const l = reminder.language;
    const text = i18n.t(l, "reminder", {
      service: reminder.serviceName[l],
      when: formatDateTime(reminder.start, l, config.timeZone),
      address: config.business.address,
    });
    try {
      await api.sendMessage(reminder.telegramId, text, {
        reply_markup: new InlineKeyboard().text(i18n.t(l, "button-my-bookings"), MENU.myBookings),
      });
      await services.markReminderSent(reminder, Date.now());
      return "sent";
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) {
        // The customer blocked the bot: nothing will ever get through.
        await services.markReminderSent(reminder, Date.now());
        logger.info({ bookingId: reminder.bookingId }, "reminder not deliverable (bot blocked)");
        return "given-up";
      }
      await services.releaseReminder(reminder);
      logger.warn({ err: error, bookingId: reminder.bookingId }, "reminder not sent; will retry");
      return "retry";
    }
  }

  /**
   * Sends every reminder due at `now`; returns how many were sent. A few go out at a time: the
   * database round trips, not Telegram, bound the rate, and eight in flight stay well under
   * Telegram's 30 messages a second.
   */
  async function runOnce(now = Date.now()): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await services.claimDueReminders(now);
      if (due.length === 0) return sent;
      for (let i = 0; i < due.length; i += REMINDERS_IN_FLIGHT) {
        const results = await Promise.all(due.slice(i, i + REMINDERS_IN_FLIGHT).map(deliver));
        sent += results.filter((r) => r === "sent").length;
        // A failure is retried next round, not at once: Telegram may be down for a while.
        if (results.includes("retry")) {
          await Promise.all(due.slice(i + REMINDERS_IN_FLIGHT).map((r) => services.releaseReminder(r)));
          return sent;
        }
      }
    }
  }

  /** One scheduled round (src/scheduler.ts): every `reminderCheckSeconds`, the first at start. */
  async function round(): Promise<void> {
    const sent = await runOnce();
    if (sent > 0) logger.info({ sent }, "reminders sent");
  }

  return { name: "reminders", everyMs: config.reminderCheckSeconds * 1000, round, runOnce } satisfies ScheduledJob & { runOnce: unknown };
}
