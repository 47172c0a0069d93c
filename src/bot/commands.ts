import { CommandGroup } from "@grammyjs/commands";
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import { LANGUAGES, type Language } from "../config.js";
import type { BotContext } from "./context.js";

/** The commands customers see in Telegram's menu, in the order shown. */
export const PUBLIC_COMMANDS = [
  "book",
  "mybookings",
  "profile",
  "marketing",
  "mydata",
  "privacy",
  "unsubscribe",
  "deleteme",
  "language",
  "help",
  "cancel",
  "start",
] as const;

/**
 * The public command list with descriptions in every language; the default (no language code)
 * uses the practice's default language.
 */
export function publicCommands(i18n: I18n<BotContext>, defaultLanguage: Language): CommandGroup<BotContext> {
  const group = new CommandGroup<BotContext>();
  for (const name of PUBLIC_COMMANDS) {
    const command = group.command(name, i18n.t(defaultLanguage, `command-${name}`));
    for (const language of LANGUAGES) command.localize(language, name, i18n.t(language, `command-${name}`));
  }
  return group;
}

/** Registers the command menu with Telegram in all languages. */
export async function registerCommands(api: Api, i18n: I18n<BotContext>, defaultLanguage: Language): Promise<void> {
  await publicCommands(i18n, defaultLanguage).setCommands({ api });
}
