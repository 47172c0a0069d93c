import type { Conversation } from "@grammyjs/conversations";
import { GrammyError, type Api, type InlineKeyboard } from "grammy";
import type { ConversationContext, CustomerContext } from "../context.js";

/** What a step of a flow got: a press on its prompt, typed text, or a press on an earlier prompt. */
export type PromptAnswer =
  | { kind: "button"; action: string; value: string; ctx: ConversationContext }
  | { kind: "text"; text: string; ctx: ConversationContext }
  /**
   * A press on one of the flow's earlier prompts (or on one shown by a process that stopped before
   * it could save the step); it has been answered "expired", and the flow decides what follows.
   */
  | { kind: "stale"; ctx: ConversationContext };

/**
 * Checks typed text at a step that takes text: the message key saying what is wrong with it, or
 * undefined when it is an answer.
 */
export type TextCheck = (text: string) => string | undefined;

/** How a flow takes its answers. */
export interface AnswerRules {
  /** Reads the flow's button data; undefined for data that is not this flow's (forged, malformed). */
  codec: { unpack(data: string): { action: string; value: string } | undefined };
  /**
   * Whether typed text is an answer at this step (otherwise the customer is asked to press), and
   * optionally how it is checked: refused text is explained and not kept (see `answer`).
   */
  acceptText: boolean | TextCheck;
  /** The message key a typed /command gets in the middle of the flow. */
  commandReply: string;
}

/** A step's text and buttons, made only when the step is first shown (never on a replay). */
export type Render = () => { text: string; keyboard: InlineKeyboard };

type FlowConversation = Conversation<CustomerContext, ConversationContext>;

/**
 * The message that carries a conversation step's buttons. A step is shown by editing that
 * message when the customer pressed one of its buttons, or as a new message after typed input,
 * in which case the previous prompt's buttons are taken off so only the live ones show.
 * Rebuilt identically on every replay, like the rest of a conversation's state.
 *
 * Each showing is one `conversation.external` through the bot's own Api, whose saved result is
 * only the message's id: the plugin would otherwise keep every Message Telegram returns (text and
 * keyboard) in the flow's saved state, and a replay would render every earlier step's text and
 * buttons again only to throw them away. A replay of a long flow now costs little more than
 * reading its answers.
 */
export class Prompt {
  /** The message carrying the current step's buttons. */
  messageId: number | undefined;
  /** A line shown above the next step's text: why the step is asked again, or what happened. */
  notice: string | undefined;
  /** The current step's text, without its notice: repeated when typed text is refused. */
  private question: (() => string) | undefined;
  /** Earlier prompts already pressed once: further presses on them are only answered "expired". */
  private readonly staleSeen: number[] = [];

  /** `current` is the context of the customer's latest update; replies go through it. */
  constructor(
    private readonly conversation: FlowConversation,
    public current: ConversationContext,
  ) {}

  private pressedHere(): boolean {
    const pressed = this.current.callbackQuery?.message?.message_id;
    return pressed !== undefined && pressed === this.messageId;
  }

  /** True when `ctx` is a press on this prompt's message. */
  isPressOn(ctx: ConversationContext): boolean {
    return this.messageId !== undefined && ctx.callbackQuery?.message?.message_id === this.messageId;
  }

  /**
   * Waits for this step's answer. Presses on anything but this prompt are answered "expired"
   * (and the first press on each of the flow's own earlier prompts is returned as "stale"), other
   * messages get a hint, and updates without a message (edits, reactions) change nothing. A
   * button's or text's update becomes `current`.
   *
   * Whatever is not an answer is skipped (`conversation.skip`): the plugin forgets the update as
   * if it had never arrived, so junk never grows the conversation's saved replay log, nor the time
   * each later update takes to replay it. Only the hint sent for it stays.
   */
  async answer(rules: AnswerRules): Promise<PromptAnswer> {
    const conversation = this.conversation;
    const next = await conversation.wait();
    const query = next.callbackQuery;
    if (query) {
      const pressed = rules.codec.unpack(query.data ?? "");
      if (!pressed || !this.isPressOn(next)) {
        await answerQuietly(next, next.t("button-expired"));
        const message = query.message?.message_id;
        if (!pressed || message === undefined || this.staleSeen.includes(message)) return conversation.skip({ next: false });
        this.staleSeen.push(message);
        return { kind: "stale", ctx: next };
      }
      await answerQuietly(next);
      this.current = next;
      return { kind: "button", action: pressed.action, value: pressed.value, ctx: next };
    }
    const text = next.message?.text;
    if (text?.startsWith("/")) {
      await next.reply(next.t(rules.commandReply));
      return conversation.skip({ next: false });
    }
    if (text !== undefined && rules.acceptText !== false) {
      const refusal = typeof rules.acceptText === "function" ? rules.acceptText(text) : undefined;
      if (refusal !== undefined) {
        // Asked again below the reason; the step's buttons stay on the prompt above.
        const question = this.question?.();
        await next.reply(question ? `${next.t(refusal)}\n\n${question}` : next.t(refusal));
        return conversation.skip({ next: false });
      }
      this.current = next;
      return { kind: "text", text, ctx: next };
    }
    if (next.message) await next.reply(next.t(rules.acceptText !== false ? "booking-type-text" : "booking-use-buttons"));
    return conversation.skip({ next: false });
  }

  /** Shows a step's text and buttons (with the pending notice above). */
  async show(render: Render): Promise<void> {
    const notice = this.notice;
    this.notice = undefined;
    this.question = () => render().text;
    const chatId = this.current.chat?.id;
    if (chatId === undefined) return;
    const pressed = this.pressedHere() ? this.messageId : undefined;
    const previous = this.messageId;
    this.messageId = await this.conversation.external(async (outside) => {
      const { text, keyboard } = render();
      const body = notice ? `${notice}\n\n${text}` : text;
      if (pressed !== undefined && (await edited(outside.api, chatId, pressed, body, keyboard))) return pressed;
      if (previous !== undefined) await retire(outside.api, chatId, previous);
      return (await outside.api.sendMessage(chatId, body, { reply_markup: keyboard })).message_id;
    });
  }

  /** Ends the prompt: its message says `text` and has no buttons. */
  async close(text: string): Promise<void> {
    const chatId = this.current.chat?.id;
    const pressed = this.pressedHere() ? this.messageId : undefined;
    const previous = this.messageId;
    this.messageId = undefined;
    if (chatId === undefined) return;
    await this.conversation.external(async (outside) => {
      if (pressed !== undefined && (await edited(outside.api, chatId, pressed, text))) return;
      if (previous !== undefined) await retire(outside.api, chatId, previous);
      await outside.api.sendMessage(chatId, text);
    });
  }
}

/**
 * Edits a pressed prompt in place. False when Telegram refused the edit (the message is too old,
 * was deleted, or any other Bot API error): the caller sends the text anew instead, so one failed
 * call never ends a flow.
 */
async function edited(api: Api, chatId: number, messageId: number, text: string, keyboard?: InlineKeyboard): Promise<boolean> {
  try {
    await api.editMessageText(chatId, messageId, text, keyboard ? { reply_markup: keyboard } : {});
    return true;
  } catch (error) {
    if (error instanceof GrammyError && error.description.includes("message is not modified")) return true;
    if (!(error instanceof GrammyError)) throw error;
    return false;
  }
}

/** Takes the buttons off an earlier prompt's message. */
async function retire(api: Api, chatId: number, messageId: number): Promise<void> {
  try {
    await api.editMessageReplyMarkup(chatId, messageId);
  } catch {
    // Already without buttons, or too old to edit: nothing to take off.
  }
}

/**
 * Answers a button press. Telegram refuses answers to presses older than about 15 seconds (after
 * a restart, say); the press itself is still acted on.
 */
async function answerQuietly(ctx: ConversationContext, text?: string): Promise<void> {
  await ctx.answerCallbackQuery(text === undefined ? {} : { text }).catch(() => undefined);
}
