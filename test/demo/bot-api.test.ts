import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, Bot, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BotApiStandIn, type StandInEvent } from "../../src/demo/bot-api.js";
import { until } from "../helpers/bot-process.js";

/**
 * The demo's Bot API stand-in over real HTTP, called by grammY's own client as the bot calls
 * Telegram: results and errors are Telegram's.
 */
const TOKEN = "777000:DEMO-stand-in-test-token-abcdefgh";
const CUSTOMER = 501;
const STRANGER = 502;

let server: Server;
let root = "";
let standIn: BotApiStandIn;
let api: Api;
const events: StandInEvent[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    void standIn.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  standIn = new BotApiStandIn({ token: TOKEN, firstName: "Demo", username: "demo_test_bot" });
  standIn.addUser({ id: CUSTOMER, firstName: "Matti", languageCode: "fi" });
  standIn.addUser({ id: STRANGER, firstName: "Outsider", languageCode: "en" });
  events.length = 0;
  standIn.subscribe((event) => events.push(event));
  api = new Api(TOKEN, { apiRoot: root });
});

/** The Bot API error a call ends with (fails the test if it succeeds). */
async function refusal(call: Promise<unknown>): Promise<{ code: number; description: string; retryAfter?: number }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GrammyError) {
      return { code: error.error_code, description: error.description, ...(error.parameters.retry_after ? { retryAfter: error.parameters.retry_after } : {}) };
    }
    throw error;
  }
  throw new Error("the call succeeded");
}

describe("the Bot API stand-in", () => {
  it("answers getMe with the bot the token names, and 401 for any other token", async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 777000, is_bot: true, username: "demo_test_bot" });
    const wrong = new Api("777000:another-token-abcdefghijklmnop", { apiRoot: root });
    expect(await refusal(wrong.getMe())).toEqual({ code: 401, description: "Unauthorized" });
  });

  it("writes only to users who opened the chat, and not to chats it does not know", async () => {
    expect(await refusal(api.sendMessage(999, "hi"))).toEqual({ code: 400, description: "Bad Request: chat not found" });
    expect(await refusal(api.sendMessage(CUSTOMER, "hi"))).toEqual({ code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    standIn.sendText(CUSTOMER, "/start");
    const sent = await api.sendMessage(CUSTOMER, "Hei! Valitse /book");
    expect(sent).toMatchObject({ chat: { id: CUSTOMER, type: "private", first_name: "Matti" }, from: { id: 777000, is_bot: true }, text: "Hei! Valitse /book" });
    expect(sent.entities).toEqual([{ type: "bot_command", offset: 13, length: 5 }]);
    expect(standIn.messages(CUSTOMER).map((m) => m.text)).toEqual(["/start", "Hei! Valitse /book"]);
    expect(sent.message_id).toBe(2);
  });

  it("refuses empty and too long texts, and callback data over 64 bytes", async () => {
    standIn.sendText(CUSTOMER, "/start");
    expect((await refusal(api.sendMessage(CUSTOMER, "   "))).description).toBe("Bad Request: message text is empty");
    expect((await refusal(api.sendMessage(CUSTOMER, "x".repeat(4097)))).description).toBe("Bad Request: message is too long");
    await api.sendMessage(CUSTOMER, "x".repeat(4096));
    const keyboard = (data: string) => ({ reply_markup: new InlineKeyboard().text("OK", data) });
    await api.sendMessage(CUSTOMER, "64 bytes", keyboard("ä".repeat(32)));
    expect((await refusal(api.sendMessage(CUSTOMER, "65 bytes", keyboard(`${"ä".repeat(32)}x`)))).description).toBe("Bad Request: BUTTON_DATA_INVALID");
    const textOnly = { reply_markup: { inline_keyboard: [[{ text: "only text" }]] } } as never;
    expect((await refusal(api.sendMessage(CUSTOMER, "bad", textOnly))).description).toContain("Text buttons are unallowed in the inline keyboard");
    expect((await refusal(api.sendMessage(CUSTOMER, "bad", { parse_mode: "HTML" }))).code).toBe(400);
    // Nothing refused reached the chat.
    expect(standIn.messages(CUSTOMER).map((m) => m.text?.slice(0, 8))).toEqual(["/start", "xxxxxxxx", "64 bytes"]);
  });

  it("edits like Telegram: 'not modified', a keyboard dropped by an edit without one, only its own messages", async () => {
    const mine = standIn.sendText(CUSTOMER, "/start");
    const sent = await api.sendMessage(CUSTOMER, "Choose", { reply_markup: new InlineKeyboard().text("A", "a") });
    const same = api.editMessageText(CUSTOMER, sent.message_id, "Choose", { reply_markup: new InlineKeyboard().text("A", "a") });
    expect((await refusal(same)).description).toMatch(/^Bad Request: message is not modified/);
    expect((await refusal(api.editMessageReplyMarkup(CUSTOMER, sent.message_id, { reply_markup: new InlineKeyboard().text("A", "a") }))).description).toMatch(
      /^Bad Request: message is not modified/,
    );
    const edited = await api.editMessageText(CUSTOMER, sent.message_id, "Chosen");
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "Chosen" });
    expect(typeof edited !== "boolean" && edited.edit_date).toBeGreaterThan(0);
    expect(standIn.messages(CUSTOMER).at(-1)?.reply_markup).toBeUndefined();
    expect((await refusal(api.editMessageText(CUSTOMER, 999, "x"))).description).toBe("Bad Request: message to edit not found");
    expect((await refusal(api.editMessageText(CUSTOMER, mine.message_id, "x"))).description).toBe("Bad Request: message can't be edited");
    expect((await refusal(api.editMessageText(CUSTOMER, sent.message_id, "y".repeat(4097)))).description).toBe("Bad Request: MESSAGE_TOO_LONG");
    await api.editMessageReplyMarkup(CUSTOMER, sent.message_id, { reply_markup: new InlineKeyboard().text("B", "b") });
    expect(standIn.messages(CUSTOMER).at(-1)?.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: "B", callback_data: "b" });
    expect(events.filter((e) => e.type === "message").length).toBe(4);
  });

  it("delivers a press as a callback query that can be answered once", async () => {
    standIn.sendText(CUSTOMER, "/start");
    const sent = await api.sendMessage(CUSTOMER, "Pick", { reply_markup: new InlineKeyboard().text("One", "n:1").text("Two", "n:2") });
    const queryId = standIn.press(CUSTOMER, sent.message_id, 0, 1);
    const updates = await api.getUpdates({ offset: 0, timeout: 0 });
    expect(updates.map((u) => Object.keys(u).filter((k) => k !== "update_id")[0])).toEqual(["message", "callback_query"]);
    const query = updates[1]!.callback_query!;
    expect(query).toMatchObject({ id: queryId, data: "n:2", from: { id: CUSTOMER, language_code: "fi" }, message: { message_id: sent.message_id, text: "Pick" } });
    await api.answerCallbackQuery(queryId, { text: "Two it is" });
    expect(events.find((e) => e.type === "answer")).toMatchObject({ chatId: CUSTOMER, queryId, text: "Two it is", showAlert: false });
    const again = await refusal(api.answerCallbackQuery(queryId));
    expect(again.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
    expect((await refusal(api.answerCallbackQuery("12345"))).code).toBe(400);
  });

  it("keeps documents: uploads are stored with their type and served back by file id", async () => {
    standIn.sendText(CUSTOMER, "/mydata");
    const ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
    const sent = await api.sendDocument(CUSTOMER, new InputFile(Buffer.from(ics), "booking.ics"), { caption: "Add it to your calendar." });
    expect(sent.document).toMatchObject({ file_name: "booking.ics", mime_type: "text/calendar", file_size: ics.length });
    expect(sent.caption).toBe("Add it to your calendar.");
    const file = await api.getFile(sent.document.file_id);
    const download = await fetch(`${root}/file/bot${TOKEN}/${file.file_path}`);
    expect(await download.text()).toBe(ics);
    // Sent again by its id, without a second upload.
    const again = await api.sendDocument(CUSTOMER, sent.document.file_id);
    expect(again.document.file_id).toBe(sent.document.file_id);
    expect((await refusal(api.sendDocument(CUSTOMER, "no-such-file"))).description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    const longCaption = api.sendDocument(CUSTOMER, new InputFile(Buffer.from("x"), "a.txt"), { caption: "c".repeat(1025) });
    expect((await refusal(longCaption)).description).toBe("Bad Request: message caption is too long");
    expect((await refusal(api.sendDocument(CUSTOMER, new InputFile(Buffer.alloc(0), "empty.txt")))).description).toBe("Bad Request: file must be non-empty");
  });

  it("deletes a message once", async () => {
    standIn.sendText(CUSTOMER, "/start");
    const sent = await api.sendMessage(CUSTOMER, "temporary");
    expect(await api.deleteMessage(CUSTOMER, sent.message_id)).toBe(true);
    expect(standIn.messages(CUSTOMER).map((m) => m.text)).toEqual(["/start"]);
    expect((await refusal(api.deleteMessage(CUSTOMER, sent.message_id))).description).toBe("Bad Request: message to delete not found");
  });

  it("shows each chat the command menu Telegram would: chat scope, then all private chats, then default, each by language", async () => {
    standIn.sendText(CUSTOMER, "/start");
    await api.setMyCommands([{ command: "start", description: "Aloita" }]);
    await api.setMyCommands([{ command: "start", description: "Start" }], { language_code: "en" });
    expect(standIn.menuCommands(CUSTOMER)).toEqual([{ command: "start", description: "Aloita" }]);
    expect(standIn.menuCommands(STRANGER)).toEqual([{ command: "start", description: "Start" }]);
    await api.setMyCommands([{ command: "today", description: "Tänään" }], { scope: { type: "chat", chat_id: CUSTOMER } });
    expect(standIn.menuCommands(CUSTOMER).map((c) => c.command)).toEqual(["today"]);
    standIn.setLanguage(CUSTOMER, "en");
    expect(standIn.menuCommands(CUSTOMER).map((c) => c.command)).toEqual(["today"]);
    expect(events.some((e) => e.type === "menu")).toBe(true);
    await api.deleteMyCommands({ scope: { type: "chat", chat_id: CUSTOMER } });
    expect(standIn.menuCommands(CUSTOMER)).toEqual([{ command: "start", description: "Start" }]);
    // Telegram knows a private chat only once its user opened it.
    const scoped = api.setMyCommands([{ command: "x", description: "x" }], { scope: { type: "chat", chat_id: STRANGER } });
    expect((await refusal(scoped)).description).toBe("Bad Request: chat not found");
    expect((await refusal(api.setMyCommands([{ command: "Book", description: "x" }]))).description).toBe("Bad Request: BOT_COMMAND_INVALID");
    expect((await refusal(api.setMyCommands([{ command: "book", description: "" }]))).description).toBe("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
  });

  it("long-polls: a waiting getUpdates returns when a user writes, an offset confirms, a second poller ends the first", async () => {
    const waiting = api.getUpdates({ timeout: 30 });
    await until(() => standIn.botPolling, 5_000, () => "no poll arrived");
    standIn.sendText(CUSTOMER, "hello");
    const [first] = await waiting;
    expect(first?.message?.text).toBe("hello");
    // Not confirmed yet: delivered again.
    expect((await api.getUpdates({ timeout: 0 })).map((u) => u.update_id)).toEqual([first!.update_id]);
    expect(await api.getUpdates({ offset: first!.update_id + 1, timeout: 0 })).toEqual([]);
    // Types the bot did not ask for are never delivered.
    await api.getUpdates({ offset: first!.update_id + 1, timeout: 0, allowed_updates: ["callback_query"] });
    standIn.sendText(CUSTOMER, "ignored");
    expect(await api.getUpdates({ timeout: 0, allowed_updates: ["message"] })).toEqual([]);

    const older = refusal(api.getUpdates({ timeout: 30 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const newer = api.getUpdates({ timeout: 1 });
    expect(await older).toMatchObject({ code: 409, description: expect.stringContaining("terminated by other getUpdates request") as string });
    expect(await newer).toEqual([]);
  });

  it("answers 429 with retry_after when more than 30 messages a second are sent", async () => {
    standIn.sendText(CUSTOMER, "/start");
    const outcomes = await Promise.allSettled(Array.from({ length: 35 }, (_, i) => api.sendMessage(CUSTOMER, `n${i}`)));
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => o.reason as GrammyError);
    expect(outcomes.length - refused.length).toBe(30);
    expect(refused.every((e) => e.error_code === 429 && e.parameters.retry_after === 1)).toBe(true);
  });

  it("runs an unchanged grammY bot: commands, buttons, edits and answers go through getUpdates polling", async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: root } });
    bot.command("start", (ctx) => ctx.reply(`Hello ${ctx.from?.first_name}`, { reply_markup: new InlineKeyboard().text("Press", "p") }));
    bot.callbackQuery("p", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Pressed" });
      await ctx.editMessageText("Pressed once");
    });
    const running = bot.start({ timeout: 1 });
    try {
      standIn.sendText(CUSTOMER, "/start");
      await until(() => standIn.messages(CUSTOMER).length === 2, 10_000, () => "no greeting");
      const greeting = standIn.messages(CUSTOMER)[1]!;
      expect(greeting.text).toBe("Hello Matti");
      standIn.press(CUSTOMER, greeting.message_id, 0, 0);
      await until(() => standIn.messages(CUSTOMER)[1]?.text === "Pressed once", 10_000, () => "no edit");
      expect(events.find((e) => e.type === "answer")).toMatchObject({ text: "Pressed" });
      expect(events.filter((e) => e.type === "refused")).toEqual([]);
    } finally {
      await bot.stop();
      await running;
    }
  });
});
