import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import type { Language } from "../../domain/enums.js";
import { PAYMENT_METHODS } from "../../domain/enums.js";
import { parseEuroAmount } from "../../domain/money.js";
import type { AdminCancellation, PaymentMethod, Receipt } from "../../services/admin.js";
import type { ConversationContext, CustomerContext } from "../context.js";
import { Prompt, type AnswerRules } from "./prompt.js";

export interface AdminFlowDeps {
  /** Whether this Telegram user is an admin now (the current ADMIN_IDS, not when the flow began). */
  isAdmin(telegramId: number): boolean;
  bookingPrice(bookingId: string): Promise<number | undefined>;
  recordPayment(adminId: number, bookingId: string, amountCents: number, method: PaymentMethod, now: Date): Promise<Receipt | undefined>;
  /** The receipt as text, in `language`. */
  renderReceipt(language: Language, receipt: Receipt): string;
  formatPrice(cents: number, language: Language): string;
  cancelByAdmin(adminId: number, bookingId: string, reason: string, now: Date): Promise<AdminCancellation | undefined>;
  /** Tells the customer their booking was cancelled by the practice, with the reason. */
  tellCustomerCancelled(cancellation: AdminCancellation, reason: string): Promise<void>;
  audienceSize(): Promise<number>;
  /** Records the broadcast and starts sending it in the background; returns the audience size. */
  startBroadcast(adminId: number, text: string): Promise<number>;
  /** The message as customers will see it. */
  previewMarketing(language: Language, text: string): string;
}

export type AdminConversation = Conversation<CustomerContext, ConversationContext>;

/**
 * Ends the flow unless its user is an admin now. Run at the start and after every answer, so a
 * flow begun by someone since removed from ADMIN_IDS acts on nothing (also when the removal came
 * with a restart in the middle of the flow); the update then goes on as anyone else's would.
 */
export async function requireAdmin(conversation: AdminConversation, deps: Pick<AdminFlowDeps, "isAdmin">, ctx: ConversationContext): Promise<number> {
  const id = ctx.from?.id;
  if (id === undefined || !deps.isAdmin(id)) return conversation.halt({ next: true });
  return id;
}

/**
 * Waits for typed text (checked by `acceptText` when given) or a press on the prompt; other input
 * is answered and waited past. The sender must still be an admin.
 */
export async function textOrButton(
  conversation: AdminConversation,
  deps: Pick<AdminFlowDeps, "isAdmin">,
  prompt: Prompt,
  language: Language,
  acceptText: AnswerRules["acceptText"] = true,
) {
  for (;;) {
    const a = await prompt.answer(conversation, { prefix: "adc", acceptText, commandReply: "booking-type-text" });
    await requireAdmin(conversation, deps, a.ctx);
    if (a.kind !== "stale") return a;
  }
}

/** Cancel a booking as the practitioner (A2): ask the reason, cancel, tell the customer. */
export function createAdminCancelConversation(deps: AdminFlowDeps) {
  return async function adminCancel(
    conversation: Conversation<CustomerContext, ConversationContext>,
    ctx: ConversationContext,
    bookingId: string,
  ): Promise<void> {
    const adminId = await requireAdmin(conversation, deps, ctx);
    const language = ctx.language;
    const prompt = new Prompt(ctx);
    await prompt.show(ctx.t("admin-cancel-ask-reason"), new InlineKeyboard().text(ctx.t("button-cancel"), "adc:stop"));
    const answer = await textOrButton(conversation, deps, prompt, language, (text) => (text.trim() ? undefined : "booking-type-text"));
    if (answer.kind === "button") {
      await prompt.close(ctx.t("admin-cancel-aborted"));
      return;
    }
    const reason = answer.text.trim().slice(0, 500);
    const now = new Date(await conversation.now());
    const result = await conversation.external(() => deps.cancelByAdmin(adminId, bookingId, reason, now));
    if (!result) {
      await prompt.close(ctx.t("change-not-active"));
      return;
    }
    await conversation.external(() => deps.tellCustomerCancelled(result, reason));
    await prompt.close(ctx.t("admin-cancel-done"));
  };
}

/** Compose → preview → audience count → confirm → send (A6). */
export function createBroadcastConversation(deps: AdminFlowDeps) {
  return async function broadcast(
    conversation: Conversation<CustomerContext, ConversationContext>,
    ctx: ConversationContext,
  ): Promise<void> {
    const adminId = await requireAdmin(conversation, deps, ctx);
    const language = ctx.language;
    const prompt = new Prompt(ctx);
    await prompt.show(ctx.t("admin-broadcast-ask"), new InlineKeyboard().text(ctx.t("button-cancel"), "adc:stop"));
    const composed = await textOrButton(conversation, deps, prompt, language, (text) =>
      text.length > 3000 ? "admin-broadcast-too-long" : undefined,
    );
    if (composed.kind === "button") {
      await prompt.close(ctx.t("admin-broadcast-aborted"));
      return;
    }
    const text = composed.text;
    const count = await conversation.external(() => deps.audienceSize());
    const body = text;
    await prompt.show(
      ctx.t("admin-broadcast-preview", { preview: deps.previewMarketing(language, body), count }),
      new InlineKeyboard().text(ctx.t("button-admin-send-broadcast", { count }), "adc:send").row().text(ctx.t("button-cancel"), "adc:stop"),
    );
    const answer = await textOrButton(conversation, deps, prompt, language);
    if (answer.kind !== "button" || answer.action !== "send") {
      await prompt.close(ctx.t("admin-broadcast-aborted"));
      return;
    }
    const started = await conversation.external(() => deps.startBroadcast(adminId, body));
    await prompt.close(ctx.t("admin-broadcast-started", { count: started }));
  };
}

/** Record a payment (A5): amount (the booking's price in one tap, or typed) → method → receipt. */
export function createPaymentConversation(deps: AdminFlowDeps) {
  return async function payment(
    conversation: Conversation<CustomerContext, ConversationContext>,
    ctx: ConversationContext,
    bookingId: string,
  ): Promise<void> {
    const adminId = await requireAdmin(conversation, deps, ctx);
    const language = ctx.language;
    const prompt = new Prompt(ctx);
    const price = await conversation.external(() => deps.bookingPrice(bookingId));
    if (price === undefined) {
      await prompt.close(ctx.t("change-not-found"));
      return;
    }
    let amount: number | undefined;
    while (amount === undefined) {
      await prompt.show(
        ctx.t("admin-payment-amount"),
        new InlineKeyboard().text(deps.formatPrice(price, language), "adc:price").row().text(ctx.t("button-cancel"), "adc:stop"),
      );
      const answer = await textOrButton(conversation, deps, prompt, language, (text) =>
        parseEuroAmount(text) === undefined ? "admin-payment-bad-amount" : undefined,
      );
      if (answer.kind === "button") {
        if (answer.action !== "price") {
          await prompt.close(ctx.t("admin-payment-aborted"));
          return;
        }
        amount = price;
      } else {
        amount = parseEuroAmount(answer.text);
      }
    }
    const methods = new InlineKeyboard();
    for (const method of PAYMENT_METHODS) methods.text(ctx.t(`payment-method-${method}`), `adc:m:${method}`);
    methods.row().text(ctx.t("button-cancel"), "adc:stop");
    await prompt.show(ctx.t("admin-payment-method"), methods);
    const chosen = await textOrButton(conversation, deps, prompt, language, false);
    const method = chosen.kind === "button" && chosen.action === "m" ? PAYMENT_METHODS.find((m) => m === chosen.value) : undefined;
    if (!method) {
      await prompt.close(ctx.t("admin-payment-aborted"));
      return;
    }
    const now = new Date(await conversation.now());
    const paid = amount;
    const receipt = await conversation.external(() => deps.recordPayment(adminId, bookingId, paid, method, now));
    if (!receipt) {
      await prompt.close(ctx.t("change-not-found"));
      return;
    }
    await prompt.close(deps.renderReceipt(language, receipt));
    await prompt.current.reply(ctx.t("admin-receipt-recorded", { number: receipt.receiptNumber }), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-admin-send-receipt"), `ad:rs:${receipt.receiptNumber}`),
    });
  };
}
