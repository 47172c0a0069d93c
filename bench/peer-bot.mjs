/* global process, Buffer, console */
// The peer baseline of `npm run bench` (issue 13, item 8): a plain grammY + @grammyjs/runner +
// @grammyjs/conversations bot whose conversation state lives in MongoDB through the driver (no
// Mongoose), walking a customer through the same eleven steps as the real bot's booking flow, with
// similar keyboards and the callback data and texts the bench's driver waits for. No business
// logic: the days and times are generated, nothing is checked against a calendar, and Confirm
// inserts one document. It is the floor that framework plus database set on this machine.
// Started as its own process like the compiled bot: MONGODB_URI, BOT_TOKEN, BOT_API_ROOT.
import { conversations, createConversation } from "@grammyjs/conversations";
import { run, sequentialize } from "@grammyjs/runner";
import { Bot, InlineKeyboard, InputFile } from "grammy";
import { MongoClient } from "mongodb";

/** @typedef {import("grammy").Context} Context */
/** @typedef {import("@grammyjs/conversations").ConversationFlavor<Context>} BotContext */
/** @typedef {import("@grammyjs/conversations").Conversation<BotContext, Context>} BookingConversation */
/** @typedef {{ action: string, value: string, text: string }} Reply A press (action, value) or typed text. */
/** @typedef {{ id: string, name: string, minutes: number, price: string }} Service */

// The bot's pool size (src/db/connect.ts): at most 20 commands at once. With the driver's default
// of 100, FerretDB 1.24 on PostgreSQL deadlocks in the full size's burst of 500 customers.
const client = new MongoClient(process.env.MONGODB_URI ?? "mongodb://127.0.0.1:27017/peer", { maxPoolSize: 20 });
await client.connect();
const db = client.db();
/** @type {import("mongodb").Collection<{ _id: string, state: string, updatedAt: Date }>} */
const states = db.collection("conversations");
const bookings = db.collection("bookings");

/**
 * Conversation state, one document per chat, serialised to JSON as the real bot stores it.
 * @type {import("@grammyjs/conversations").VersionedStateStorage<string, import("@grammyjs/conversations").ConversationData>}
 */
const storage = {
  async read(key) {
    const doc = await states.findOne({ _id: key });
    return doc ? /** @type {import("@grammyjs/conversations").VersionedState<import("@grammyjs/conversations").ConversationData>} */ (JSON.parse(doc.state)) : undefined;
  },
  async write(key, state) {
    await states.updateOne({ _id: key }, { $set: { state: JSON.stringify(state), updatedAt: new Date() } }, { upsert: true });
  },
  async delete(key) {
    await states.deleteOne({ _id: key });
  },
};

/** @type {[Service, ...Service[]]} */
const SERVICES = [
  { id: "s30", name: "Klassinen hieronta 30 min", minutes: 30, price: "35,00 €" },
  { id: "s60", name: "Klassinen hieronta 60 min", minutes: 60, price: "55,00 €" },
  { id: "s90", name: "Klassinen hieronta 90 min", minutes: 90, price: "75,00 €" },
];
const WEEKDAYS = ["su", "ma", "ti", "ke", "to", "pe", "la"];
const DAYS_PER_PAGE = 8;
const HORIZON_DAYS = 120;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BUSINESS = "Klassinen hieronta Tmi Aija Raiski, Malkasaarentie 52, 61470 Kitinoja";

/** @param {number} ms */
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);
/** @param {string} iso */
const dayLabel = (iso) => {
  const d = new Date(`${iso}T12:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()}.${d.getUTCMonth() + 1}.`;
};
/** @param {number} ms */
const timeLabel = (ms) => {
  const d = new Date(ms + 2 * 60 * MINUTE); // Helsinki in winter, near enough for labels
  return `${d.getUTCHours()}.${String(d.getUTCMinutes()).padStart(2, "0")}`;
};
const BACK = Symbol("back");

/** The booking conversation: service → day (paged) → time → names, email, phone → privacy → consents → confirm. */
/**
 * @param {BookingConversation} conversation
 * @param {Context} ctx
 */
async function booking(conversation, ctx) {
  /** The message carrying the current step's buttons. @type {number | undefined} */
  let prompt;
  /** The customer's latest update: replies and edits go through it. */
  let current = ctx;
  const chatId = ctx.chat?.id ?? 0;

  const pressedHere = () => current.callbackQuery?.message?.message_id === prompt && prompt !== undefined;
  /**
   * Edits the pressed prompt, or sends the step anew and takes the old prompt's buttons off.
   * @param {string} text
   * @param {InlineKeyboard} [keyboard]
   */
  async function show(text, keyboard) {
    if (pressedHere()) {
      await current.editMessageText(text, keyboard ? { reply_markup: keyboard } : {});
      return;
    }
    if (prompt !== undefined) await current.api.editMessageReplyMarkup(chatId, prompt).catch(() => undefined);
    prompt = (await current.reply(text, keyboard ? { reply_markup: keyboard } : {})).message_id;
  }

  /**
   * Shows a step and waits for one of its buttons (`actions`), Back or Cancel, or typed text when
   * `typed` checks it; returns the reply, or BACK.
   * @param {string} text
   * @param {InlineKeyboard} keyboard
   * @param {{ actions?: string[], typed?: (text: string) => string | undefined, back?: boolean }} [options]
   * @returns {Promise<Reply | typeof BACK>}
   */
  async function ask(text, keyboard, { actions = [], typed, back = true } = {}) {
    const navigation = [...(back ? [InlineKeyboard.text("◀ Takaisin", "bk:back:")] : []), InlineKeyboard.text("✖ Keskeytä", "bk:cancel:")];
    await show(text, new InlineKeyboard([...keyboard.inline_keyboard, navigation].filter((row) => row.length > 0)));
    const next = await conversation.wait();
    const query = next.callbackQuery;
    if (query) {
      const [prefix, action = "", value = ""] = (query.data ?? "").split(":");
      const known = prefix === "bk" && (actions.includes(action) || action === "cancel" || (back && action === "back"));
      if (!known || query.message?.message_id !== prompt) {
        await next.answerCallbackQuery({ text: "Painike ei ole enää käytössä." }).catch(() => undefined);
        return conversation.skip({ next: false });
      }
      await next.answerCallbackQuery().catch(() => undefined);
      current = next;
      if (action === "cancel") {
        await show("Varaaminen keskeytetty – aikaa ei varattu.");
        return conversation.halt();
      }
      return action === "back" ? BACK : { action, value, text: "" };
    }
    const message = next.message?.text;
    if (message === undefined || message.startsWith("/") || !typed) {
      await next.reply("Valitse yllä olevilla painikkeilla tai keskeytä komennolla /cancel.");
      return conversation.skip({ next: false });
    }
    const refusal = typed(message);
    if (refusal) {
      await next.reply(`${refusal}\n\n${text}`);
      return conversation.skip({ next: false });
    }
    current = next;
    return { action: "", value: "", text: message };
  }

  /** @param {string} text */
  const name = (text) => (text.trim().length === 0 || text.length > 100 ? "Nimi ei kelpaa." : undefined);
  /** @param {string} text */
  const email = (text) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text.trim()) ? undefined : "Tämä ei näytä sähköpostiosoitteelta.");
  /** @param {string} text */
  const phone = (text) => (/^\+?[\d ]{6,20}$/.test(text.trim()) ? undefined : "Tämä ei näytä puhelinnumerolta.");

  /** The answers so far. */
  const a = {
    service: SERVICES[0], day: "", start: 0, firstName: "", lastName: "", email: "",
    /** @type {string | undefined} */ phone: undefined,
    consents: { telegram: false, email: false }, when: "",
  };
  /** The steps in order, each returning BACK when Back was pressed. @type {Array<() => Promise<unknown>>} */
  const steps = [
    async () => {
      const keyboard = new InlineKeyboard();
      for (const s of SERVICES) keyboard.text(`${s.name} – ${s.price}`, `bk:svc:${s.id}`).row();
      const r = await ask("Minkä hoidon haluat varata?", keyboard, { actions: ["svc"], back: false });
      if (r !== BACK) a.service = SERVICES.find((s) => s.id === r.value) ?? SERVICES[0];
    },
    async () => {
      const now = await conversation.now();
      /** @type {string[]} */
      const days = [];
      for (let d = 1; d <= HORIZON_DAYS; d++) {
        const day = dayOf(now + d * DAY);
        const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6) days.push(day);
      }
      const pages = Math.ceil(days.length / DAYS_PER_PAGE);
      for (let page = 0; ; ) {
        const keyboard = new InlineKeyboard();
        days.slice(page * DAYS_PER_PAGE, (page + 1) * DAYS_PER_PAGE).forEach((day, i) => {
          keyboard.text(dayLabel(day), `bk:day:${day}`);
          if (i % 2 === 1) keyboard.row();
        });
        keyboard.row();
        if (page > 0) keyboard.text("◀ Aiemmat", `bk:page:${page - 1}`);
        if (page < pages - 1) keyboard.text("Seuraavat ▶", `bk:page:${page + 1}`);
        keyboard.row().text("🔔 Kerro, kun aika vapautuu", "bk:waitlist:");
        const r = await ask(`${a.service.name}: valitse päivä (sivu ${page + 1}/${pages}).`, keyboard, { actions: ["day", "page", "waitlist"] });
        if (r === BACK || r.action === "day") {
          if (r !== BACK) a.day = r.value;
          return r;
        }
        if (r.action === "page") page = Math.min(pages - 1, Math.max(0, Number(r.value)));
      }
    },
    async () => {
      const first = Date.parse(`${a.day}T07:00:00Z`);
      const keyboard = new InlineKeyboard();
      for (let k = 0; k < 32; k++) {
        const start = first + k * 15 * MINUTE;
        keyboard.text(timeLabel(start), `bk:time:${start}`);
        if (k % 4 === 3) keyboard.row();
      }
      keyboard.row().text("🔔 Kerro, kun aika vapautuu", "bk:waitlist:");
      const r = await ask(`${a.service.name}, ${dayLabel(a.day)}: valitse kellonaika.`, keyboard, { actions: ["time"] });
      if (r !== BACK) a.start = Number(r.value);
      return r;
    },
    async () => textStep("firstName", "Kirjoita etunimesi.", name),
    async () => textStep("lastName", "Kirjoita sukunimesi.", name),
    async () =>
      textStep(
        "email",
        "Kirjoita sähköpostiosoitteesi. Tarvitsemme sitä, jotta tavoitamme sinut varaukseen liittyvissä asioissa. Markkinointia emme lähetä ilman markkinointilupaasi.",
        email,
      ),
    async () => {
      const keyboard = new InlineKeyboard().text("Ohita", "bk:skip:");
      const r = await ask("Kirjoita puhelinnumerosi (esim. 040 123 4567) tai paina Ohita – puhelinnumero on vapaaehtoinen.", keyboard, {
        actions: ["skip"],
        typed: phone,
      });
      if (r !== BACK) a.phone = r.text || undefined;
      return r;
    },
    async () =>
      ask(
        "Lue ennen ensimmäistä varaustasi, miten käsittelemme henkilötietojasi. Koko seloste aukeaa komennolla /privacy. Varauksesi odottaa sillä välin täällä.\n\nLyhyesti: tallennamme vain varaukseen tarvittavat tiedot ja käytämme niitä varaustesi hoitamiseen.",
        new InlineKeyboard().text("Olen lukenut tietosuojaselosteen", "bk:ack:"),
        { actions: ["ack"] },
      ),
    async () => {
      a.consents = { telegram: false, email: false };
      for (;;) {
        /** @param {boolean} on */
        const mark = (on) => (on ? "☑" : "☐");
        const keyboard = new InlineKeyboard()
          .text(`${mark(a.consents.telegram)} Telegram-viestit`, "bk:toggle:telegram")
          .row()
          .text(`${mark(a.consents.email)} Sähköposti`, "bk:toggle:email")
          .row()
          .text("Jatka", "bk:next:");
        const r = await ask("Saako vastaanotto lähettää sinulle uutisia ja tarjouksia? Rastita kanavat ja paina Jatka.", keyboard, {
          actions: ["toggle", "next"],
        });
        if (r === BACK || r.action === "next") return r;
        if (r.value === "telegram" || r.value === "email") a.consents[r.value] = !a.consents[r.value];
      }
    },
    async () => {
      const when = `${dayLabel(a.day)} klo ${timeLabel(a.start)}`;
      const summary = `Tarkista varauksesi:\n\n${a.service.name}\n${when}\nKesto: ${a.service.minutes} min\nHinta: ${a.service.price}\nOsoite: ${BUSINESS}\n\nNimi: ${a.firstName} ${a.lastName}\nSähköposti: ${a.email}\nPuhelin: ${a.phone ?? "–"}`;
      const r = await ask(summary, new InlineKeyboard().text("✅ Vahvista varaus", "bk:confirm:"), { actions: ["confirm"] });
      if (r === BACK) return r;
      await conversation.external(async () => {
        await bookings.insertOne({
          chat: chatId, service: a.service.id, start: new Date(a.start), end: new Date(a.start + a.service.minutes * MINUTE),
          firstName: a.firstName, lastName: a.lastName, email: a.email, status: "confirmed", createdAt: new Date(),
        });
      });
      a.when = when;
      return r;
    },
  ];

  /**
   * @param {"firstName" | "lastName" | "email"} field
   * @param {string} text
   * @param {(text: string) => string | undefined} check
   */
  async function textStep(field, text, check) {
    const r = await ask(text, new InlineKeyboard(), { typed: check });
    if (r !== BACK) a[field] = r.text.trim();
    return r;
  }

  for (let i = 0; i < steps.length; ) {
    const r = await steps[i]?.();
    i = r === BACK ? Math.max(0, i - 1) : i + 1;
  }
  await show(`✅ Aikasi on varattu.\n\n${a.service.name}\n${a.when}\nKesto: ${a.service.minutes} min\nHinta: ${a.service.price}\nOsoite: ${BUSINESS}`);
  const stamp = new Date(a.start).toISOString().replace(/[-:]/g, "").slice(0, 15);
  const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:peer\r\nBEGIN:VEVENT\r\nUID:${a.start}-${chatId}@peer\r\nDTSTAMP:${stamp}Z\r\nDTSTART:${stamp}Z\r\nSUMMARY:${a.service.name}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
  await current.replyWithDocument(new InputFile(Buffer.from(ics), "varaus.ics"), { caption: "Lisää aika kalenteriisi." });
}

/** @type {Bot<BotContext>} */
const bot = new Bot(process.env.BOT_TOKEN ?? "", { client: { apiRoot: process.env.BOT_API_ROOT ?? "" } });
bot.catch((error) => console.error(error.error));
// As the real bot: one chat's updates one at a time, the others concurrently.
bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
bot.use(conversations({ storage }));
// /book starts afresh, also in the middle of a booking (as the real bot's interrupts do).
bot.command("book", async (ctx, next) => {
  await ctx.conversation.exitAll();
  await next();
});
bot.use(createConversation(booking));
bot.command("start", (ctx) => ctx.reply("Tervetuloa! Varaa aika komennolla /book."));
bot.command("book", (ctx) => ctx.conversation.enter("booking"));

const runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
const stop = () => void runner.stop().then(() => client.close()).then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
