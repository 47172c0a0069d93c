import { InlineKeyboard } from "grammy";
import { LANGUAGES } from "../domain/enums.js";
import { buttons, OBJECT_ID, type ValuesOf } from "./buttons.js";
import type { BotContext } from "./context.js";

/** The main menu's buttons (`menu:book`, …) and the language picker's (`lang:fi`, …). */
export const menuButtons = buttons("menu", { item: String });
export const languageButtons = buttons("lang", { language: String });
export const MENU = {
  book: menuButtons.pack({ item: "book" }),
  myBookings: menuButtons.pack({ item: "mybookings" }),
  privacy: menuButtons.pack({ item: "privacy" }),
} as const;

/**
 * Book / My bookings / Privacy, under /start and /help; with the Mini App's address, a button
 * that opens its calendar first (M1).
 */
export function mainMenu(ctx: BotContext, webAppUrl?: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (webAppUrl) keyboard.webApp(ctx.t("webapp-open-button"), webAppUrl).row();
  return keyboard
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
    keyboard.text(ctx.i18n.fluent.translate(language, "language-name"), languageButtons.pack({ language }));
  }
  return keyboard;
}

/**
 * A booking's buttons for the practitioner, `ad:<action>:<booking id>`: attended, no-show, payment,
 * contact details, cancel (features/admin.ts) and move (features/book-for.ts).
 */
export const adminBookingButtons = buttons("ad", { action: ["att", "ns", "pay", "dt", "mv", "cx"], bookingId: OBJECT_ID });

/**
 * A booking's actions for the practitioner (A1, A2, A5): attended, no-show, payment, contact
 * details (audit-logged on the press), cancel with a reason. `/today`, the week's booking cards and
 * every booking notification draw the same buttons from here. `t` translates into the admin's
 * language. A booking that has `started` keeps attendance and payment but cannot be cancelled.
 */
export function adminBookingKeyboard(t: (key: string) => string, bookingId: string, options: { started?: boolean } = {}): InlineKeyboard {
  const data = (action: ValuesOf<typeof adminBookingButtons>["action"]) => adminBookingButtons.pack({ action, bookingId });
  const keyboard = new InlineKeyboard()
    .text(t("button-admin-attended"), data("att"))
    .text(t("button-admin-noshow"), data("ns"))
    .row()
    .text(t("button-admin-payment"), data("pay"))
    .text(t("button-admin-details"), data("dt"));
  if (!options.started) keyboard.row().text(t("button-admin-move"), data("mv")).text(t("button-admin-cancel"), data("cx"));
  return keyboard;
}
