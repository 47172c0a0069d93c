import { Composer } from "grammy";
import type { BusinessProfile } from "../../config.js";
import type { BotContext } from "../context.js";
import { MENU } from "../keyboards.js";

/** The full privacy notice (P1), filled in from the business profile. */
export function privacyNotice(ctx: BotContext, business: BusinessProfile): string {
  return ctx.t("privacy-notice", {
    controller: business.name,
    businessId: business.businessId,
    address: business.address,
    email: business.email,
    phone: business.phone,
    contact: business.contactPerson,
  });
}

/** `/privacy` and the Privacy button. Works in the middle of a booking without ending it. */
export function privacyFeature(business: BusinessProfile): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("privacy", (ctx) => ctx.reply(privacyNotice(ctx, business)));
  composer.callbackQuery(MENU.privacy, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(privacyNotice(ctx, business));
  });
  return composer;
}
