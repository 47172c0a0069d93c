import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/**
 * Last in line: whatever nothing else took. A button nobody handles (an old message's, or one
 * forged by a client) is answered as expired; anything sent outside a flow gets a short hint.
 */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
unhandledFeature.on("message", (ctx) => ctx.reply(ctx.t("unknown-input")));
