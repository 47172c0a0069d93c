import type { I18n } from "@grammyjs/i18n";
import { InlineKeyboard, type Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { ScheduledJob } from "../scheduler.js";
import type { Services } from "../services/index.js";
import type { BotContext } from "./context.js";
import { keepDataByPractice } from "./features/customer-record.js";
import { KEEP_DATA } from "./features/privacy-rights.js";
import { formatDate } from "./format.js";
import type { AdminNotifier } from "./notify.js";

/**
 * The retention job (P9), run by the scheduler: asks customers inactive for `inactiveYears` whether to keep their
 * data, erases those who did not answer (or use the bot) within `answerDays`, and deletes what
 * has outlived its retention period. Safe with several processes (see services/retention.ts).
 */
export function createRetentionJob(
  api: Api,
  i18n: I18n<BotContext>,
  config: Config,
  services: Services,
  notifier: AdminNotifier,
  logger: Logger,
) {
  /** Tells every practitioner that a customer without Telegram is to be erased, with a button to keep them. */
  async function askPractitioners(customerId: string, name: string, now: Date): Promise<void> {
    const erasedOn = now.getTime() + config.retention.answerDays * 86_400_000;
    for (const adminId of config.adminIds) {
      const l = (await services.languageOf(adminId)) ?? config.defaultLanguage;
      try {
        await api.sendMessage(
          adminId,
          i18n.t(l, "retention-question-practice", {
            name: name || i18n.t(l, "value-none"),
            years: config.retention.inactiveYears,
            date: formatDate(erasedOn, l, config.timeZone),
          }),
          { reply_markup: new InlineKeyboard().text(i18n.t(l, "button-keep-data-practice"), keepDataByPractice(customerId)) },
        );
      } catch (error) {
        logger.warn({ err: error, customerId }, "retention question not delivered to a practitioner");
      }
    }
  }

  async function runOnce(now = new Date()): Promise<{ warned: number; erased: number; purged: Record<string, number> }> {
    let warned = 0;
    for (const customer of await services.claimInactiveCustomers(now)) {
      if (customer.telegramId === undefined) {
        // Created by the practice and never on Telegram: the practitioner answers for them.
        await askPractitioners(customer.customerId, customer.name, now);
        warned++;
        continue;
      }
      try {
        await api.sendMessage(
          customer.telegramId,
          i18n.t(customer.language, "retention-question", {
            business: config.business.name,
            years: config.retention.inactiveYears,
            days: config.retention.answerDays,
          }),
          { reply_markup: new InlineKeyboard().text(i18n.t(customer.language, "button-keep-data"), KEEP_DATA) },
        );
        warned++;
      } catch (error) {
        // Unreachable (blocked the bot): the question stands as asked; erasure follows as usual.
        logger.info({ err: error, customerId: customer.customerId }, "retention question not delivered");
      }
    }
    const erasures = await services.eraseUnanswered(now);
    for (const erasure of erasures) for (const cancellation of erasure.cancelled) await notifier.cancelled(cancellation);
    const purged = await services.purgeExpired(now);
    return { warned, erased: erasures.length, purged };
  }

  return {
    name: "retention",
    everyMs: config.retentionCheckHours * 3_600_000,
    /** One scheduled round (src/scheduler.ts): every `retentionCheckHours`, the first at start. */
    async round() {
      const r = await runOnce();
      logger.info({ warned: r.warned, erased: r.erased, ...r.purged }, "retention round");
    },
    runOnce,
  } satisfies ScheduledJob & { runOnce: unknown };
}
