import type { CommandInfo } from "../surface.js";
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import { LANGUAGES, type Language } from "../../domain/enums.js";
import type { ServiceRow } from "../../services/catalog-admin.js";
import type { Services } from "../../services/index.js";
import { buttons, OBJECT_ID, onButton } from "../buttons.js";
import type { CustomerContext } from "../context.js";
import { formatDecimal, formatLanguage, formatPrice } from "../format.js";

/** This feature's commands (position in the practitioner's menu; bot/commands.ts gathers them). */
export const servicesMenuCommands: readonly CommandInfo[] = [
  { name: "services", menu: 6, endsFlow: true },
];

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The conversations the menu starts (bot/conversations/services.ts). */
export const SERVICE_ADD_CONVERSATION = "service-add";
export const SERVICE_EDIT_CONVERSATION = "service-edit";

/** What can be changed about a service, one conversation step each. */
export const SERVICE_FIELDS = ["price", "minutes", "buffer", "vat", "name-fi", "name-sv", "name-en"] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];

/**
 * The menu's buttons. All start with `ad:`: for anyone but an admin they are unknown buttons
 * (bot/index.ts). The list and "add" (`ad:sv:list`, `ad:sv:new`); a service's card, take out of or
 * back into use, ask to delete, delete (`ad:sv:<id>`, `ad:svt:<id>`, `ad:svd:<id>`, `ad:svx:<id>`);
 * and edit one of its fields (`ad:sve:<id>:<field>`).
 */
export const servicesMenuButtons = buttons("ad", { action: ["sv"], page: ["list", "new"] });
export const serviceButtons = buttons("ad", { action: ["sv", "svt", "svd", "svx"], serviceId: OBJECT_ID });
export const serviceFieldButtons = buttons("ad", { action: ["sve"], serviceId: OBJECT_ID, field: SERVICE_FIELDS });
const LIST = servicesMenuButtons.pack({ action: "sv", page: "list" });
const ADD = servicesMenuButtons.pack({ action: "sv", page: "new" });
const edit = (serviceId: string, field: ServiceField) => serviceFieldButtons.pack({ action: "sve", serviceId, field });

// --- What she types, read in the bot layer -------------------------------------------------

/** Minutes typed as "60" or "60 min": a whole number on the five-minute grid within [min, max]. */
export function parseMinutes(text: string, min: number, max: number): number | undefined {
  const m = /^(\d{1,3})\s*(min)?\.?$/i.exec(text.trim());
  const minutes = m ? Number(m[1]) : NaN;
  return Number.isInteger(minutes) && minutes % 5 === 0 && minutes >= min && minutes <= max ? minutes : undefined;
}

const EXEMPT_WORDS = ["0", "veroton", "vapaa", "exempt", "momsfri", "fri"];

/** A VAT treatment typed as a rate ("25,5", "25.5 %") or as exempt ("0", "veroton", "momsfri", "exempt"). */
export function parseVat(text: string): { treatment: "exempt" | "standard"; ratePercent: number } | undefined {
  const value = text.trim().toLowerCase().replace(/\s*%$/, "");
  if (EXEMPT_WORDS.includes(value)) return { treatment: "exempt", ratePercent: 0 };
  if (!/^\d{1,2}([.,]\d{1,2})?$/.test(value)) return undefined;
  const rate = Number(value.replace(",", "."));
  return rate > 0 && rate <= 100 ? { treatment: "standard", ratePercent: rate } : undefined;
}

/** A service's name as typed: one line of 1–60 characters (it is a button's label for customers). */
export function parseServiceName(text: string): string | undefined {
  const name = text.trim().replace(/\s+/g, " ");
  return name.length > 0 && name.length <= 60 && !/[\r\n]/.test(text.trim()) ? name : undefined;
}

/** The field of the service a name field changes. */
export const nameLanguage = (field: ServiceField): Language | undefined => LANGUAGES.find((l) => field === `name-${l}`);

// --- How it is shown ------------------------------------------------------------------------

function vatText(t: Translate, language: Language, s: Pick<ServiceRow, "vatTreatment" | "vatRatePercent">): string {
  return s.vatTreatment === "exempt" ? t("admin-vat-exempt") : t("admin-vat-rate", { rate: formatDecimal(s.vatRatePercent, language) });
}

/** One line about a service: its name, length, price, buffer and VAT. */
export function serviceLine(t: Translate, language: Language, s: Omit<ServiceRow, "id" | "key" | "active" | "booked">): string {
  return t("services-line", {
    name: s.name[language],
    minutes: s.durationMinutes,
    price: formatPrice(s.priceCents, language),
    buffer: s.bufferAfterMinutes,
    vat: vatText(t, language, s),
  });
}

/** A service's card: everything about it, and whether it can be deleted. */
export function serviceCard(t: Translate, language: Language, s: ServiceRow): string {
  return t("services-card", {
    line: serviceLine(t, language, s),
    status: t(s.active ? "services-active" : "services-inactive"),
    fi: s.name.fi,
    sv: s.name.sv,
    en: s.name.en,
    booked: t(s.booked ? "services-booked" : "services-never-booked"),
  });
}

/** The card's buttons: change each thing, (de)activate, delete if never booked, back to the list. */
export function serviceCardKeyboard(t: Translate, language: Language, s: ServiceRow): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(t("button-service-price"), edit(s.id, "price"))
    .text(t("button-service-minutes"), edit(s.id, "minutes"))
    .row()
    .text(t("button-service-buffer"), edit(s.id, "buffer"))
    .text(t("button-service-vat"), edit(s.id, "vat"))
    .row();
  for (const l of LANGUAGES) keyboard.text(t("button-service-name", { language: formatLanguage(l, language) }), edit(s.id, `name-${l}`));
  keyboard.row().text(t(s.active ? "button-service-deactivate" : "button-service-activate"), serviceButtons.pack({ action: "svt", serviceId: s.id }));
  if (!s.booked) keyboard.text(t("button-service-delete"), serviceButtons.pack({ action: "svd", serviceId: s.id }));
  return keyboard.row().text(t("button-services-list"), LIST);
}

/** The list: every service with its details, a button each, and one to add a service. */
export function serviceListView(t: Translate, language: Language, list: ServiceRow[], notice?: string): { text: string; keyboard: InlineKeyboard } {
  const lines = list.map((s) => `• ${serviceLine(t, language, s)}${s.active ? "" : ` ${t("services-inactive-mark")}`}`);
  const keyboard = new InlineKeyboard();
  for (const s of list) keyboard.text(`${s.active ? "" : "⏸ "}${s.name[language]}`, serviceButtons.pack({ action: "sv", serviceId: s.id })).row();
  keyboard.text(t("button-service-add"), ADD);
  const body = [t("services-title"), ...(lines.length > 0 ? lines : [t("services-none")])].join("\n");
  return { text: notice ? `${notice}\n\n${body}` : body, keyboard };
}

/**
 * `/services` (A3, B1) as a button menu: the list, a card per service with buttons to change its
 * price, length, buffer, VAT and names (each a short conversation), to take it out of use or back,
 * and to delete one never booked; adding a service is a short conversation too. Changes apply to
 * new bookings at once; bookings already made keep what they were booked with.
 */
export function servicesMenuFeature(services: Services): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  const catalog = services.catalogAdmin;
  const t = (ctx: CustomerContext): Translate => ctx.t.bind(ctx);

  /** Shows a view in place of the pressed message, or as a new one. */
  async function show(ctx: CustomerContext, text: string, keyboard: InlineKeyboard): Promise<void> {
    if (ctx.callbackQuery?.message) {
      try {
        await ctx.editMessageText(text, { reply_markup: keyboard });
        return;
      } catch (error) {
        if (!(error instanceof GrammyError)) throw error;
        if (error.description.includes("message is not modified")) return;
      }
    }
    await ctx.reply(text, { reply_markup: keyboard });
  }

  const showList = async (ctx: CustomerContext, notice?: string) => {
    const view = serviceListView(t(ctx), ctx.customer.language, await catalog.allServices(), notice);
    await show(ctx, view.text, view.keyboard);
  };
  const showCard = async (ctx: CustomerContext, s: ServiceRow) =>
    show(ctx, serviceCard(t(ctx), ctx.customer.language, s), serviceCardKeyboard(t(ctx), ctx.customer.language, s));

  /** The service a press names, or undefined (answered "not found" and the list shown again). */
  async function pressed(ctx: CustomerContext, id: string, toast?: string): Promise<ServiceRow | undefined> {
    const s = await catalog.serviceById(id);
    await ctx.answerCallbackQuery(s ? (toast ? { text: toast } : {}) : { text: ctx.t("services-gone") });
    if (!s) await showList(ctx);
    return s;
  }

  composer.command("services", (ctx) => showList(ctx));
  composer.callbackQuery(LIST, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx);
  });
  composer.callbackQuery(ADD, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.conversation.enter(SERVICE_ADD_CONVERSATION);
  });
  onButton(composer, serviceButtons, { action: "sv" }, async (ctx, { serviceId }) => {
    const s = await pressed(ctx, serviceId);
    if (s) await showCard(ctx, s);
  });
  onButton(composer, serviceFieldButtons, {}, async (ctx, { serviceId, field }) => {
    const s = await pressed(ctx, serviceId);
    if (!s) return;
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.conversation.enter(SERVICE_EDIT_CONVERSATION, s.id, field);
  });
  onButton(composer, serviceButtons, { action: "svt" }, async (ctx, { serviceId }) => {
    const before = await catalog.serviceById(serviceId);
    if (before) await catalog.changeService(before.id, { active: !before.active });
    // Customers see the change at once: the booking flow lists active services only.
    const s = await pressed(ctx, serviceId, ctx.t(before?.active ? "services-deactivated" : "services-activated"));
    if (s) await showCard(ctx, s);
  });
  onButton(composer, serviceButtons, { action: "svd" }, async (ctx, { serviceId }) => {
    const s = await pressed(ctx, serviceId);
    if (!s) return;
    await show(
      ctx,
      ctx.t("services-delete-ask", { name: s.name[ctx.customer.language] }),
      new InlineKeyboard().text(ctx.t("button-service-delete-confirm"), serviceButtons.pack({ action: "svx", serviceId: s.id })).row().text(ctx.t("button-back"), serviceButtons.pack({ action: "sv", serviceId: s.id })),
    );
  });
  onButton(composer, serviceButtons, { action: "svx" }, async (ctx, { serviceId }) => {
    const s = await catalog.serviceById(serviceId);
    const result = s ? await catalog.deleteService(s.id) : "not-found";
    if (result === "booked") {
      // Booked meanwhile: it stays, and can still be taken out of use.
      await ctx.answerCallbackQuery({ text: ctx.t("services-delete-booked") });
      const fresh = await catalog.serviceById(serviceId);
      if (fresh) await showCard(ctx, fresh);
      return;
    }
    await ctx.answerCallbackQuery();
    await showList(ctx, result === "deleted" && s ? ctx.t("services-deleted", { name: s.name[ctx.customer.language] }) : ctx.t("services-gone"));
  });
  return composer;
}
