import type { Message, Update, UserFromGetMe } from "grammy/types";

/** One Bot API call the bot made. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** Raw multipart body for uploads (sendDocument), as text. */
  multipart?: string;
  /** Set when the fake answered with an error (429, 5xx…): nothing was delivered. */
  failed?: boolean;
  /** When the call arrived (performance.now()), for benchmarks. */
  at?: number;
}

type Button = { text: string; callback_data?: string };
type Keyboard = { inline_keyboard: Button[][] };

/** A chat message as the fake Telegram last showed it (edits applied). */
export interface ShownMessage {
  messageId: number;
  chatId: number;
  text: string;
  keyboard?: Keyboard;
}

export const BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: "Ajanvaraus",
  username: "ajanvaraus_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

async function readBody(body: unknown): Promise<string> {
  if (typeof body === "string") return body;
  if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function") {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString("utf8");
  }
  return "";
}

function multipartField(body: string, name: string): string | undefined {
  const match = new RegExp(`name="${name}"\\r\\n\\r\\n([\\s\\S]*?)\\r\\n--`).exec(body);
  return match?.[1];
}

/**
 * A stand-in for the Telegram Bot API at `client.fetch`: it records every call, answers with
 * realistic results and remembers what each chat shows, so tests can press the buttons a
 * customer would see. It works for calls made inside conversations too.
 */
export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  private readonly messages = new Map<string, ShownMessage>();
  private nextMessageId = 1000;
  private nextUpdateId = 1;
  /** Optional hook to fail a call: return a Bot API error to send instead of success. */
  failWith?: (call: ApiCall) => { error_code: number; description: string; parameters?: object } | undefined;

  readonly fetch = async (url: unknown, init?: { body?: unknown; headers?: unknown }): Promise<Response> => {
    const method = String(url).split("/").pop() ?? "";
    const raw = await readBody(init?.body);
    let payload: Record<string, unknown> = {};
    let multipart: string | undefined;
    if (raw.startsWith("{")) payload = JSON.parse(raw) as Record<string, unknown>;
    else if (raw) {
      multipart = raw;
      for (const field of ["chat_id", "caption", "reply_markup"]) {
        const value = multipartField(raw, field);
        if (value !== undefined) payload[field] = field === "chat_id" ? Number(value) : value;
      }
    }
    const call: ApiCall = { method, payload, at: performance.now(), ...(multipart ? { multipart } : {}) };
    this.calls.push(call);
    const failure = this.failWith?.(call);
    if (failure) {
      call.failed = true;
      return failure.error_code >= 500
        ? new Response(failure.description, { status: failure.error_code })
        : Response.json({ ok: false, ...failure });
    }
    return Response.json({ ok: true, result: this.result(call) });
  };

  private result(call: ApiCall): unknown {
    const p = call.payload;
    const chatId = Number(p.chat_id);
    switch (call.method) {
      case "getMe":
        return BOT_INFO;
      case "sendMessage":
      case "sendDocument": {
        const messageId = this.nextMessageId++;
        const text = String(p.text ?? p.caption ?? "");
        const keyboard = p.reply_markup as Keyboard | undefined;
        this.messages.set(`${chatId}:${messageId}`, { messageId, chatId, text, ...(keyboard ? { keyboard } : {}) });
        const message: Partial<Message> = {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: "private", first_name: "Customer" },
          from: BOT_INFO,
          ...(call.method === "sendMessage" ? { text } : { caption: text, document: { file_id: "f", file_unique_id: "u" } }),
        };
        return message;
      }
      case "editMessageText": {
        const key = `${chatId}:${Number(p.message_id)}`;
        const keyboard = p.reply_markup as Keyboard | undefined;
        this.messages.set(key, { messageId: Number(p.message_id), chatId, text: String(p.text), ...(keyboard ? { keyboard } : {}) });
        return { message_id: Number(p.message_id), date: 0, chat: { id: chatId, type: "private" }, text: p.text };
      }
      case "editMessageReplyMarkup": {
        const key = `${chatId}:${Number(p.message_id)}`;
        const shown = this.messages.get(key);
        const keyboard = p.reply_markup as Keyboard | undefined;
        if (shown) this.messages.set(key, { messageId: shown.messageId, chatId, text: shown.text, ...(keyboard ? { keyboard } : {}) });
        return true;
      }
      default:
        return true;
    }
  }

  /** Builds the next update id. */
  updateId(): number {
    return this.nextUpdateId++;
  }

  /** Delivered calls of one method, optionally to one chat. */
  callsOf(method: string, chatId?: number): ApiCall[] {
    return this.calls.filter((c) => !c.failed && c.method === method && (chatId === undefined || Number(c.payload.chat_id) === chatId));
  }

  /** Texts the chat was sent or shown (new messages and edits), in order; refused calls excluded. */
  textsTo(chatId: number): string[] {
    return this.calls
      .filter((c) => !c.failed && ["sendMessage", "editMessageText"].includes(c.method) && Number(c.payload.chat_id) === chatId)
      .map((c) => String(c.payload.text));
  }

  /** The last text the chat was sent or shown. */
  lastText(chatId: number): string {
    return this.textsTo(chatId).at(-1) ?? "";
  }

  /** Texts of answerCallbackQuery calls (toasts), in order. */
  toasts(): string[] {
    return this.callsOf("answerCallbackQuery").map((c) => String(c.payload.text ?? ""));
  }

  /** The newest message in the chat that has inline buttons. */
  latestKeyboardMessage(chatId: number): ShownMessage | undefined {
    return [...this.messages.values()]
      .filter((m) => m.chatId === chatId && m.keyboard && m.keyboard.inline_keyboard.length > 0)
      .sort((a, b) => b.messageId - a.messageId)[0];
  }

  /** A message as currently shown. */
  shown(chatId: number, messageId: number): ShownMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** Forgets recorded calls (the chats' messages stay). */
  clearCalls(): void {
    this.calls.length = 0;
  }
}

/** A private-chat user for building updates. */
export interface TestUser {
  id: number;
  language?: string;
}

/** A text message (or command) from a user in their private chat. */
export function textUpdate(tg: FakeTelegram, user: TestUser, text: string): Update {
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  return {
    update_id: tg.updateId(),
    message: {
      message_id: tg.updateId() + 100_000,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: "private", first_name: "Customer" },
      from: { id: user.id, is_bot: false, first_name: "Customer", ...(user.language ? { language_code: user.language } : {}) },
      text,
      ...(entities ? { entities } : {}),
    },
  };
}

/** A sticker from a user. */
export function stickerUpdate(tg: FakeTelegram, user: TestUser): Update {
  return {
    update_id: tg.updateId(),
    message: {
      message_id: tg.updateId() + 100_000,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: "private", first_name: "Customer" },
      from: { id: user.id, is_bot: false, first_name: "Customer" },
      sticker: {
        file_id: "sticker", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false,
      },
    },
  };
}

/** A press of a button with `data` on message `messageId` in the user's chat. */
export function callbackUpdate(tg: FakeTelegram, user: TestUser, data: string, messageId: number): Update {
  return {
    update_id: tg.updateId(),
    callback_query: {
      id: `cq${tg.updateId()}`,
      chat_instance: "ci",
      from: { id: user.id, is_bot: false, first_name: "Customer", ...(user.language ? { language_code: user.language } : {}) },
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: "private", first_name: "Customer" },
        from: BOT_INFO,
        text: "",
      },
    },
  };
}

/**
 * Makes the fake refuse sendMessage with 429 (retry_after 1) whenever more than `perSecond`
 * messages arrived within the last second, as Telegram does for bots. `except` chats are exempt.
 * Returns how many were refused so far.
 */
export function enforceRateLimit(tg: FakeTelegram, perSecond = 30, except: number[] = []): () => number {
  const stamps: number[] = [];
  let rejected = 0;
  tg.failWith = (call) => {
    if (call.method !== "sendMessage" || except.includes(Number(call.payload.chat_id))) return undefined;
    const now = performance.now();
    while (stamps.length > 0 && stamps[0]! < now - 1000) stamps.shift();
    if (stamps.length >= perSecond) {
      rejected++;
      return { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } };
    }
    stamps.push(now);
    return undefined;
  };
  return () => rejected;
}
