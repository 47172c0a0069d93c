import { Composer, InlineKeyboard } from "grammy";
import { LANGUAGES } from "../../domain/enums.js";
import type { Services } from "../../services/index.js";
import type { CustomerContext } from "../context.js";
import { BOOKING_CONVERSATION } from "../conversations/booking.js";
import { languageButtons, languageKeyboard, mainMenu, MENU, menuButtons } from "../keyboards.js";
import type { FeatureSurface } from "../surface.js";

export const startSurface: FeatureSurface = {
  commands: [
    { name: "book", menu: 1, endsFlow: true },
    { name: "language", menu: 9, endsFlow: true },
    { name: "start", menu: 12, endsFlow: true },
  ],
  // The main menu's buttons and the language picker start something new.
  flowEndingButtons: [menuButtons.any, languageButtons.any],
};

/**
 * `/start`, `/book`, `/language` and the main menu's Book button. With the Mini App's address
 * (WEBAPP_URL), `/start` and `/book` also offer its calendar.
 */
export function startFeature(services: Services, webAppUrl?: string): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();

  composer.command("start", (ctx) => ctx.reply(ctx.t("start-greeting"), { reply_markup: mainMenu(ctx, webAppUrl) }));

  const enterBooking = (ctx: CustomerContext) => ctx.conversation.enter(BOOKING_CONVERSATION);
  composer.command("book", async (ctx) => {
    if (webAppUrl) await ctx.reply(ctx.t("webapp-book-hint"), { reply_markup: new InlineKeyboard().webApp(ctx.t("webapp-open-button"), webAppUrl) });
    await enterBooking(ctx);
  });
  composer.callbackQuery(MENU.book, async (ctx) => {
    await ctx.answerCallbackQuery();
    await enterBooking(ctx);
  });

  composer.command("language", (ctx) => ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx) }));
  composer.callbackQuery(languageButtons.any, async (ctx, next) => {
    const chosen = LANGUAGES.find((l) => l === languageButtons.read(ctx.callbackQuery.data)?.language);
    if (!chosen) return next();
    await services.updateLanguage(ctx.from.id, chosen, new Date());
    ctx.customer.language = chosen;
    ctx.i18n.useLocale(chosen);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("language-changed"));
  });

  return composer;
}
