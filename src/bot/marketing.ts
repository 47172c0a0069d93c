import type { I18n } from "@grammyjs/i18n";
import { InlineKeyboard, type Api } from "grammy";
import type { Config } from "../config.js";
import type { Language } from "../domain/enums.js";
import type { Services } from "../services/index.js";
import type { BotContext } from "./context.js";
import { MARKETING_STOP } from "./features/privacy-rights.js";

/**
 * The one way to send a marketing message by Telegram (P4). Consent is checked at the moment of
 * sending (by the customer's record id when the caller knows it), so a withdrawal made after a
 * message was queued is still honoured; the message says
 * it is marketing from the practice and carries a one-tap stop button.
 */
export function createMarketingSender(api: Api, i18n: I18n<BotContext>, config: Config, services: Services) {
  return async function sendMarketing(telegramId: number, language: Language, body: string, customerId?: string): Promise<"sent" | "no-consent"> {
    if (!(await services.mayMarket(customerId === undefined ? telegramId : { customerId }, "telegram"))) return "no-consent";
    await api.sendMessage(telegramId, i18n.t(language, "marketing-message", { business: config.business.name, body }), {
      reply_markup: new InlineKeyboard().text(i18n.t(language, "button-marketing-stop"), MARKETING_STOP),
    });
    return "sent";
  };
}
