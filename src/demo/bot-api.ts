import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type {
  BotCommand,
  Chat,
  Document,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  KeyboardButton,
  MenuButton,
  MessageEntity,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";

/**
 * A local stand-in for the Telegram Bot API (https://core.telegram.org/bots/api), for the demo
 * (`npm run demo`) and for tests: the bot talks to it through `BOT_API_ROOT` exactly as it talks
 * to Telegram, and people (the demo page, a test) act as Telegram users through `sendText`,
 * `press` and `setLanguage`. It keeps every private chat as Telegram would show it and answers
 * the methods the bot calls with Telegram's results, and bad calls with Telegram's errors (unknown
 * chat, message not modified, text too long, callback data over 64 bytes, …), so that what works
 * here works in Telegram. Where Telegram's exact rule is not documented it is at least as strict.
 */

/** Telegram's documented limits that the stand-in enforces. */
export const LIMITS = {
  /** Message text, after trimming (counted in UTF-16 code units: never more lenient than Telegram). */
  text: 4096,
  caption: 1024,
  /** Callback data of an inline button, in bytes. */
  callbackData: 64,
  /** Text of an answerCallbackQuery notification. */
  callbackAnswer: 200,
  commands: 100,
  commandName: 32,
  commandDescription: 256,
  /** Buttons in one keyboard. */
  buttons: 100,
  /** An uploaded file (multipart/form-data). */
  uploadBytes: 50 * 1024 * 1024,
  /** Updates in one getUpdates answer. */
  updatesPerCall: 100,
  /** Longest getUpdates wait honoured, in seconds. */
  pollSeconds: 50,
  /** Messages (send*) the bot may send per second across all chats before getting 429. */
  sendsPerSecond: 30,
} as const;

/** Update types Telegram delivers when the bot has never named any (`allowed_updates` empty). */
const DEFAULT_UPDATE_TYPES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"];

/** A Bot API error: the HTTP status and the `{ ok: false, error_code, description }` Telegram sends. */
export class BotApiError extends Error {
  override name = "BotApiError";
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}

const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);
const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid";

/** A Telegram user of the stand-in: a customer or the practitioner. */
export interface DemoUser {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  /** What the user's Telegram app sends as `language_code` (e.g. fi, sv, en). */
  languageCode: string;
  /** Whether the user has opened the chat (pressed Start); until then the bot cannot write to them. */
  started: boolean;
}

/** A message of a private chat, as the Bot API returns it. */
export interface ChatMessage {
  message_id: number;
  from: User;
  chat: Chat.PrivateChat;
  date: number;
  edit_date?: number;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  document?: Document;
  reply_markup?: InlineKeyboardMarkup;
}

/** A reply keyboard the bot put under a user's text field (shown until removed). */
export interface ReplyKeyboard {
  keyboard: KeyboardButton[][];
  oneTime: boolean;
}

/** A stored upload, served back by its file id. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  name: string;
  mimeType: string;
  data: Buffer;
}

/** What changed, for whoever draws the chats (the demo page). */
export type StandInEvent =
  | { type: "message"; chatId: number; message: ChatMessage }
  | { type: "delete"; chatId: number; messageId: number }
  | { type: "user"; user: DemoUser }
  | { type: "menu" }
  | { type: "replyKeyboard"; chatId: number; keyboard: ReplyKeyboard | undefined }
  | { type: "answer"; chatId: number; queryId: string; text: string; showAlert: boolean; url?: string }
  | { type: "polling" }
  | { type: "refused"; method: string; errorCode: number; description: string };

interface ChatState {
  user: DemoUser;
  messages: Map<number, ChatMessage>;
  nextMessageId: number;
  replyKeyboard?: ReplyKeyboard;
  menuButton?: MenuButton;
}

interface Upload {
  name: string;
  type: string;
  data: Buffer;
}

/** A method's parameters, from a query string, a form, JSON or multipart/form-data, read as Telegram reads them. */
class Params {
  constructor(
    readonly values: Record<string, unknown>,
    readonly uploads: Map<string, Upload> = new Map(),
  ) {}

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== null;
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  integer(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number === "number" && Number.isSafeInteger(number)) return number;
    throw badRequest(`field "${name}" must be of type Integer`);
  }

  boolean(name: string): boolean {
    const value = this.values[name];
    return value === true || value === "true" || value === "1" || value === 1;
  }

  /** A structured value: a JSON body gives it as is, a form field as a JSON string. */
  object(name: string): unknown {
    const value = this.values[name];
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `bot_command` entities for the /commands in a text, as Telegram marks them. */
export function commandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(/(^|[\s(])(\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{5,32})?)(?![\w/])/g)) {
    entities.push({ type: "bot_command", offset: match.index + match[1]!.length, length: match[2]!.length });
  }
  return entities;
}

/** A URL Telegram would open from a button: https, or (only here, for the local Mini App) http on loopback. */
function acceptableUrl(raw: unknown, allowTelegramScheme: boolean): boolean {
  if (typeof raw !== "string") return false;
  try {
    const url = new URL(raw);
    if (url.protocol === "https:") return true;
    if (allowTelegramScheme && url.protocol === "tg:") return true;
    return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

const BUTTON_KINDS = [
  "callback_data",
  "url",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

/** Checks an inline keyboard as Telegram does and returns it as Telegram echoes it back. */
function inlineKeyboard(value: Record<string, unknown>): InlineKeyboardMarkup | undefined {
  const rows = value.inline_keyboard;
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  const checked = (rows as unknown[][]).map((row) =>
    row.map((button): InlineKeyboardButton => {
      if (!isRecord(button)) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
      if (typeof button.text !== "string") throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
      if (button.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
      const kinds = BUTTON_KINDS.filter((kind) => button[kind] !== undefined);
      if (kinds.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      const kind = kinds[0]!;
      if (kind === "callback_data") {
        const data = button.callback_data;
        if (typeof data !== "string" || data.length === 0 || Buffer.byteLength(data, "utf8") > LIMITS.callbackData) {
          throw badRequest("BUTTON_DATA_INVALID");
        }
      }
      if (kind === "url" && !acceptableUrl(button.url, true)) throw badRequest("BUTTON_URL_INVALID");
      if (kind === "web_app" && !(isRecord(button.web_app) && acceptableUrl(button.web_app.url, false))) {
        throw badRequest("BUTTON_URL_INVALID");
      }
      return { text: button.text, [kind]: button[kind] } as unknown as InlineKeyboardButton;
    }),
  ).filter((row) => row.length > 0);
  if (checked.flat().length > LIMITS.buttons) throw badRequest("REPLY_MARKUP_TOO_LONG");
  return checked.length > 0 ? { inline_keyboard: checked } : undefined;
}

/** What a `reply_markup` parameter asks for. */
type Markup =
  | { kind: "none" }
  | { kind: "inline"; markup: InlineKeyboardMarkup | undefined }
  | { kind: "reply"; keyboard: ReplyKeyboard }
  | { kind: "remove" }
  | { kind: "forceReply" };

function replyMarkup(p: Params): Markup {
  if (!p.has("reply_markup")) return { kind: "none" };
  const value = p.object("reply_markup");
  if (!isRecord(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in value) return { kind: "inline", markup: inlineKeyboard(value) };
  if ("keyboard" in value) {
    const rows = value.keyboard;
    if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    }
    const keyboard = (rows as unknown[][]).map((row) =>
      row.map((button): KeyboardButton => {
        if (typeof button === "string") return { text: button };
        if (isRecord(button) && typeof button.text === "string") return { text: button.text };
        throw badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
      }),
    );
    return { kind: "reply", keyboard: { keyboard, oneTime: value.one_time_keyboard === true } };
  }
  if (value.remove_keyboard === true) return { kind: "remove" };
  if (value.force_reply === true) return { kind: "forceReply" };
  throw badRequest("can't parse reply keyboard markup JSON object");
}

const sameKeyboard = (a: InlineKeyboardMarkup | undefined, b: InlineKeyboardMarkup | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A copy of a message without some of its optional fields (an edit replaces them). */
function without(message: ChatMessage, ...keys: Array<"entities" | "reply_markup" | "caption">): ChatMessage {
  const copy = { ...message };
  for (const key of keys) delete copy[key];
  return copy;
}

const MIME_TYPES: Record<string, string> = {
  ics: "text/calendar",
  json: "application/json",
  csv: "text/csv",
  txt: "text/plain",
  pdf: "application/pdf",
};

/** Telegram's private-chat view of a user. */
function chatOf(user: DemoUser): Chat.PrivateChat {
  return {
    id: user.id,
    type: "private",
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

/** The `from` of a user's updates. */
function userOf(user: DemoUser): User {
  return {
    id: user.id,
    is_bot: false,
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
    language_code: user.languageCode,
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const randomId = (bytes: number) => randomBytes(bytes).toString("base64url");

/** Options of a stand-in: the token the bot uses, and how the bot introduces itself. */
export interface BotApiStandInOptions {
  token: string;
  firstName?: string;
  username?: string;
}

/** The stand-in itself: state, the Bot API methods, and the users' side. See the file's comment. */
export class BotApiStandIn {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** The bot as the `from` of its messages. */
  private readonly botUser: User;
  private readonly chats = new Map<number, ChatState>();
  private readonly files = new Map<string, StoredFile>();
  private readonly queue: Update[] = [];
  private nextUpdateId = 1;
  private allowedUpdates = DEFAULT_UPDATE_TYPES;
  private poll: { wake: () => void; conflict: () => void } | undefined;
  private polled = false;
  private readonly commands = new Map<string, BotCommand[]>();
  private defaultMenuButton: MenuButton | undefined;
  private readonly queries = new Map<string, { chatId: number; answered: boolean }>();
  private readonly sendTimes: number[] = [];
  private readonly listeners = new Set<(event: StandInEvent) => void>();

  constructor(options: BotApiStandInOptions) {
    const id = Number(/^(\d+):/.exec(options.token)?.[1]);
    if (!Number.isSafeInteger(id)) throw new Error("the token must look like a bot token: <digits>:<letters>");
    this.token = options.token;
    this.botInfo = {
      id,
      is_bot: true,
      first_name: options.firstName ?? "Demo bot",
      username: options.username ?? "demo_bot",
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    } as UserFromGetMe;
    this.botUser = { id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username };
  }

  /** Calls `listener` with every change; returns a function that stops it. */
  subscribe(listener: (event: StandInEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StandInEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Whether the bot has asked for updates yet (it is running). */
  get botPolling(): boolean {
    return this.polled;
  }

  // ---------------------------------------------------------------- the users' side

  /** Adds a Telegram user (with an empty chat with the bot); `started` if they opened it before. */
  addUser(user: Omit<DemoUser, "started"> & { started?: boolean }): DemoUser {
    if (this.chats.has(user.id)) throw new Error(`user ${user.id} exists already`);
    const added: DemoUser = { ...user, started: user.started ?? false };
    this.chats.set(added.id, { user: added, messages: new Map(), nextMessageId: 1 });
    this.emit({ type: "user", user: { ...added } });
    return { ...added };
  }

  /** Every user, in the order added. */
  users(): DemoUser[] {
    return [...this.chats.values()].map((chat) => ({ ...chat.user }));
  }

  private chatOfUser(userId: number): ChatState {
    const chat = this.chats.get(userId);
    if (!chat) throw new Error(`no user ${userId}`);
    return chat;
  }

  /** The user's chat with the bot, oldest message first. */
  messages(userId: number): ChatMessage[] {
    return [...this.chatOfUser(userId).messages.values()].sort((a, b) => a.message_id - b.message_id);
  }

  /** The reply keyboard under the user's text field, if the bot set one. */
  replyKeyboard(userId: number): ReplyKeyboard | undefined {
    return this.chatOfUser(userId).replyKeyboard;
  }

  /** A stored file by id (documents the bot sent). */
  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  /** Changes what the user's Telegram app sends as `language_code` (their menu follows at once). */
  setLanguage(userId: number, languageCode: string): DemoUser {
    const chat = this.chatOfUser(userId);
    chat.user.languageCode = languageCode;
    this.emit({ type: "user", user: { ...chat.user } });
    this.emit({ type: "menu" });
    return { ...chat.user };
  }

  private enqueue(update: Omit<Update, "update_id">): number {
    const type = Object.keys(update)[0]!;
    const id = this.nextUpdateId++;
    if (this.allowedUpdates.includes(type)) {
      this.queue.push({ ...update, update_id: id });
      this.poll?.wake();
    }
    return id;
  }

  /** The user sends a text message (a command is marked as Telegram marks it). Opens the chat. */
  sendText(userId: number, text: string): ChatMessage {
    const chat = this.chatOfUser(userId);
    const trimmed = text.trim();
    if (trimmed === "") throw new Error("empty message");
    if (trimmed.length > LIMITS.text) throw new Error(`a message holds at most ${LIMITS.text} characters`);
    if (!chat.user.started) {
      chat.user.started = true;
      this.emit({ type: "user", user: { ...chat.user } });
    }
    const entities = commandEntities(trimmed);
    const message: ChatMessage = {
      message_id: chat.nextMessageId++,
      from: userOf(chat.user),
      chat: chatOf(chat.user),
      date: nowSeconds(),
      text: trimmed,
      ...(entities.length > 0 ? { entities } : {}),
    };
    chat.messages.set(message.message_id, message);
    if (chat.replyKeyboard?.oneTime) this.setReplyKeyboard(chat, undefined);
    this.emit({ type: "message", chatId: chat.user.id, message });
    this.enqueue({ message: message });
    return message;
  }

  /**
   * The user presses the callback button at `row`, `column` of a message's inline keyboard:
   * the bot gets a callback query (its id is returned). Buttons of other kinds (links, Mini
   * Apps) are opened by the client and never reach the bot; pressing one here is an error.
   */
  press(userId: number, messageId: number, row: number, column: number): string {
    const chat = this.chatOfUser(userId);
    const message = chat.messages.get(messageId);
    const button = message?.reply_markup?.inline_keyboard[row]?.[column];
    if (!message || !button) throw new Error("no such button");
    if (!("callback_data" in button)) throw new Error("that button opens something in the client; it sends the bot nothing");
    const id = `${this.botInfo.id}${Date.now()}${randomBytes(2).readUInt16BE()}`;
    this.queries.set(id, { chatId: chat.user.id, answered: false });
    this.enqueue({
      callback_query: {
        id,
        from: userOf(chat.user),
        message: message as NonNullable<Update["callback_query"]>["message"],
        chat_instance: String(chat.user.id * 7 + 3),
        data: button.callback_data,
      },
    });
    return id;
  }

  /**
   * The command menu the user's Telegram would show in this chat: the first list set, in
   * Telegram's order — this chat in the user's language, this chat, all private chats in the
   * language, all private chats, default in the language, default.
   */
  menuCommands(userId: number): BotCommand[] {
    const { user } = this.chatOfUser(userId);
    for (const scope of [`chat:${user.id}`, "all_private_chats", "default"]) {
      for (const language of [user.languageCode, ""]) {
        const list = this.commands.get(`${scope}|${language}`);
        if (list) return list.map((c) => ({ ...c }));
      }
    }
    return [];
  }

  /** The chat's menu button: its own, else the bot's default, else the command list. */
  menuButton(userId: number): MenuButton {
    const own = this.chatOfUser(userId).menuButton;
    if (own && own.type !== "default") return own;
    if (this.defaultMenuButton && this.defaultMenuButton.type !== "default") return this.defaultMenuButton;
    return { type: "commands" };
  }

  // ---------------------------------------------------------------- the bot's side: HTTP

  /**
   * Serves `/bot<token>/<method>` and `/file/bot<token>/<path>` like api.telegram.org; returns
   * false for any other path (the caller serves it).
   */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const file = /^\/file\/bot([^/]+)\/documents\/([\w-]+)\/[^/]*$/.exec(url.pathname);
    const call = /^\/bot([^/]+)\/([A-Za-z]+)\/?$/.exec(url.pathname);
    if (!file && !call && !url.pathname.startsWith("/bot") && !url.pathname.startsWith("/file/bot")) return false;
    const token = decodeURIComponent(file?.[1] ?? call?.[1] ?? "");
    if (token !== this.token) {
      this.reply(res, new BotApiError(401, "Unauthorized"));
      return true;
    }
    if (file) {
      const stored = this.files.get(file[2]!);
      if (!stored) res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      else res.writeHead(200, { "content-type": stored.mimeType, "content-length": stored.data.length }).end(stored.data);
      return true;
    }
    if (!call) {
      this.reply(res, new BotApiError(404, "Not Found"));
      return true;
    }
    const method = call[2]!;
    const closed = new AbortController();
    res.on("close", () => closed.abort());
    try {
      const params = await readParams(req, url);
      const result = await this.call(method, params, closed.signal);
      this.reply(res, result);
    } catch (error) {
      const refusal = error instanceof BotApiError ? error : new BotApiError(500, `Internal Server Error: ${String(error)}`);
      this.emit({ type: "refused", method, errorCode: refusal.errorCode, description: refusal.description });
      this.reply(res, refusal);
    }
    return true;
  }

  private reply(res: ServerResponse, outcome: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    if (outcome instanceof BotApiError) {
      const body = { ok: false, error_code: outcome.errorCode, description: outcome.description, ...(outcome.parameters ? { parameters: outcome.parameters } : {}) };
      res.writeHead(outcome.errorCode, { "content-type": "application/json" }).end(JSON.stringify(body));
    } else {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result: outcome }));
    }
  }

  /**
   * One Bot API call with its parameters (as a JSON body would carry them; `uploads` for
   * multipart files); resolves with the result or throws a BotApiError. Method names are
   * case-insensitive, as in Telegram.
   */
  async call(method: string, values: Record<string, unknown> | Params, signal?: AbortSignal): Promise<unknown> {
    const p = values instanceof Params ? values : new Params(values);
    switch (method.toLowerCase()) {
      case "getme":
        return this.botInfo;
      case "getupdates":
        return this.getUpdates(p, signal);
      case "deletewebhook":
        return true;
      case "getwebhookinfo":
        return { url: "", has_custom_certificate: false, pending_update_count: this.queue.length };
      case "sendmessage":
        return this.sendMessage(p);
      case "senddocument":
        return this.sendDocument(p);
      case "editmessagetext":
        return this.editMessageText(p);
      case "editmessagecaption":
        return this.editMessageCaption(p);
      case "editmessagereplymarkup":
        return this.editMessageReplyMarkup(p);
      case "deletemessage":
        return this.deleteMessage(p);
      case "answercallbackquery":
        return this.answerCallbackQuery(p);
      case "setmycommands":
        return this.setMyCommands(p);
      case "deletemycommands":
        return this.deleteMyCommands(p);
      case "getmycommands":
        return this.commands.get(this.commandsKey(p)) ?? [];
      case "setchatmenubutton":
        return this.setChatMenuButton(p);
      case "getchatmenubutton":
        return p.has("chat_id") ? this.menuButton(this.chat(p).user.id) : (this.defaultMenuButton ?? { type: "commands" });
      case "sendchataction":
        this.chat(p);
        return true;
      case "getchat": {
        const chat = this.chat(p, { mustHaveStarted: false });
        return { ...chatOf(chat.user), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
      }
      case "getfile":
        return this.getFile(p);
      default:
        throw new BotApiError(404, `Not Found: ${method} is not implemented by the demo's Bot API stand-in`);
    }
  }

  // ---------------------------------------------------------------- the methods

  private async getUpdates(p: Params, signal?: AbortSignal): Promise<Update[]> {
    const offset = p.integer("offset") ?? 0;
    const limit = Math.min(Math.max(p.integer("limit") ?? LIMITS.updatesPerCall, 1), LIMITS.updatesPerCall);
    const timeout = Math.min(Math.max(p.integer("timeout") ?? 0, 0), LIMITS.pollSeconds);
    const allowed = p.object("allowed_updates");
    if (Array.isArray(allowed)) {
      this.allowedUpdates = allowed.length > 0 ? allowed.map(String) : DEFAULT_UPDATE_TYPES;
    }
    // An update is forgotten once a later offset confirms it; a negative offset keeps the last ones.
    if (offset > 0) while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    if (offset < 0) this.queue.splice(0, Math.max(this.queue.length + offset, 0));
    if (!this.polled) {
      this.polled = true;
      this.emit({ type: "polling" });
    }
    // Only one getUpdates at a time: a newer one ends the older one, as Telegram does.
    this.poll?.conflict();
    if (this.queue.length === 0 && timeout > 0 && !signal?.aborted) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => done(), timeout * 1000);
        const done = (error?: BotApiError) => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          if (this.poll === poll) this.poll = undefined;
          if (error) reject(error);
          else resolve();
        };
        const onAbort = () => done();
        const poll = {
          wake: () => done(),
          conflict: () =>
            done(new BotApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")),
        };
        this.poll = poll;
        signal?.addEventListener("abort", onAbort);
      });
    }
    return this.queue.slice(0, limit);
  }

  /** The private chat a call names, which must exist and (to be written to) have been opened by its user. */
  private chat(p: Params, { mustHaveStarted = true } = {}): ChatState {
    const raw = p.values.chat_id;
    if (raw === undefined || raw === null || raw === "") throw badRequest("chat_id is empty");
    const id = typeof raw === "number" ? raw : typeof raw === "string" && /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    const chat = this.chats.get(id);
    if (!chat) throw badRequest("chat not found");
    if (mustHaveStarted && !chat.user.started) throw new BotApiError(403, "Forbidden: bot can't initiate conversation with a user");
    return chat;
  }

  /** Telegram refuses to send more than about 30 messages a second in all. */
  private countSend(): void {
    const now = Date.now();
    while (this.sendTimes.length > 0 && this.sendTimes[0]! <= now - 1000) this.sendTimes.shift();
    if (this.sendTimes.length >= LIMITS.sendsPerSecond) {
      throw new BotApiError(429, "Too Many Requests: retry after 1", { retry_after: 1 });
    }
    this.sendTimes.push(now);
  }

  private checkParseMode(p: Params, field = "parse_mode"): void {
    const mode = p.string(field);
    // The bot sends plain text; formatting is not drawn here, so it is refused rather than shown wrong.
    if (mode !== undefined && mode !== "") throw badRequest(`${field} ${mode} is not supported by the demo's Bot API stand-in`);
  }

  private text(p: Params, tooLong: string): string {
    const text = (p.string("text") ?? "").trim();
    if (text === "") throw badRequest("message text is empty");
    if (text.length > LIMITS.text) throw badRequest(tooLong);
    return text;
  }

  private caption(p: Params): string | undefined {
    const caption = p.string("caption")?.trim();
    if (caption && caption.length > LIMITS.caption) throw badRequest("message caption is too long");
    return caption || undefined;
  }

  private setReplyKeyboard(chat: ChatState, keyboard: ReplyKeyboard | undefined): void {
    chat.replyKeyboard = keyboard;
    this.emit({ type: "replyKeyboard", chatId: chat.user.id, keyboard });
  }

  private addBotMessage(chat: ChatState, content: Partial<ChatMessage>, markup: Markup): ChatMessage {
    const message: ChatMessage = {
      message_id: chat.nextMessageId++,
      from: this.botUser,
      chat: chatOf(chat.user),
      date: nowSeconds(),
      ...content,
      ...(markup.kind === "inline" && markup.markup ? { reply_markup: markup.markup } : {}),
    };
    chat.messages.set(message.message_id, message);
    this.emit({ type: "message", chatId: chat.user.id, message });
    if (markup.kind === "reply") this.setReplyKeyboard(chat, markup.keyboard);
    if (markup.kind === "remove") this.setReplyKeyboard(chat, undefined);
    return message;
  }

  private checkReplyTo(chat: ChatState, p: Params): void {
    const reply = p.object("reply_parameters");
    const id = isRecord(reply) ? Number(reply.message_id) : p.integer("reply_to_message_id");
    const allowWithout = isRecord(reply) && reply.allow_sending_without_reply === true;
    if (id !== undefined && !chat.messages.has(id) && !allowWithout) throw badRequest("message to be replied not found");
  }

  private sendMessage(p: Params): ChatMessage {
    const chat = this.chat(p);
    const text = this.text(p, "message is too long");
    this.checkParseMode(p);
    const markup = replyMarkup(p);
    this.checkReplyTo(chat, p);
    this.countSend();
    const entities = commandEntities(text);
    return this.addBotMessage(chat, { text, ...(entities.length > 0 ? { entities } : {}) }, markup);
  }

  private sendDocument(p: Params): ChatMessage {
    const chat = this.chat(p);
    const caption = this.caption(p);
    this.checkParseMode(p);
    const markup = replyMarkup(p);
    this.checkReplyTo(chat, p);
    const stored = this.documentOf(p);
    this.countSend();
    const document: Document = {
      file_id: stored.fileId,
      file_unique_id: stored.fileUniqueId,
      file_name: stored.name,
      mime_type: stored.mimeType,
      file_size: stored.data.length,
    };
    return this.addBotMessage(chat, { document, ...(caption ? { caption } : {}) }, markup);
  }

  /** The file of a sendDocument: uploaded (as the field or as attach://name), or a file id sent before. */
  private documentOf(p: Params): StoredFile {
    const direct = p.uploads.get("document");
    const value = direct ? undefined : p.string("document");
    const attached = value?.startsWith("attach://") ? p.uploads.get(value.slice("attach://".length)) : undefined;
    const upload = direct ?? attached;
    if (!upload) {
      if (!value) throw badRequest("there is no document in the request");
      const known = this.files.get(value);
      if (known) return known;
      if (/^https?:\/\//.test(value)) throw badRequest("failed to get HTTP URL content");
      throw badRequest("wrong file identifier/HTTP URL specified");
    }
    if (upload.data.length === 0) throw badRequest("file must be non-empty");
    const extension = /\.([a-z0-9]+)$/i.exec(upload.name)?.[1]?.toLowerCase() ?? "";
    const stored: StoredFile = {
      fileId: `BQAC${randomId(24)}`,
      fileUniqueId: `AgAD${randomId(8)}`,
      name: upload.name || "document",
      mimeType: MIME_TYPES[extension] ?? (upload.type && upload.type !== "application/octet-stream" ? upload.type : "application/octet-stream"),
      data: upload.data,
    };
    this.files.set(stored.fileId, stored);
    return stored;
  }

  /** The bot's own message a call edits or deletes. */
  private ownMessage(p: Params, missing: string): { chat: ChatState; message: ChatMessage } {
    if (p.has("inline_message_id")) throw badRequest("MESSAGE_ID_INVALID");
    const chat = this.chat(p);
    const id = p.integer("message_id");
    if (id === undefined) throw badRequest("message identifier is not specified");
    const message = chat.messages.get(id);
    if (!message) throw badRequest(missing);
    return { chat, message };
  }

  private replaceMessage(chat: ChatState, message: ChatMessage): ChatMessage {
    chat.messages.set(message.message_id, message);
    this.emit({ type: "message", chatId: chat.user.id, message });
    return message;
  }

  /** The inline keyboard an edit leaves: the one given, or none (an edit without one removes it). */
  private editedKeyboard(p: Params): InlineKeyboardMarkup | undefined {
    const markup = replyMarkup(p);
    if (markup.kind === "none") return undefined;
    if (markup.kind !== "inline") throw badRequest("inline keyboard expected");
    return markup.markup;
  }

  private editMessageText(p: Params): ChatMessage {
    const { chat, message } = this.ownMessage(p, "message to edit not found");
    const text = this.text(p, "MESSAGE_TOO_LONG");
    this.checkParseMode(p);
    const keyboard = this.editedKeyboard(p);
    if (message.from.id !== this.botInfo.id) throw badRequest("message can't be edited");
    if (message.text === undefined) throw badRequest("there is no text in the message to edit");
    if (message.text === text && sameKeyboard(message.reply_markup, keyboard)) throw badRequest(NOT_MODIFIED);
    const entities = commandEntities(text);
    return this.replaceMessage(chat, {
      ...without(message, "entities", "reply_markup"),
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...(keyboard ? { reply_markup: keyboard } : {}),
      edit_date: nowSeconds(),
    });
  }

  private editMessageCaption(p: Params): ChatMessage {
    const { chat, message } = this.ownMessage(p, "message to edit not found");
    const caption = this.caption(p);
    this.checkParseMode(p);
    const keyboard = this.editedKeyboard(p);
    if (message.from.id !== this.botInfo.id) throw badRequest("message can't be edited");
    if (message.document === undefined) throw badRequest("there is no caption in the message to edit");
    if (message.caption === caption && sameKeyboard(message.reply_markup, keyboard)) throw badRequest(NOT_MODIFIED);
    return this.replaceMessage(chat, { ...without(message, "caption", "reply_markup"), ...(caption ? { caption } : {}), ...(keyboard ? { reply_markup: keyboard } : {}), edit_date: nowSeconds() });
  }

  private editMessageReplyMarkup(p: Params): ChatMessage {
    const { chat, message } = this.ownMessage(p, "message to edit not found");
    const keyboard = this.editedKeyboard(p);
    if (message.from.id !== this.botInfo.id) throw badRequest("message can't be edited");
    if (sameKeyboard(message.reply_markup, keyboard)) throw badRequest(NOT_MODIFIED);
    return this.replaceMessage(chat, { ...without(message, "reply_markup"), ...(keyboard ? { reply_markup: keyboard } : {}), edit_date: nowSeconds() });
  }

  private deleteMessage(p: Params): true {
    const { chat, message } = this.ownMessage(p, "message to delete not found");
    chat.messages.delete(message.message_id);
    this.emit({ type: "delete", chatId: chat.user.id, messageId: message.message_id });
    return true;
  }

  private answerCallbackQuery(p: Params): true {
    const id = p.string("callback_query_id");
    const query = id ? this.queries.get(id) : undefined;
    if (!id || !query || query.answered) throw badRequest(QUERY_INVALID);
    const text = p.string("text") ?? "";
    if (text.length > LIMITS.callbackAnswer) throw badRequest("MESSAGE_TOO_LONG");
    const url = p.string("url");
    query.answered = true;
    this.emit({ type: "answer", chatId: query.chatId, queryId: id, text, showAlert: p.boolean("show_alert"), ...(url ? { url } : {}) });
    return true;
  }

  /** The key commands are kept under: scope and language. */
  private commandsKey(p: Params): string {
    const language = p.string("language_code") ?? "";
    if (language !== "" && !/^[a-z]{2}$/.test(language)) throw badRequest("invalid language code specified");
    const scope = p.has("scope") ? p.object("scope") : { type: "default" };
    if (!isRecord(scope) || typeof scope.type !== "string") throw badRequest("can't parse BotCommandScope");
    switch (scope.type) {
      case "default":
      case "all_private_chats":
      case "all_group_chats":
      case "all_chat_administrators":
        return `${scope.type}|${language}`;
      case "chat":
      case "chat_administrators":
      case "chat_member": {
        // A private chat is in reach once its user has opened it; before that Telegram does not know it.
        const chat = this.chats.get(Number(scope.chat_id));
        if (!chat || !chat.user.started) throw badRequest("chat not found");
        if (scope.type !== "chat") throw badRequest(`can't use ${scope.type} scope in a private chat`);
        return `chat:${chat.user.id}|${language}`;
      }
      default:
        throw badRequest("wrong scope type specified");
    }
  }

  private setMyCommands(p: Params): true {
    const commands = p.object("commands");
    if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
    if (commands.length > LIMITS.commands) throw badRequest("BOT_COMMANDS_TOO_MUCH");
    const checked = commands.map((command): BotCommand => {
      if (!isRecord(command)) throw badRequest("can't parse BotCommand");
      const name = command.command;
      const description = command.description;
      if (typeof name !== "string" || !new RegExp(`^[a-z0-9_]{1,${LIMITS.commandName}}$`).test(name)) throw badRequest("BOT_COMMAND_INVALID");
      if (typeof description !== "string" || description.trim() === "" || description.length > LIMITS.commandDescription) {
        throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
      return { command: name, description };
    });
    const key = this.commandsKey(p);
    if (checked.length === 0) this.commands.delete(key);
    else this.commands.set(key, checked);
    this.emit({ type: "menu" });
    return true;
  }

  private deleteMyCommands(p: Params): true {
    this.commands.delete(this.commandsKey(p));
    this.emit({ type: "menu" });
    return true;
  }

  private setChatMenuButton(p: Params): true {
    const raw = p.has("menu_button") ? p.object("menu_button") : { type: "default" };
    if (!isRecord(raw)) throw badRequest("can't parse menu button JSON object");
    let button: MenuButton;
    if (raw.type === "commands" || raw.type === "default") button = { type: raw.type };
    else if (raw.type === "web_app") {
      if (typeof raw.text !== "string" || raw.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
      if (!isRecord(raw.web_app) || !acceptableUrl(raw.web_app.url, false)) throw badRequest("BUTTON_URL_INVALID");
      button = { type: "web_app", text: raw.text, web_app: { url: String(raw.web_app.url) } };
    } else throw badRequest("unsupported menu button type");
    if (p.has("chat_id")) this.chat(p).menuButton = button;
    else this.defaultMenuButton = button;
    this.emit({ type: "menu" });
    return true;
  }

  private getFile(p: Params): unknown {
    const stored = this.files.get(p.string("file_id") ?? "");
    if (!stored) throw badRequest("wrong file_id or the file is temporarily unavailable");
    return {
      file_id: stored.fileId,
      file_unique_id: stored.fileUniqueId,
      file_size: stored.data.length,
      file_path: `documents/${stored.fileId}/${encodeURIComponent(stored.name)}`,
    };
  }
}

/** Reads a request's body, refusing one over the upload limit. */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMITS.uploadBytes + 1024 * 1024) throw new BotApiError(413, "Request Entity Too Large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The parts of a multipart/form-data body. Written here rather than taken from `Response.formData`
 * because that refuses what grammY sends and Telegram accepts (`filename=` unquoted, no space
 * after the colons).
 */
export function multipartParts(body: Buffer, contentType: string): Array<{ name: string; filename?: string; type: string; data: Buffer }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) throw badRequest("can't parse multipart/form-data");
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: Array<{ name: string; filename?: string; type: string; data: Buffer }> = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw badRequest("can't parse multipart/form-data");
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw badRequest("can't parse multipart/form-data");
    // Each part: CRLF, headers, an empty line, the data, CRLF before the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) throw badRequest("can't parse multipart/form-data");
    const headers = part.subarray(0, split).toString("utf8").split("\r\n");
    const disposition = headers.find((h) => /^content-disposition\s*:/i.test(h)) ?? "";
    const name = /;\s*name=(?:"([^"]*)"|([^;]*))/i.exec(disposition);
    const filename = /;\s*filename=(?:"([^"]*)"|(.*))$/i.exec(disposition);
    const type = headers.find((h) => /^content-type\s*:/i.test(h))?.replace(/^content-type\s*:\s*/i, "") ?? "";
    if (!name) throw badRequest("can't parse multipart/form-data");
    parts.push({
      name: name[1] ?? name[2]!.trim(),
      ...(filename ? { filename: filename[1] ?? filename[2]!.trim() } : {}),
      type,
      data: part.subarray(split + 4),
    });
    start = next;
  }
  return parts;
}

/** A call's parameters from the query string and the body (JSON, form or multipart), as Telegram accepts them. */
async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const values: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const uploads = new Map<string, Upload>();
  const body = await readBody(req);
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (body.length === 0) return new Params(values, uploads);
  if (type.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON");
    }
    if (!isRecord(parsed)) throw badRequest("can't parse JSON");
    Object.assign(values, parsed);
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    Object.assign(values, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  } else if (type.startsWith("multipart/form-data")) {
    for (const part of multipartParts(body, req.headers["content-type"]!)) {
      if (part.filename === undefined) values[part.name] = part.data.toString("utf8");
      else uploads.set(part.name, { name: part.filename, type: part.type, data: part.data });
    }
  } else {
    throw badRequest("unsupported Content-Type");
  }
  return new Params(values, uploads);
}
