import { Composer } from "grammy";
import type { BusinessProfile } from "../../config.js";
import type { Language } from "../../domain/enums.js";
import type { Services } from "../../services/index.js";
import { isLinkToken } from "../../services/telegram-link.js";
import type { CustomerContext } from "../context.js";
import { mainMenu } from "../keyboards.js";

/**
 * `/start <token>`: a customer opens the link the practitioner sent them (A11), and their
 * Telegram account becomes that customer's (services/telegram-link.ts decides, under the
 * customer's lock). Any other /start goes on to the ordinary greeting. The practitioner who made
 * the link is told what happened (every practitioner, if she is no longer one). A practitioner
 * opening a link herself is stopped: it would make her own account the customer's.
 */
export function telegramLinkFeature(
  services: Services,
  config: { adminIds: number[]; business: BusinessProfile; defaultLanguage: Language },
): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();

  /** Tells the practitioner who made the link, in her language. */
  async function tellPractitioner(ctx: CustomerContext, createdBy: number, key: string, vars: Record<string, string>): Promise<void> {
    const to = config.adminIds.includes(createdBy) ? [createdBy] : config.adminIds;
    for (const adminId of to) {
      const language = (await services.languageOf(adminId)) ?? config.defaultLanguage;
      try {
        await ctx.api.sendMessage(adminId, ctx.i18n.fluent.translate(language, key, vars));
      } catch (error) {
        ctx.logger.warn({ err: error }, "could not tell a practitioner about a Telegram link");
      }
    }
  }

  composer.command("start", async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!isLinkToken(payload)) return next();
    if (config.adminIds.includes(ctx.from!.id)) {
      await ctx.reply(ctx.t("link-admin-opened"));
      return;
    }
    const outcome = await services.redeemTelegramLink(payload, ctx.from!.id, new Date());
    const business = config.business.name;
    switch (outcome.status) {
      case "linked":
      case "already-linked":
        // From this update on, the chat is this customer's.
        ctx.customer.id = outcome.customerId;
        ctx.customer.language = outcome.language;
        ctx.i18n.useLocale(outcome.language);
        await ctx.reply(ctx.t(outcome.status === "linked" ? "link-done" : "link-already", { business }), { reply_markup: mainMenu(ctx) });
        if (outcome.status === "linked") await tellPractitioner(ctx, outcome.createdBy, "admin-link-used", { name: outcome.name || "–" });
        return;
      case "invalid":
        ctx.logger.info("unknown Telegram link opened");
        await ctx.reply(ctx.t("link-invalid", { business, phone: config.business.phone }), { reply_markup: mainMenu(ctx) });
        return;
      case "expired":
        await ctx.reply(ctx.t("link-expired", { business, phone: config.business.phone }), { reply_markup: mainMenu(ctx) });
        await tellPractitioner(ctx, outcome.createdBy, "admin-link-expired", { name: outcome.name || "–" });
        return;
      case "used":
      case "customer-linked-elsewhere":
        // The same answer for both: whoever opened it learns nothing about the customer.
        await ctx.reply(ctx.t("link-used", { business, phone: config.business.phone }), { reply_markup: mainMenu(ctx) });
        await tellPractitioner(ctx, outcome.createdBy, "admin-link-used-again", { name: outcome.name || "–" });
        return;
      case "has-own-record":
        await ctx.reply(ctx.t("link-own-record", { business, phone: config.business.phone }), { reply_markup: mainMenu(ctx) });
        await tellPractitioner(ctx, outcome.createdBy, "admin-link-own-record", { name: outcome.name || "–", own: outcome.ownName ?? "–" });
        return;
    }
  });

  return composer;
}
