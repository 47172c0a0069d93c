import type { I18n } from "@grammyjs/i18n";
import { GrammyError, type Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { ScheduledJob } from "../scheduler.js";
import type { Services } from "../services/index.js";
import type { BotContext } from "./context.js";
import { renderDailyAgenda } from "./features/admin.js";

/**
 * The daily agenda job (A15), run by the scheduler every minute. Each practitioner in ADMIN_IDS
 * who set a time (`/dailyagenda 07:30`) gets the day's bookings in one message at or after that
 * wall-clock time in the practice's zone; a day missed while the bot was down goes out when it
 * comes back, the same day. "Sent" is stored with the setting, and a send is claimed by an insert,
 * so several processes and restarts send each day once (a process killed between sending and
 * recording it may send it once more, after the claim's lease).
 */
export function createDailyAgendaJob(api: Api, i18n: I18n<BotContext>, config: Config, services: Services, logger: Logger) {
  /** Sends every agenda due at `now`; returns how many were sent. */
  async function runOnce(now = Date.now()): Promise<number> {
    let sent = 0;
    for (const due of await services.dailyAgenda.dueAgendas(config.adminIds, now, config.timeZone)) {
      const claim = await services.dailyAgenda.claimAgenda(due);
      if (!claim) continue;
      try {
        const language = (await services.languageOf(due.adminId)) ?? config.defaultLanguage;
        // Like /today: the practitioner's own agenda is not logged as a view of each customer.
        const items = await services.admin.agenda(due.from, due.to);
        const text = renderDailyAgenda((key, vars) => i18n.t(language, key, vars), language, config.timeZone, due.day, items);
        await api.sendMessage(due.adminId, text);
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 403) {
          // The practitioner blocked the bot: trying all day would not get through.
          await services.dailyAgenda.markAgendaSent(due, claim);
          logger.info("daily agenda not deliverable (bot blocked)");
          continue;
        }
        await services.dailyAgenda.releaseAgenda(due, claim);
        logger.warn({ err: error }, "daily agenda not sent; will retry");
        continue;
      }
      await services.dailyAgenda.markAgendaSent(due, claim);
      sent++;
    }
    return sent;
  }

  /** One scheduled round (src/scheduler.ts): every minute, the first at start. */
  async function round(): Promise<void> {
    const sent = await runOnce();
    if (sent > 0) logger.info({ sent }, "daily agendas sent");
  }

  return { name: "daily-agenda", everyMs: 60_000, round, runOnce } satisfies ScheduledJob & { runOnce: unknown };
}
