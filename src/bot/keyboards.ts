import { InlineKeyboard } from "grammy";
import { LANGUAGES } from "../config.js";
import type { BotContext } from "./context.js";

/** Callback data of the main menu and the language picker. */
export const MENU = { book: "menu:book", myBookings: "menu:mybookings", privacy: "menu:privacy" } as const;
export const LANGUAGE_PREFIX = "lang:";

/** Book / My bookings / Privacy, under /start and /help. */
export function mainMenu(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("button-book"), MENU.book)
    .row()
    .text(ctx.t("button-my-bookings"), MENU.myBookings)
    .row()
    .text(ctx.t("button-privacy"), MENU.privacy);
}

/** One button per language, each labelled in its own language. */
export function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const language of LANGUAGES) {
    keyboard.text(ctx.i18n.fluent.translate(language, "language-name"), `${LANGUAGE_PREFIX}${language}`);
  }
  return keyboard;
}
