import type { InlineKeyboard } from "grammy";
import type { ConversationContext } from "../context.js";

/**
 * The message that carries a conversation step's buttons. A step is shown by editing that
 * message when the customer pressed one of its buttons, or as a new message after typed input,
 * in which case the previous prompt's buttons are taken off so only the live ones show.
 * Rebuilt identically on every replay, like the rest of a conversation's state.
 */
export class Prompt {
  /** The message carrying the current step's buttons. */
  messageId: number | undefined;
  /** A line shown above the next step's text: why the step is asked again, or what happened. */
  notice: string | undefined;

  /** `current` is the context of the customer's latest update; replies go through it. */
  constructor(public current: ConversationContext) {}

  private pressedHere(): boolean {
    const pressed = this.current.callbackQuery?.message?.message_id;
    return pressed !== undefined && pressed === this.messageId;
  }

  /** True when `ctx` is a press on this prompt's message. */
  isPressOn(ctx: ConversationContext): boolean {
    return this.messageId !== undefined && ctx.callbackQuery?.message?.message_id === this.messageId;
  }

  /** Shows a step's text and buttons (with the pending notice above). */
  async show(text: string, keyboard: InlineKeyboard): Promise<void> {
    const body = this.notice ? `${this.notice}\n\n${text}` : text;
    this.notice = undefined;
    if (this.pressedHere()) {
      try {
        await this.current.editMessageText(body, { reply_markup: keyboard });
      } catch (error) {
        if (!String(error).includes("message is not modified")) throw error;
      }
      return;
    }
    await this.retire();
    this.messageId = (await this.current.reply(body, { reply_markup: keyboard })).message_id;
  }

  /** Ends the prompt: its message says `text` and has no buttons. */
  async close(text: string): Promise<void> {
    if (this.pressedHere()) {
      await this.current.editMessageText(text);
    } else {
      await this.retire();
      await this.current.reply(text);
    }
    this.messageId = undefined;
  }

  /** Takes the buttons off the prompt's message. */
  async retire(): Promise<void> {
    const chatId = this.current.chat?.id;
    if (this.messageId === undefined || chatId === undefined) return;
    const old = this.messageId;
    this.messageId = undefined;
    try {
      await this.current.api.editMessageReplyMarkup(chatId, old);
    } catch {
      // Already without buttons, or too old to edit: nothing to take off.
    }
  }
}
