import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { buttons } from "../buttons.js";
import type { ConversationContext, CustomerContext } from "../context.js";
import { Prompt, type TextCheck } from "./prompt.js";

/** The conversation object every flow gets. */
export type FlowConversation = Conversation<CustomerContext, ConversationContext>;

/** A flow's buttons carry `prefix:action:value` (value may be empty), packed by one codec per flow. */
export type ButtonCodec = ReturnType<typeof buttonCodec>;

/** The codec of a flow's buttons: `pack(action, value)`, and `unpack` that never throws. */
export function buttonCodec(prefix: string) {
  const codec = buttons(prefix, { action: String, value: String });
  return {
    prefix,
    any: codec.any,
    pack: (action: string, value: string | number = "") => codec.pack({ action, value: String(value) }),
    unpack: (data: string) => codec.read(data),
  };
}

/** A value, or a function that makes it when it is needed. */
export type Lazy<T> = T | (() => T);

/** Returned by a step when its Back button was pressed. */
export const BACK = Symbol("back");
export type Back = typeof BACK;

/** What `Flow.ask` gets back: a press of one of the step's own buttons, or accepted typed text. */
export type Reply = { kind: "button"; action: string; value: string } | { kind: "text"; text: string };

export interface AskOptions<T> {
  /** Whether the step has a Back button (every step but a flow's first). */
  back: boolean;
  /** Whether the step has a Cancel button that ends the flow; default true. */
  cancel?: boolean;
  /** Typed text is an answer here (checked by this, when given); otherwise buttons only. */
  text?: true | TextCheck;
  /**
   * The step's value for a reply, or undefined when the reply is not (or no longer) one of its
   * options: the customer is told so and the step is shown again.
   */
  accept(reply: Reply): T | undefined;
}

/**
 * One flow's way of asking and waiting: every step of every conversation (booking, moving,
 * profile, the practitioner's flows) shows its question through `ask`, which also owns the
 * Back and Cancel buttons, stale and forged presses, typed text where a button is expected, and
 * commands typed mid-flow (see Prompt.answer). Rebuilt identically on every replay.
 */
export class Flow {
  readonly prompt: Prompt;

  constructor(
    readonly conversation: FlowConversation,
    ctx: ConversationContext,
    readonly buttons: ButtonCodec,
    private readonly texts: { cancelled: string; commandInFlow: string },
    /** Run on every answer before it is looked at (the practitioner's flows check she is still an admin). */
    private readonly guard?: (ctx: ConversationContext) => Promise<unknown>,
  ) {
    this.prompt = new Prompt(conversation, ctx);
  }

  /** Translates in the customer's language (of their latest update). */
  get t(): ConversationContext["t"] {
    return this.prompt.current.t;
  }

  get language(): ConversationContext["language"] {
    return this.prompt.current.language;
  }

  /** A line shown above the next step's text (why it is asked again, what happened). */
  set notice(text: string) {
    this.prompt.notice = text;
  }

  /** Button data of this flow. */
  data(action: string, value: string | number = ""): string {
    return this.buttons.pack(action, value);
  }

  /**
   * Shows `text` with `keyboard` (plus Back and Cancel) and waits until the customer answers it:
   * returns the step's value, or BACK. Cancel closes the prompt and ends the conversation here.
   * Text and keyboard may be given as functions: they are then made only when the step is shown,
   * not on each replay of the flow (Prompt.show).
   */
  async ask<T>(text: Lazy<string>, keyboard: Lazy<InlineKeyboard>, options: AskOptions<T>): Promise<T | Back> {
    for (;;) {
      const t = this.t;
      await this.prompt.show(() => {
        const navigation = [
          ...(options.back ? [InlineKeyboard.text(t("button-back"), this.data("back"))] : []),
          ...(options.cancel !== false ? [InlineKeyboard.text(t("button-cancel"), this.data("cancel"))] : []),
        ];
        const buttons = typeof keyboard === "function" ? keyboard() : keyboard;
        const rows = [...buttons.inline_keyboard, navigation].filter((row) => row.length > 0);
        return { text: typeof text === "function" ? text() : text, keyboard: new InlineKeyboard(rows) };
      });
      const a = await this.prompt.answer({
        codec: this.buttons,
        acceptText: options.text ?? false,
        commandReply: this.texts.commandInFlow,
      });
      await this.guard?.(a.ctx);
      if (a.kind === "stale") {
        // An earlier prompt was pressed: the step shown again says where the flow really is.
        this.prompt.current = a.ctx;
        this.notice = a.ctx.t("booking-where-we-are");
        continue;
      }
      if (a.kind === "button" && a.action === "cancel") return this.cancel();
      if (a.kind === "button" && a.action === "back" && options.back) return BACK;
      const value = options.accept(a.kind === "button" ? { kind: "button", action: a.action, value: a.value } : { kind: "text", text: a.text });
      if (value !== undefined) return value;
      this.notice = this.t("booking-option-unavailable");
    }
  }

  /** Ends the flow: the prompt says it was cancelled, and the conversation stops. */
  async cancel(): Promise<never> {
    await this.prompt.close(this.t(this.texts.cancelled));
    return this.conversation.halt();
  }

  /** Ends the flow with a message in place of the prompt. */
  async close(text: string): Promise<void> {
    await this.prompt.close(text);
  }
}

/** A step's answer that was not asked because it is already known (kept when going forward). */
export class Known<V> {
  constructor(readonly value: V) {}
}

type StepRun = (answers: Record<string, unknown>, previous: unknown, direction: "forward" | "back") => Promise<unknown>;

/**
 * A flow's steps in order, each a small picker that returns its answer or BACK. Back goes to the
 * previous step that was asked (steps answered with `Known` are passed over both ways), and an
 * answer already given is handed to its step again (`previous`) so it can be kept. The answers'
 * type grows with each step, so the flow reads them without optional fields or assertions.
 */
export class Steps<A extends object> {
  private constructor(private readonly list: Array<{ key: string; run: StepRun }>) {}

  static start(): Steps<object> {
    return new Steps([]);
  }

  /** Adds a step: `run` gets the answers so far, its own previous answer (if any) and the direction. */
  then<K extends string, V>(
    key: K,
    run: (answers: A, previous: V | undefined, direction: "forward" | "back") => Promise<V | Known<V> | Back>,
  ): Steps<A & { [P in K]: V }> {
    return new Steps([...this.list, { key, run: run as StepRun }]);
  }

  /**
   * Runs the steps from the first (or from `from`, with earlier answers `given`); the answers, or
   * undefined when Back was pressed on the first step asked.
   */
  async run(options: { jump?: () => string | undefined } = {}): Promise<A | undefined> {
    const answers: Record<string, unknown> = {};
    const asked: number[] = [];
    let index = 0;
    let direction: "forward" | "back" = "forward";
    while (index < this.list.length) {
      const step = this.list[index]!;
      const result = await step.run(answers, answers[step.key], direction);
      if (result === BACK) {
        const previous = asked.pop();
        if (previous === undefined) return undefined;
        index = previous;
        direction = "back";
        continue;
      }
      if (result instanceof Known) {
        answers[step.key] = result.value;
      } else {
        answers[step.key] = result;
        asked.push(index);
      }
      // A step may send the flow back to an earlier one (a time lost to someone else, say).
      const target = options.jump?.();
      if (target !== undefined) {
        const to = this.list.findIndex((s) => s.key === target);
        while (asked.length > 0 && asked[asked.length - 1]! >= to) asked.pop();
        index = to;
        direction = "forward";
        continue;
      }
      index += 1;
      direction = "forward";
    }
    return answers as A;
  }
}
