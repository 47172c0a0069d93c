import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import type { Language } from "../../domain/enums.js";
import { PAYMENT_METHODS } from "../../domain/enums.js";
import { parseEuroAmount } from "../../domain/money.js";
import type { AdminCancellation } from "../../services/admin.js";
import type { PaymentMethod, Receipt } from "../../services/payments.js";
import type { ConversationContext, CustomerContext } from "../context.js";
import { receiptButtons } from "../features/admin.js";
import { BACK, buttonCodec, Flow, type AskOptions } from "./flow.js";
import type { TextCheck } from "./prompt.js";

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

/** The practitioner's flows' buttons. */
export const adminFlowButtons = buttonCodec("adc");

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

/** A practitioner's flow: its Cancel says `cancelled`, and every answer must come from an admin. */
export function adminFlow(conversation: AdminConversation, ctx: ConversationContext, deps: Pick<AdminFlowDeps, "isAdmin">, cancelled: string): Flow {
  return new Flow(conversation, ctx, adminFlowButtons, { cancelled, commandInFlow: "booking-type-text" }, (answer) =>
    requireAdmin(conversation, deps, answer),
  );
}

/** Typed text (checked by `check`), or BACK never: these flows' only button besides Cancel is their own. */
const typed = (check?: TextCheck): Pick<AskOptions<string>, "text" | "accept"> => ({
  text: check ?? true,
  accept: (r) => (r.kind === "text" ? r.text : undefined),
});

/** Cancel a booking as the practitioner (A2): ask the reason, cancel, tell the customer. */
export function createAdminCancelConversation(deps: AdminFlowDeps) {
  return async function adminCancel(conversation: AdminConversation, ctx: ConversationContext, bookingId: string): Promise<void> {
    const adminId = await requireAdmin(conversation, deps, ctx);
    const f = adminFlow(conversation, ctx, deps, "admin-cancel-aborted");
    const answer = await f.ask(ctx.t("admin-cancel-ask-reason"), new InlineKeyboard(), {
      back: false,
      ...typed((text) => (text.trim() ? undefined : "booking-type-text")),
    });
    if (answer === BACK) return;
    const reason = answer.trim().slice(0, 500);
    const now = new Date(await conversation.now());
    const result = await conversation.external(() => deps.cancelByAdmin(adminId, bookingId, reason, now));
    if (!result) return f.close(ctx.t("change-not-active"));
    await conversation.external(() => deps.tellCustomerCancelled(result, reason));
    await f.close(ctx.t("admin-cancel-done"));
  };
}

/**
 * Compose → preview → audience count → confirm → send (A6). With a `draft` (a last-minute offer
 * composed by /lastminute, W4) the flow starts at the preview.
 */
export function createBroadcastConversation(deps: AdminFlowDeps) {
  return async function broadcast(conversation: AdminConversation, ctx: ConversationContext, draft?: string): Promise<void> {
    const adminId = await requireAdmin(conversation, deps, ctx);
    const language = ctx.language;
    const f = adminFlow(conversation, ctx, deps, "admin-broadcast-aborted");
    const text =
      draft ??
      (await f.ask(ctx.t("admin-broadcast-ask"), new InlineKeyboard(), {
        back: false,
        ...typed((t) => (t.length > 3000 ? "admin-broadcast-too-long" : undefined)),
      }));
    if (text === BACK) return;
    const count = await conversation.external(() => deps.audienceSize());
    const send = await f.ask(
      ctx.t("admin-broadcast-preview", { preview: deps.previewMarketing(language, text), count }),
      new InlineKeyboard().text(ctx.t("button-admin-send-broadcast", { count }), f.data("send")),
      { back: false, accept: (r) => (r.kind === "button" && r.action === "send" ? true : undefined) },
    );
    if (send === BACK) return;
    const started = await conversation.external(() => deps.startBroadcast(adminId, text));
    await f.close(ctx.t("admin-broadcast-started", { count: started }));
  };
}

/** Record a payment (A5): amount (the booking's price in one tap, or typed) → method → receipt. */
export function createPaymentConversation(deps: AdminFlowDeps) {
  return async function payment(conversation: AdminConversation, ctx: ConversationContext, bookingId: string): Promise<void> {
    const adminId = await requireAdmin(conversation, deps, ctx);
    const language = ctx.language;
    const f = adminFlow(conversation, ctx, deps, "admin-payment-aborted");
    const price = await conversation.external(() => deps.bookingPrice(bookingId));
    if (price === undefined) return f.close(ctx.t("change-not-found"));
    const amount = await f.ask(ctx.t("admin-payment-amount"), new InlineKeyboard().text(deps.formatPrice(price, language), f.data("price")), {
      back: false,
      text: (text) => (parseEuroAmount(text) === undefined ? "admin-payment-bad-amount" : undefined),
      accept: (r) => (r.kind === "text" ? parseEuroAmount(r.text) : r.action === "price" ? price : undefined),
    });
    if (amount === BACK) return;
    const methods = new InlineKeyboard();
    for (const method of PAYMENT_METHODS) methods.text(ctx.t(`payment-method-${method}`), f.data("m", method));
    const method = await f.ask(ctx.t("admin-payment-method"), methods, {
      back: false,
      accept: (r) => (r.kind === "button" && r.action === "m" ? PAYMENT_METHODS.find((m) => m === r.value) : undefined),
    });
    if (method === BACK) return;
    const now = new Date(await conversation.now());
    const receipt = await conversation.external(() => deps.recordPayment(adminId, bookingId, amount, method, now));
    if (!receipt) return f.close(ctx.t("change-not-found"));
    await f.close(deps.renderReceipt(language, receipt));
    await f.prompt.current.reply(ctx.t("admin-receipt-recorded", { number: receipt.receiptNumber }), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-admin-send-receipt"), receiptButtons.pack({ action: "rs", receiptNumber: String(receipt.receiptNumber) })),
    });
  };
}
