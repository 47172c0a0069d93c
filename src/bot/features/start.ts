import { Composer } from "grammy";
import type { Language } from "../../domain/enums.js";
import type { Services } from "../../services/index.js";
import type { CustomerContext } from "../context.js";
import { BOOKING_CONVERSATION } from "../conversations/booking.js";
import { languageKeyboard, LANGUAGE_PREFIX, mainMenu, MENU } from "../keyboards.js";

/** `/start`, `/book`, `/language` and the main menu's Book button. */
export function startFeature(services: Services): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();

  composer.command("start", (ctx) => ctx.reply(ctx.t("start-greeting"), { reply_markup: mainMenu(ctx) }));

  const enterBooking = (ctx: CustomerContext) => ctx.conversation.enter(BOOKING_CONVERSATION);
  composer.command("book", enterBooking);
  composer.callbackQuery(MENU.book, async (ctx) => {
    await ctx.answerCallbackQuery();
    await enterBooking(ctx);
  });

  composer.command("language", (ctx) => ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx) }));
  composer.callbackQuery(new RegExp(`^${LANGUAGE_PREFIX}(fi|sv|en)$`), async (ctx) => {
    const chosen = ctx.match[1] as Language;
    await services.updateLanguage(ctx.from.id, chosen, new Date());
    ctx.customer.language = chosen;
    ctx.i18n.useLocale(chosen);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language-changed"));
  });

  return composer;
}
