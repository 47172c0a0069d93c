import type { CommandInfo } from "../surface.js";
import { Composer } from "grammy";
import type { Services } from "../../services/index.js";
import type { CustomerContext } from "../context.js";
import { formatDateTime, formatTime } from "../format.js";
import { BROADCAST_CONVERSATION } from "./admin.js";

/** This feature's commands (position in the practitioner's menu; bot/commands.ts gathers them). */
export const lastMinuteCommands: readonly CommandInfo[] = [
  { name: "lastminute", menu: 12, endsFlow: true },
];

/** How far ahead /lastminute looks for free gaps. */
const LAST_MINUTE_HOURS = 48;
const MAX_GAPS = 6;

/**
 * `/lastminute` (W4): the free gaps of the next two days composed as a marketing message and
 * handed to the broadcast flow at its preview, so the audience (Telegram marketing consent), the
 * consent check at sending, the stop button and the pacing are the broadcasts' own.
 */
export function lastMinuteFeature(services: Services, zone: string): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  composer.command("lastminute", async (ctx) => {
    const gaps = (await services.waitlist.lastMinuteGaps(Date.now(), LAST_MINUTE_HOURS)).slice(0, MAX_GAPS);
    if (gaps.length === 0) {
      await ctx.reply(ctx.t("lastminute-none", { hours: LAST_MINUTE_HOURS }));
      return;
    }
    const language = ctx.customer.language;
    const lines = gaps.map((g) => ctx.t("lastminute-gap", { from: formatDateTime(g.start, language, zone), to: formatTime(g.end, language, zone) }));
    await ctx.conversation.enter(BROADCAST_CONVERSATION, ctx.t("lastminute-draft", { gaps: lines.join("\n") }));
  });
  return composer;
}
