import { InlineKeyboard } from "grammy";
import type { Language } from "../../domain/enums.js";
import { parseEuroAmount } from "../../domain/money.js";
import type { NewService, ServiceChange, ServiceRow } from "../../services/catalog-admin.js";
import type { ConversationContext } from "../context.js";
import {
  nameLanguage,
  parseMinutes,
  parseServiceName,
  parseVat,
  serviceCard,
  serviceCardKeyboard,
  serviceLine,
  SERVICE_FIELDS,
  type ServiceField,
} from "../features/services-menu.js";
import { formatDecimal, formatLanguage, formatPrice } from "../format.js";
import { requireAdmin, textOrButton, type AdminConversation } from "./admin.js";
import { Prompt, type TextCheck } from "./prompt.js";

/** What the service conversations need. */
export interface ServiceFlowDeps {
  /** Whether this Telegram user is an admin now. */
  isAdmin(telegramId: number): boolean;
  serviceById(id: string): Promise<ServiceRow | undefined>;
  addService(service: NewService): Promise<{ ok: true; service: ServiceRow } | { ok: false; reason: "invalid" }>;
  changeService(id: string, change: ServiceChange): Promise<"ok" | "not-found" | "invalid">;
}

/** Lengths and buffers offered as buttons; any other multiple of five can be typed. */
const LENGTHS = [30, 45, 60, 90];
const BUFFERS = [0, 5, 10, 15];
const STANDARD_VAT = 25.5;

const minutesCheck = (min: number, max: number): TextCheck => (text) => (parseMinutes(text, min, max) === undefined ? "services-bad-minutes" : undefined);
const bufferCheck: TextCheck = (text) => (parseMinutes(text, 0, 240) === undefined ? "services-bad-buffer" : undefined);
const priceCheck: TextCheck = (text) => (parseEuroAmount(text) === undefined ? "admin-payment-bad-amount" : undefined);
const vatCheck: TextCheck = (text) => (parseVat(text) === undefined ? "services-bad-vat" : undefined);
const nameCheck: TextCheck = (text) => (parseServiceName(text) === undefined ? "services-bad-name" : undefined);

/** Buttons with values (`adc:v:<value>`), then Stop. */
function choices(ctx: ConversationContext, options: Array<[string, string]>, extra: Array<[string, string]> = []): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const [label, value] of options) keyboard.text(label, `adc:v:${value}`);
  for (const [label, data] of extra) keyboard.row().text(label, data);
  return keyboard.row().text(ctx.t("button-cancel"), "adc:stop");
}

/** The card of a service just saved, with its buttons, below the closed prompt. */
async function showSaved(prompt: Prompt, ctx: ConversationContext, notice: string, s: ServiceRow): Promise<void> {
  const t = ctx.t.bind(ctx);
  await prompt.close(notice);
  await prompt.current.reply(serviceCard(t, ctx.language, s), { reply_markup: serviceCardKeyboard(t, ctx.language, s) });
}

/**
 * Changes one thing about a service (A3): asks for the new value (buttons for the usual lengths,
 * buffers and VAT, or typed), explains a refused one and asks again, saves, and shows the card.
 */
export function createServiceEditConversation(deps: ServiceFlowDeps) {
  return async function serviceEdit(conversation: AdminConversation, ctx: ConversationContext, serviceId: string, rawField: string): Promise<void> {
    await requireAdmin(conversation, deps, ctx);
    const l = ctx.language;
    const prompt = new Prompt(ctx);
    const field = SERVICE_FIELDS.find((f) => f === rawField);
    const s = await conversation.external(() => deps.serviceById(serviceId));
    if (!s || !field) {
      await prompt.close(ctx.t("services-gone"));
      return;
    }
    const name = s.name[l];
    const language = nameLanguage(field);
    const ask = (key: string, current: string) => ctx.t(key, { name, current });
    let keyboard: InlineKeyboard;
    let check: TextCheck;
    let question: string;
    switch (field) {
      case "price":
        question = ask("services-ask-price", formatPrice(s.priceCents, l));
        keyboard = choices(ctx, []);
        check = priceCheck;
        break;
      case "minutes":
        question = ask("services-ask-minutes", String(s.durationMinutes));
        keyboard = choices(ctx, LENGTHS.map((m) => [`${m} min`, String(m)]));
        check = minutesCheck(5, 480);
        break;
      case "buffer":
        question = ask("services-ask-buffer", String(s.bufferAfterMinutes));
        keyboard = choices(ctx, BUFFERS.map((m) => [`${m} min`, String(m)]));
        check = bufferCheck;
        break;
      case "vat":
        question = ask("services-ask-vat", s.vatTreatment === "exempt" ? ctx.t("admin-vat-exempt") : ctx.t("admin-vat-rate", { rate: formatDecimal(s.vatRatePercent, l) }));
        keyboard = choices(ctx, [
          [ctx.t("button-service-vat-exempt"), "0"],
          [ctx.t("admin-vat-rate", { rate: formatDecimal(STANDARD_VAT, l) }), String(STANDARD_VAT)],
        ]);
        check = vatCheck;
        break;
      default:
        question = ctx.t("services-ask-name", { name, language: formatLanguage(language!, l), current: s.name[language!] });
        keyboard = choices(ctx, []);
        check = nameCheck;
    }
    await prompt.show(question, keyboard);
    const answer = await textOrButton(conversation, deps, prompt, l, check);
    if (answer.kind === "button" && answer.action !== "v") {
      await prompt.close(ctx.t("services-not-changed"));
      return;
    }
    const value = answer.kind === "button" ? answer.value : answer.kind === "text" ? answer.text : "";
    const change = toChange(field, value);
    if (!change) {
      await prompt.close(ctx.t("services-not-changed"));
      return;
    }
    const result = await conversation.external(() => deps.changeService(s.id, change));
    const saved = result === "ok" ? await conversation.external(() => deps.serviceById(s.id)) : undefined;
    if (!saved) {
      await prompt.close(ctx.t(result === "invalid" ? "services-invalid" : "services-gone"));
      return;
    }
    await showSaved(prompt, ctx, ctx.t("admin-saved"), saved);
  };
}

/** The change a field's answer makes, or undefined when it is not one. */
function toChange(field: ServiceField, value: string): ServiceChange | undefined {
  switch (field) {
    case "price": {
      const cents = parseEuroAmount(value);
      return cents === undefined ? undefined : { priceCents: cents };
    }
    case "minutes": {
      const minutes = parseMinutes(value, 5, 480);
      return minutes === undefined ? undefined : { durationMinutes: minutes };
    }
    case "buffer": {
      const minutes = parseMinutes(value, 0, 240);
      return minutes === undefined ? undefined : { bufferAfterMinutes: minutes };
    }
    case "vat": {
      const vat = parseVat(value);
      return vat && { vat };
    }
    default: {
      const name = parseServiceName(value);
      const language = nameLanguage(field);
      return name && language ? { name: { [language]: name } } : undefined;
    }
  }
}

/**
 * Adds a service (A3) in a short conversation: its name in Finnish, Swedish and English (the last
 * two may be the Finnish one), length, price and buffer, then a summary to save or drop. VAT is
 * exempt (healthcare) until changed on its card.
 */
export function createServiceAddConversation(deps: ServiceFlowDeps) {
  return async function serviceAdd(conversation: AdminConversation, ctx: ConversationContext): Promise<void> {
    await requireAdmin(conversation, deps, ctx);
    const l = ctx.language;
    const prompt = new Prompt(ctx);
    const stopped = async () => {
      await prompt.close(ctx.t("services-add-aborted"));
    };

    /** One step: its question and buttons, typed text checked by `check`; undefined when stopped. */
    const step = async (question: string, keyboard: InlineKeyboard, check: TextCheck): Promise<{ value: string } | { same: true } | undefined> => {
      await prompt.show(question, keyboard);
      const answer = await textOrButton(conversation, deps, prompt, l, check);
      if (answer.kind === "text") return { value: answer.text };
      if (answer.kind === "button" && answer.action === "v") return { value: answer.value };
      if (answer.kind === "button" && answer.action === "same") return { same: true };
      return undefined;
    };

    const fi = await step(ctx.t("services-add-name", { language: formatLanguage("fi", l) }), choices(ctx, []), nameCheck);
    if (!fi || !("value" in fi)) return stopped();
    const names: Record<Language, string> = { fi: parseServiceName(fi.value)!, sv: "", en: "" };
    for (const language of ["sv", "en"] as const) {
      const answer = await step(
        ctx.t("services-add-name-other", { language: formatLanguage(language, l), fi: names.fi }),
        choices(ctx, [], [[ctx.t("button-service-same-name"), "adc:same"]]),
        nameCheck,
      );
      if (!answer) return stopped();
      names[language] = "value" in answer ? parseServiceName(answer.value)! : names.fi;
    }
    const minutes = await step(ctx.t("services-add-minutes"), choices(ctx, LENGTHS.map((m) => [`${m} min`, String(m)])), minutesCheck(5, 480));
    if (!minutes || !("value" in minutes)) return stopped();
    const price = await step(ctx.t("services-add-price"), choices(ctx, []), priceCheck);
    if (!price || !("value" in price)) return stopped();
    const buffer = await step(ctx.t("services-add-buffer"), choices(ctx, BUFFERS.map((m) => [`${m} min`, String(m)])), bufferCheck);
    if (!buffer || !("value" in buffer)) return stopped();

    const service: NewService = {
      name: names,
      durationMinutes: parseMinutes(minutes.value, 5, 480)!,
      priceCents: parseEuroAmount(price.value)!,
      bufferAfterMinutes: parseMinutes(buffer.value, 0, 240)!,
    };
    const t = ctx.t.bind(ctx);
    await prompt.show(
      ctx.t("services-add-confirm", {
        line: serviceLine(t, l, { ...service, vatTreatment: "exempt", vatRatePercent: 0 }),
        fi: names.fi,
        sv: names.sv,
        en: names.en,
      }),
      new InlineKeyboard().text(ctx.t("button-service-save"), "adc:save").row().text(ctx.t("button-cancel"), "adc:stop"),
    );
    const confirm = await textOrButton(conversation, deps, prompt, l, false);
    if (confirm.kind !== "button" || confirm.action !== "save") return stopped();
    const added = await conversation.external(() => deps.addService(service));
    if (!added.ok) {
      await prompt.close(ctx.t("services-invalid"));
      return;
    }
    await showSaved(prompt, ctx, ctx.t("services-added", { name: names[l] }), added.service);
  };
}
