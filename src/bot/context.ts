import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Language } from "../domain/enums.js";
import type { Logger } from "../logger.js";
import type { CustomerSession } from "../services/customers.js";

/** Context outside conversations: plugins' flavours plus what our middleware adds. */
export type BotContext = ConversationFlavor<
  Context &
    I18nFlavor & {
      /** Logger bound to this update's id. */
      logger: Logger;
      /** The private-chat user, loaded (or created) for every update; see CustomerContext. */
      customer?: CustomerSession;
    }
>;

/**
 * Context in a private chat once the customer is loaded (bot/index.ts): every feature and
 * conversation mounted there can count on the customer.
 */
export type CustomerContext = BotContext & { customer: CustomerSession };

/**
 * Context inside conversations: only the plugins passed through the conversation's `plugins`,
 * which also set the customer's language (and the i18n locale to it) on every context.
 */
export type ConversationContext = Context &
  I18nFlavor & {
    /** The customer's stored language when this update arrived. */
    language: Language;
  };
