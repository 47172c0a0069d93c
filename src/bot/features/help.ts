import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { mainMenu } from "../keyboards.js";
import type { FeatureSurface } from "../surface.js";

/** /help answers in the middle of a flow and leaves it waiting; /cancel ends the flow. */
export const helpSurface: FeatureSurface = {
  commands: [
    { name: "help", menu: 10, endsFlow: false },
    { name: "cancel", menu: 11, endsFlow: false },
  ],
  flowEndingButtons: [],
};

/**
 * `/cancel` ends whatever flow is in progress; `/help` lists the commands (the practitioner's
 * own too, in an admin's chat only) under the main menu.
 */
export function helpFeature(options: { isAdmin(ctx: BotContext): boolean; adminCommands: readonly string[] }): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(active ? "flow-cancelled" : "nothing-to-cancel"));
  });
  composer.command("help", async (ctx) => {
    const admin = options.isAdmin(ctx)
      ? `\n\n${ctx.t("help-admin-title")}\n${options.adminCommands.map((c) => `/${c} – ${ctx.t(`command-${c}`)}`).join("\n")}`
      : "";
    await ctx.reply(`${ctx.t("help")}${admin}`, { reply_markup: mainMenu(ctx) });
  });
  return composer;
}
