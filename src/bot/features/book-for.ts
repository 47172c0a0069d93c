import type { CommandInfo } from "../surface.js";
import { Composer, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { Services } from "../../services/index.js";
import { buttons, OBJECT_ID, onButton } from "../buttons.js";
import type { CustomerContext } from "../context.js";
import { BOOK_FOR_CUSTOMER_CONVERSATION, PRACTITIONER_MOVE_CONVERSATION } from "../conversations/practitioner.js";
import { adminBookingButtons } from "../keyboards.js";

/** This feature's commands (position in the practitioner's menu; bot/commands.ts gathers them). */
export const bookForCommands: readonly CommandInfo[] = [
  { name: "bookfor", menu: 16, endsFlow: true },
];

/** "Book" for a customer: on their card (`ad:bf:<customer id>`), or from the search (`ad:bf:new`). */
export const bookForCardButtons = buttons("ad", { action: ["bf"], customerId: new RegExp(`${OBJECT_ID.source}|new`) });

/** The customer card's "Book" button: books for that customer (A10). */
export function bookForCardButton(customerId: string): string {
  return bookForCardButtons.pack({ action: "bf", customerId });
}

/** "Book for a customer" under a day of /agenda and /week: the flow from the customer search. */
export function bookForAnyoneButton(t: (key: string) => string): InlineKeyboardButton {
  return InlineKeyboard.text(t("button-admin-book-for-anyone"), bookForCardButtons.pack({ action: "bf", customerId: "new" }));
}

/**
 * `/bookfor` (the practitioner books for a customer who phoned or came to the desk, A10) and the
 * customer card's Book button, which skips the search. Mounted behind ADMIN_IDS.
 */
export function bookForFeature(services: Services): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  composer.command("bookfor", (ctx) => ctx.conversation.enter(BOOK_FOR_CUSTOMER_CONVERSATION));
  // A booking's Move button (A12), drawn by adminBookingKeyboard.
  onButton(composer, adminBookingButtons, { action: "mv" }, async (ctx, { bookingId }) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(PRACTITIONER_MOVE_CONVERSATION, bookingId);
  });
  onButton(composer, bookForCardButtons, {}, async (ctx, { customerId }) => {
    await ctx.answerCallbackQuery();
    if (customerId === "new") {
      await ctx.conversation.enter(BOOK_FOR_CUSTOMER_CONVERSATION);
      return;
    }
    // The card is read (and its view audit-logged) for the name the flow shows.
    const card = await services.admin.customerCard(ctx.from.id, customerId, new Date());
    if (!card) {
      await ctx.reply(ctx.t("change-not-found"));
      return;
    }
    await ctx.conversation.enter(BOOK_FOR_CUSTOMER_CONVERSATION, { customerId, name: card.name || ctx.t("value-none") });
  });
  return composer;
}
