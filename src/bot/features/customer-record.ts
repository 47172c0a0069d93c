import { Composer, InlineKeyboard } from "grammy";
import type { Language } from "../../domain/enums.js";
import type { AdminCancellation } from "../../services/admin.js";
import type { Services } from "../../services/index.js";
import { buttons, OBJECT_ID, onButton } from "../buttons.js";
import type { CustomerContext } from "../context.js";
import { formatDateTime } from "../format.js";
import { exportFile } from "./privacy-rights.js";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Reasons a Telegram link was refused, as audit entries name them (each has an `audit-field-*` text). */
export const LINK_AUDIT_FIELDS = ["expired", "used", "customer-linked-elsewhere", "has-own-record", "retention"] as const;

/**
 * The card's record buttons, `ad:<action>:<customer id>`: Telegram link, export, erase, erase
 * confirmed; and the practitioner's "keep the data" for a customer not on Telegram (P9, sent by
 * the retention job).
 */
export const customerRecordButtons = buttons("ad", { action: ["tl", "xp", "er", "erok", "rk"], customerId: OBJECT_ID });
/** "No, keep them" under the erasure question. */
export const eraseDeclinedButtons = buttons("ad", { action: ["erno"] });
const ERASE_DECLINED = eraseDeclinedButtons.pack({ action: "erno" });

/** Callback data of the practitioner's "keep the data" answer for a customer not on Telegram (P9). */
export function keepDataByPractice(customerId: string): string {
  return customerRecordButtons.pack({ action: "rk", customerId });
}

/**
 * The customer card's buttons for the record itself: a Telegram link while the customer has none
 * (A11), their data as a file to hand over (P5) and erasure (P7), for requests the customer made
 * to the practice rather than in the chat.
 */
export function addCustomerRecordButtons(keyboard: InlineKeyboard, t: Translate, card: { customerId: string; telegramId?: number }): InlineKeyboard {
  const { customerId } = card;
  if (card.telegramId === undefined) keyboard.row().text(t("button-admin-telegram-link"), customerRecordButtons.pack({ action: "tl", customerId }));
  return keyboard
    .row()
    .text(t("button-admin-export-customer"), customerRecordButtons.pack({ action: "xp", customerId }))
    .text(t("button-admin-erase-customer"), customerRecordButtons.pack({ action: "er", customerId }));
}

/**
 * The practitioner's actions on a customer's record from the card (mounted in the admin feature,
 * behind ADMIN_IDS): make a Telegram link, export, erase (asked twice), and keep the data of a
 * customer not on Telegram whom retention would erase. Every one is audit-logged by its service.
 */
export function customerRecordFeature(
  services: Services,
  config: { zone: string },
  hooks: { tellCustomerCancelled(cancellation: AdminCancellation, reason: (language: Language) => string): Promise<void> },
): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  const a = services.admin;

  onButton(composer, customerRecordButtons, { action: "tl" }, async (ctx, { customerId }) => {
    await ctx.answerCallbackQuery();
    const result = await a.createTelegramLink(ctx.from.id, customerId, new Date());
    if (result.status === "not-found") {
      await ctx.reply(ctx.t("change-not-found"));
      return;
    }
    if (result.status === "already-linked") {
      await ctx.reply(ctx.t("admin-telegram-link-already", { name: result.name || ctx.t("value-none") }));
      return;
    }
    await ctx.reply(
      ctx.t("admin-telegram-link", {
        name: result.name || ctx.t("value-none"),
        link: `https://t.me/${ctx.me.username}?start=${result.token}`,
        until: formatDateTime(result.expiresAt, ctx.customer.language, config.zone),
      }),
      { link_preview_options: { is_disabled: true } },
    );
  });

  onButton(composer, customerRecordButtons, { action: "xp" }, async (ctx, { customerId }) => {
    await ctx.answerCallbackQuery();
    const result = await a.exportForPractitioner(ctx.from.id, customerId, new Date(), async (data, name) => {
      await ctx.replyWithDocument(exportFile(data), { caption: ctx.t("admin-export-customer-caption", { name: name || ctx.t("value-none") }) });
    });
    if (result.status === "not-found") await ctx.reply(ctx.t("change-not-found"));
  });

  onButton(composer, customerRecordButtons, { action: "er" }, async (ctx, { customerId }) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("admin-erase-confirm"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("button-admin-erase-yes"), customerRecordButtons.pack({ action: "erok", customerId }))
        .row()
        .text(ctx.t("button-admin-erase-no"), ERASE_DECLINED),
    });
  });
  composer.callbackQuery(ERASE_DECLINED, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("admin-erase-kept"));
  });
  onButton(composer, customerRecordButtons, { action: "erok" }, async (ctx, { customerId }) => {
    await ctx.answerCallbackQuery();
    const result = await a.eraseByPractitioner(ctx.from.id, customerId, new Date());
    if (!result) {
      await ctx.editMessageText(ctx.t("change-not-found"));
      return;
    }
    // Nobody is left to tell on the customer's side; the other practitioners hear of the cancelled bookings.
    for (const cancellation of result.cancelled) await hooks.tellCustomerCancelled(cancellation, () => "");
    await ctx.editMessageText(ctx.t("admin-erased", { cancelled: result.cancelled.length, payments: result.keptPayments }));
  });

  onButton(composer, customerRecordButtons, { action: "rk" }, async (ctx, { customerId }) => {
    const kept = await a.keepByPractitioner(ctx.from.id, customerId, new Date());
    await ctx.answerCallbackQuery({ text: ctx.t(kept ? "admin-retention-kept" : "change-not-active") });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  });

  return composer;
}
