import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import type { Language } from "../../config.js";
import type { AdminCancellation } from "../../services/admin.js";
import type { BotContext, ConversationContext } from "../context.js";
import { Prompt } from "./prompt.js";

export interface AdminFlowDeps {
  cancelByAdmin(adminId: number, bookingId: string, reason: string, now: Date): Promise<AdminCancellation | undefined>;
  /** Tells the customer their booking was cancelled by the practice, with the reason. */
  tellCustomerCancelled(cancellation: AdminCancellation, reason: string): Promise<void>;
  audienceSize(): Promise<number>;
  /** Records the broadcast and starts sending it in the background; returns the audience size. */
  startBroadcast(adminId: number, text: string): Promise<number>;
  /** The message as customers will see it. */
  previewMarketing(language: Language, text: string): string;
}

/** Waits for typed text or a press on the prompt; other input is answered and waited past. */
async function textOrButton(conversation: Conversation<BotContext, ConversationContext>, prompt: Prompt, language: Language) {
  for (;;) {
    const next = await conversation.wait();
    next.i18n.useLocale(language);
    if (next.callbackQuery) {
      if (!prompt.isPressOn(next) || !next.callbackQuery.data?.startsWith("adc:")) {
        await next.answerCallbackQuery({ text: next.t("button-expired") });
        continue;
      }
      await next.answerCallbackQuery();
      prompt.current = next;
      return { button: next.callbackQuery.data.slice(4) };
    }
    if (next.message?.text && !next.message.text.startsWith("/")) {
      prompt.current = next;
      return { text: next.message.text };
    }
    if (next.message) await next.reply(next.t("booking-type-text"));
  }
}

/** Cancel a booking as the practitioner (A2): ask the reason, cancel, tell the customer. */
export function createAdminCancelConversation(deps: AdminFlowDeps) {
  return async function adminCancel(
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
    language: Language,
    bookingId: string,
  ): Promise<void> {
    ctx.i18n.useLocale(language);
    const prompt = new Prompt(ctx);
    await prompt.show(ctx.t("admin-cancel-ask-reason"), new InlineKeyboard().text(ctx.t("button-cancel"), "adc:stop"));
    const answer = await textOrButton(conversation, prompt, language);
    if ("button" in answer || !answer.text.trim()) {
      await prompt.close(ctx.t("admin-cancel-aborted"));
      return;
    }
    const reason = answer.text.trim().slice(0, 500);
    const now = new Date(await conversation.now());
    const adminId = ctx.from!.id;
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
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
    language: Language,
  ): Promise<void> {
    ctx.i18n.useLocale(language);
    const prompt = new Prompt(ctx);
    await prompt.show(ctx.t("admin-broadcast-ask"), new InlineKeyboard().text(ctx.t("button-cancel"), "adc:stop"));
    let text: string | undefined;
    while (!text) {
      const answer = await textOrButton(conversation, prompt, language);
      if ("button" in answer) {
        await prompt.close(ctx.t("admin-broadcast-aborted"));
        return;
      }
      if (answer.text.length > 3000) {
        prompt.notice = ctx.t("admin-broadcast-too-long");
        await prompt.show(ctx.t("admin-broadcast-ask"), new InlineKeyboard().text(ctx.t("button-cancel"), "adc:stop"));
        continue;
      }
      text = answer.text;
    }
    const count = await conversation.external(() => deps.audienceSize());
    const body = text;
    await prompt.show(
      ctx.t("admin-broadcast-preview", { preview: deps.previewMarketing(language, body), count }),
      new InlineKeyboard().text(ctx.t("button-admin-send-broadcast", { count }), "adc:send").row().text(ctx.t("button-cancel"), "adc:stop"),
    );
    const answer = await textOrButton(conversation, prompt, language);
    if (!("button" in answer) || answer.button !== "send") {
      await prompt.close(ctx.t("admin-broadcast-aborted"));
      return;
    }
    const adminId = ctx.from!.id;
    const started = await conversation.external(() => deps.startBroadcast(adminId, body));
    await prompt.close(ctx.t("admin-broadcast-started", { count: started }));
  };
}
