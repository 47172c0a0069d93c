import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Logger } from "../logger.js";
import type { CustomerSession } from "../services/customers.js";

/** Context outside conversations: plugins' flavours plus what our middleware adds. */
export type BotContext = ConversationFlavor<
  Context &
    I18nFlavor & {
      /** Logger bound to this update's id. */
      logger: Logger;
      /** The private-chat user, loaded (or created) for every update. */
      customer?: CustomerSession;
    }
>;

/** Context inside conversations: only the plugins passed through the conversation's `plugins`. */
export type ConversationContext = Context & I18nFlavor;
