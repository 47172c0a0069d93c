import type { ConversationContextStorage, ConversationData } from "@grammyjs/conversations";
import type { Context, MiddlewareFn } from "grammy";
import type { Language } from "../domain/enums.js";
import type { OpenChat } from "../services/chats.js";
import type { Services } from "../services/index.js";
import type { BotContext } from "./context.js";

/**
 * The database side of every private-chat update, in two commands: the chat record is read before
 * anything else (the customer, their language, the flow in progress, the ids of updates already
 * handled) and written once after everything else (services/chats.ts). A redelivered update
 * (webhook retry, polling resumed after a restart) is recognised by its id and ignored; one whose
 * process died before the write is handled again from the state saved before it, as before.
 *
 * The conversations plugin keeps its state in the same record: `storage` below hands it the state
 * read at the start and takes the state it leaves, so the plugin costs no command of its own.
 */
export function createUpdateGuard(services: Pick<Services, "openChat" | "closeChat">, fallback: Language) {
  const open = new WeakMap<Context, OpenChat>();
  const chatOf = (ctx: Context): OpenChat => {
    const chat = open.get(ctx);
    if (!chat) throw new Error("the conversations plugin ran outside the update guard");
    return chat;
  };

  const middleware: MiddlewareFn<BotContext> = async (ctx, next) => {
    // An update without a sender (possible for edited or forwarded content) is nobody's to act on.
    if (!ctx.from) return;
    const chat = await services.openChat(ctx.from.id, ctx.update.update_id, ctx.from.language_code, fallback, new Date());
    if (chat === "duplicate") {
      ctx.logger.info("duplicate update ignored");
      return;
    }
    ctx.customer = chat.customer;
    open.set(ctx, chat);
    const started = performance.now();
    try {
      await next();
    } finally {
      await services.closeChat(chat, ctx.update.update_id, new Date());
    }
    // Only the update's kind and timing: never its content.
    const kind = Object.keys(ctx.update).find((key) => key !== "update_id");
    ctx.logger.debug({ kind, ms: Math.round(performance.now() - started) }, "update handled");
  };

  type Versioned = Parameters<ConversationContextStorage<Context, ConversationData>["adapter"]["write"]>[1];
  const storage: ConversationContextStorage<Context, ConversationData> = {
    type: "context",
    // A flow saved by an older release is not replayed (the plugin drops it; the customer starts
    // again). Version 1: flows take the customer's language from the plugins instead of an
    // argument. Version 2: the plugins read the language once per run, not at every wait, so a
    // saved flow holds one such operation instead of one per step.
    version: 2,
    adapter: {
      read: (ctx) => chatOf(ctx).state as Versioned | undefined,
      write: (ctx, state) => {
        chatOf(ctx).state = state;
      },
      delete: (ctx) => {
        chatOf(ctx).state = undefined;
      },
    },
  };

  return { middleware, storage };
}
