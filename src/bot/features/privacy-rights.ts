import type { RetentionRules } from "../../config.js";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { BusinessProfile } from "../../config.js";
import type { Language } from "../../domain/enums.js";
import type { MarketingChannel } from "../../domain/enums.js";
import type { ConsentState } from "../../services/consents.js";
import type { CustomerExport } from "../../services/data-export.js";
import type { Services } from "../../services/index.js";
import type { CustomerContext } from "../context.js";
import { formatDateTime } from "../format.js";
import { buttons } from "../buttons.js";
import type { AdminNotifier } from "../notify.js";
import type { FeatureSurface } from "../surface.js";

/** The consent toggles (`mk:t:email`) and the stop button every marketing message carries (`mk:stop`, P4). */
export const consentButtons = buttons("mk", { action: String, channel: String });
export const stopButtons = buttons("mk", { action: String });
export const MARKETING_STOP = stopButtons.pack({ action: "stop" });
/** The erasure question's answers (`dm:yes`, `dm:no`). */
export const erasureButtons = buttons("dm", { answer: String });
/** The retention question's "keep my data" button (`rt:keep`, P9). */
export const retentionButtons = buttons("rt", { answer: String });
export const KEEP_DATA = retentionButtons.pack({ answer: "keep" });

export const privacyRightsSurface: FeatureSurface = {
  commands: [
    { name: "marketing", menu: 4, endsFlow: true },
    { name: "mydata", menu: 5, endsFlow: true },
    { name: "unsubscribe", menu: 7, endsFlow: true },
    { name: "deleteme", menu: 8, endsFlow: true },
  ],
  flowEndingButtons: [consentButtons.any, erasureButtons.any, retentionButtons.any],
};

const CHANNELS: MarketingChannel[] = ["telegram", "email", "sms"];

/** A customer's export (P5) as the file they receive, whoever sends it. */
export function exportFile(data: CustomerExport): InputFile {
  return new InputFile(Buffer.from(JSON.stringify(data, null, 2), "utf8"), "my-data.json");
}

function consentKeyboard(ctx: CustomerContext, state: ConsentState): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const channel of CHANNELS) {
    keyboard.text(`${state[channel] ? "☑" : "☐"} ${ctx.t(`channel-${channel}`)}`, consentButtons.pack({ action: "t", channel })).row();
  }
  return keyboard;
}

/**
 * The customer's privacy rights in the chat: `/marketing` (consent per channel), `/unsubscribe`
 * and the marketing stop button (P3, P4), `/mydata` (P5), `/deleteme` (P7) and the retention
 * question's "keep my data" button (P9). `/profile` is a conversation of its own.
 */
export function privacyRightsFeature(
  services: Services,
  notifier: AdminNotifier,
  config: { zone: string; business: BusinessProfile; adminIds: number[]; retention: Pick<RetentionRules, "inactiveYears" | "auditDays"> },
): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  const language = (ctx: CustomerContext): Language => ctx.customer.language;

  composer.command("marketing", async (ctx) => {
    const state = await services.marketingState(ctx.from!.id);
    await ctx.reply(ctx.t("marketing-status", { business: config.business.name }), { reply_markup: consentKeyboard(ctx, state) });
  });
  composer.callbackQuery(consentButtons.filter({ action: "t" }), async (ctx, next) => {
    const channel = CHANNELS.find((c) => c === consentButtons.read(ctx.callbackQuery.data)?.channel);
    if (!channel) return next();
    const current = await services.marketingState(ctx.from.id);
    const state = await services.setMarketingConsent(ctx.from.id, channel, !current[channel], "button", new Date());
    await ctx.answerCallbackQuery({ text: ctx.t(state[channel] ? "marketing-granted" : "marketing-withdrawn") });
    await ctx.editMessageText(ctx.t("marketing-status", { business: config.business.name }), {
      reply_markup: consentKeyboard(ctx, state),
    });
  });

  const unsubscribe = async (ctx: CustomerContext, method: "button" | "command") => {
    await services.withdrawAllMarketing(ctx.from!.id, method, new Date());
    return ctx.t("unsubscribed", { business: config.business.name });
  };
  composer.command("unsubscribe", async (ctx) => ctx.reply(await unsubscribe(ctx, "command")));
  composer.callbackQuery(MARKETING_STOP, async (ctx) => {
    const text = await unsubscribe(ctx, "button");
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(text);
  });

  composer.command("mydata", async (ctx) => {
    const when = (instant: number) => formatDateTime(instant, language(ctx), config.zone);
    const result = await services.requestExport(ctx.from!.id, new Date(), async (data) => {
      await ctx.replyWithDocument(exportFile(data), { caption: ctx.t("mydata-caption") });
    });
    switch (result.status) {
      case "pending":
        await ctx.reply(ctx.t("mydata-pending", { due: when(result.dueAt), contact: config.business.contactPerson, email: config.business.email }));
        await notifier.dataRequest(result.dueAt);
        return;
      case "already-pending":
        // The practitioner was told when it was made; asking again adds nothing for them.
        await ctx.reply(ctx.t("mydata-still-pending", { due: when(result.dueAt), email: config.business.email }));
        return;
      case "unknown":
        return;
    }
    const { counts, consentsAskedAt, retentionQuestion } = result.summary;
    const more: string[] = [];
    if (consentsAskedAt !== undefined) more.push(ctx.t("mydata-summary-consents-asked", { date: when(consentsAskedAt) }));
    if (retentionQuestion?.answeredAt !== undefined) {
      more.push(ctx.t("mydata-summary-retention-answered", { asked: when(retentionQuestion.askedAt), answered: when(retentionQuestion.answeredAt) }));
    } else if (retentionQuestion) {
      more.push(ctx.t("mydata-summary-retention-asked", { asked: when(retentionQuestion.askedAt) }));
    }
    await ctx.reply(
      ctx.t("mydata-summary", {
        ...counts,
        more: more.map((line) => `\n${line}`).join(""),
        name: [result.data.profile.firstName, result.data.profile.lastName].filter(Boolean).join(" ") || ctx.t("value-none"),
        contact: config.business.contactPerson,
        email: config.business.email,
        inactiveYears: config.retention.inactiveYears,
        auditDays: config.retention.auditDays,
      }),
    );
  });

  composer.command("deleteme", async (ctx) => {
    await ctx.reply(ctx.t("deleteme-explain"), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-deleteme-yes"), erasureButtons.pack({ answer: "yes" })).row().text(ctx.t("button-deleteme-no"), erasureButtons.pack({ answer: "no" })),
    });
  });
  composer.callbackQuery(erasureButtons.pack({ answer: "no" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("deleteme-kept"));
  });
  composer.callbackQuery(erasureButtons.pack({ answer: "yes" }), async (ctx) => {
    await ctx.answerCallbackQuery();
    const telegramId = ctx.from.id;
    const result = await services.eraseByTelegramId(telegramId, new Date());
    if (!result) {
      await ctx.editMessageText(ctx.t("deleteme-nothing"));
      return;
    }
    for (const cancellation of result.cancelled) await notifier.cancelled(cancellation);
    await ctx.editMessageText(ctx.t("deleteme-done", { payments: result.keptPayments, cancelled: result.cancelled.length }));
  });

  composer.callbackQuery(KEEP_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await services.keepCustomerData(ctx.customer.id, new Date());
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("retention-kept"));
  });
  return composer;
}
