import type { CommandInfo } from "../surface.js";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { DateTime } from "luxon";
import type { BusinessProfile } from "../../config.js";
import type { Language } from "../../domain/enums.js";
import type { AdminCancellation, AgendaItem } from "../../services/admin.js";
import type { Receipt } from "../../services/payments.js";
import type { MarketingListRow } from "../../services/marketing-list.js";
import { toCsv } from "../../domain/csv.js";
import type { Services } from "../../services/index.js";
import { renderAuditReport } from "../audit-text.js";
import { buttons, OBJECT_ID, onButton } from "../buttons.js";
import type { CustomerContext } from "../context.js";
import {
  formatClock,
  formatDate,
  formatDateTime,
  formatDay,
  formatDecimal,
  formatLanguage,
  formatList,
  formatPercent,
  formatPrice,
  formatTimeRange,
  INTL_LOCALE,
} from "../format.js";
import { adminBookingButtons, adminBookingKeyboard } from "../keyboards.js";
import { bookForCardButton } from "./book-for.js";
import { addCustomerRecordButtons, customerRecordFeature } from "./customer-record.js";
import { exportFile } from "./privacy-rights.js";

/** Admin conversations entered from here. */
export const ADMIN_CANCEL_CONVERSATION = "admin-cancel";
export const BROADCAST_CONVERSATION = "broadcast";
export const ADMIN_PAYMENT_CONVERSATION = "admin-payment";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A customer found by /customer (their card) or /audit (their trail), and the card's "withdraw marketing". */
export const customerButtons = buttons("ad", { action: ["cu", "au", "uns"], customerId: OBJECT_ID });
/** /off's "cancel the bookings inside" for the time off just added. */
export const timeOffButtons = buttons("ad", { action: ["offc"], exceptionId: OBJECT_ID });
/** /requests' "answer" for a customer's data request. */
export const requestButtons = buttons("ad", { action: ["rq"], requestId: OBJECT_ID });
/** "Send the receipt to the customer" after a payment (drawn by the payment flow, conversations/admin.ts). */
export const receiptButtons = buttons("ad", { action: ["rs"], receiptNumber: /\d{1,9}/ });

/** A receipt (A5) as text: business, business id, contact details, date, service, amount, VAT. */
export function renderReceipt(language: Language, r: Receipt, t: Translate, config: { zone: string; business: BusinessProfile }): string {
  return t("receipt", {
    // A receipt number is a name, not a quantity: as a number Fluent would print 1234 as "1 234".
    number: String(r.receiptNumber),
    date: formatDate(r.paidAt, language, config.zone),
    business: config.business.name,
    businessId: config.business.businessId,
    address: config.business.address,
    email: config.business.email,
    phone: config.business.phone,
    customer: r.customerName ?? t("value-none"),
    service: r.serviceNames?.[language] ?? r.serviceName,
    amount: formatPrice(r.amountCents, language),
    method: t(`payment-method-${r.method}`),
    vat:
      r.vatTreatment === "exempt"
        ? t("receipt-vat-exempt")
        : t("receipt-vat", { rate: formatDecimal(r.vatRatePercent, language), amount: formatPrice(r.vatCents, language) }),
  });
}

/** The audit field names with a text each (the trail itself is rendered by bot/audit-text.ts). */
export { AUDIT_FIELDS } from "../audit-text.js";

/** The marketing list's columns, each with a `marketing-csv-*` text (the header in her language). */
const MARKETING_CSV_COLUMNS = ["first-name", "last-name", "email", "email-consent-at", "email-wording", "phone", "sms-consent-at", "sms-wording"] as const;

/**
 * The marketing list (A16) as a CSV file for a newsletter or SMS tool: headers in the reader's
 * language, consent times as sortable local "yyyy-MM-dd HH:mm" that spreadsheets read as dates.
 */
export function marketingCsv(rows: readonly MarketingListRow[], t: Translate, zone: string): string {
  const time = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd HH:mm");
  return toCsv([
    MARKETING_CSV_COLUMNS.map((c) => t(`marketing-csv-${c}`)),
    ...rows.map((r) => [
      r.firstName,
      r.lastName,
      r.email?.address ?? "",
      r.email ? time(r.email.at) : "",
      r.email?.wordingVersion ?? "",
      r.sms?.phone ?? "",
      r.sms ? time(r.sms.at) : "",
      r.sms?.wordingVersion ?? "",
    ]),
  ]);
}

/** Every admin command; for anyone else they are unknown input. */
/** This feature's commands (position in the practitioner's menu; bot/commands.ts gathers them). */
export const adminCommands: readonly CommandInfo[] = [
  { name: "today", menu: 1, endsFlow: true },
  { name: "hours", menu: 4, endsFlow: true },
  { name: "off", menu: 5, endsFlow: true },
  { name: "customer", menu: 7, endsFlow: true },
  { name: "audit", menu: 8, endsFlow: true },
  { name: "requests", menu: 9, endsFlow: true },
  { name: "stats", menu: 10, endsFlow: true },
  { name: "broadcast", menu: 11, endsFlow: true },
  { name: "export", menu: 13, endsFlow: true },
  { name: "dailyagenda", menu: 14, endsFlow: true },
];

/** One booking of the agenda: time, service, customer and attendance, as /today and /agenda show it. */
export function renderAgendaLine(t: Translate, language: Language, zone: string, b: AgendaItem): string {
  return t("admin-agenda-line", {
    time: formatTimeRange(b.start, b.end, language, zone),
    service: b.serviceName[language],
    name: b.customerName || t("value-none"),
    status: b.attendance ? t(`admin-attendance-${b.attendance}`) : "",
  });
}

/** The daily agenda (A15) as one message: the day and its bookings, or that there are none. */
export function renderDailyAgenda(t: Translate, language: Language, zone: string, day: string, items: AgendaItem[]): string {
  if (items.length === 0) return t("daily-agenda-empty", { day: formatDay(day, language) });
  const head = t("daily-agenda-title", { day: formatDay(day, language), count: items.length });
  return [head, ...items.map((b) => renderAgendaLine(t, language, zone, b).trimEnd())].join("\n");
}

// Day names as practitioners type them in Finnish, Swedish or English; none means two days.
const WEEKDAYS: Record<string, number> = {
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  ma: 1, ti: 2, ke: 3, to: 4, pe: 5, la: 6, su: 7,
  maanantai: 1, tiistai: 2, keskiviikko: 3, torstai: 4, perjantai: 5, lauantai: 6, sunnuntai: 7,
  "må": 1, on: 3, fr: 5, "lö": 6, "sö": 7,
  "mån": 1, tis: 2, ons: 3, tor: 4, fre: 5, "lör": 6, "sön": 7,
  "måndag": 1, tisdag: 2, onsdag: 3, torsdag: 4, fredag: 5, "lördag": 6, "söndag": 7,
  "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
};
const CLOSED_WORDS = ["off", "closed", "suljettu", "kiinni", "stängt", "stängd"];
const INTERVAL = /^([01]\d|2[0-3]):([0-5][05])-([01]\d|2[0-4]):([0-5][05])$/;

/** Parses a date typed by the practitioner: 2026-12-24, 24.12.2026, 24.12. (this or next year). */
export function parseDay(raw: string, zone: string, now: number): DateTime | undefined {
  const value = raw.trim();
  let dt = DateTime.fromISO(value, { zone });
  if (!dt.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})?$/.exec(value);
    if (!m) return undefined;
    const today = DateTime.fromMillis(now, { zone }).startOf("day");
    dt = DateTime.fromObject({ day: Number(m[1]), month: Number(m[2]), year: m[3] ? Number(m[3]) : today.year }, { zone });
    if (dt.isValid && !m[3] && dt < today) dt = dt.plus({ years: 1 });
  }
  return dt.isValid ? dt.startOf("day") : undefined;
}

/** Parses "09:00-12:00 12:30-17:00" into intervals, or undefined if any part is malformed. */
export function parseIntervals(parts: string[]): Array<{ start: string; end: string }> | undefined {
  const intervals = [];
  for (const part of parts) {
    const m = INTERVAL.exec(part);
    if (!m) return undefined;
    const start = `${m[1]}:${m[2]}`;
    const end = `${m[3]}:${m[4]}`;
    if (end <= start || (m[3] === "24" && m[4] !== "00")) return undefined;
    intervals.push({ start, end });
  }
  return intervals;
}

/** Why one line of /hours was rejected, with an `admin-hours-error-*` text. */
export type HoursLineError =
  | { line: number; reason: "day"; part: string }
  | { line: number; reason: "missing"; part: string }
  | { line: number; reason: "time"; part: string }
  | { line: number; reason: "order"; part: string }
  | { line: number; reason: "step"; part: string }
  | { line: number; reason: "overlap"; part: string };

/** A day's new hours: its weekday (1 = Monday) and intervals, none when closed. */
export interface HoursLine {
  weekday: number;
  intervals: Array<{ start: string; end: string }>;
}

/** "9", "09", "9:00", "9.00" as "HH:mm", or a reason it is not a time of day on the 5-minute grid. */
function parseClock(raw: string): { at: string } | { error: "time" | "step" } {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(raw);
  if (!m) return { error: "time" };
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? "0");
  if (hour > 24 || minute > 59 || (hour === 24 && minute !== 0)) return { error: "time" };
  if (minute % 5 !== 0) return { error: "step" };
  return { at: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` };
}

/**
 * Parses the text of /hours, one day a line: "ma 9-17", "tisdag 9.00–12.00 13.00–17.00",
 * "sat off". Either every line is good, or the reasons for each rejected line (1-based).
 */
export function parseHoursLines(text: string): { ok: HoursLine[] } | { errors: HoursLineError[] } {
  const ok: HoursLine[] = [];
  const errors: HoursLineError[] = [];
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  lines.forEach((raw, i) => {
    const line = i + 1;
    // "9 - 17" and "9–17" (an en or em dash) are the same range as "9-17".
    const parts = raw.toLowerCase().replace(/\s*[-–—]\s*/g, "-").split(/\s+/).filter(Boolean);
    const [dayWord, ...rest] = parts;
    const weekday = WEEKDAYS[dayWord!.replace(/\.$/, "")];
    if (!weekday) {
      errors.push({ line, reason: "day", part: dayWord! });
      return;
    }
    if (rest.length === 0) {
      errors.push({ line, reason: "missing", part: dayWord! });
      return;
    }
    if (rest.length === 1 && CLOSED_WORDS.includes(rest[0]!)) {
      ok.push({ weekday, intervals: [] });
      return;
    }
    const intervals: Array<{ start: string; end: string }> = [];
    for (const part of rest) {
      const ends = part.split("-");
      const clocks = ends.length === 2 ? ends.map(parseClock) : [{ error: "time" as const }];
      const bad = clocks.find((c) => "error" in c);
      if (bad && "error" in bad) {
        errors.push({ line, reason: bad.error, part });
        return;
      }
      const [start, end] = clocks.map((c) => ("at" in c ? c.at : ""));
      if (start === undefined || end === undefined) return;
      if (end <= start) {
        errors.push({ line, reason: "order", part });
        return;
      }
      if (intervals.some((o) => start < o.end && o.start < end)) {
        errors.push({ line, reason: "overlap", part });
        return;
      }
      intervals.push({ start, end });
    }
    ok.push({ weekday, intervals: intervals.sort((x, y) => x.start.localeCompare(y.start)) });
  });
  return errors.length > 0 ? { errors } : { ok };
}

/**
 * The practitioner's command set (A1–A9). Mounted behind an ADMIN_IDS filter: for anyone else
 * none of this exists. Every view or change of a customer's data goes through a service function
 * that audit-logs it with the admin's id.
 */
export function adminFeature(
  services: Services,
  config: { zone: string; business: BusinessProfile },
  hooks: {
    /** Tells the customer, if reachable, that the practice cancelled: `reason` in their language, and the calendar file. */
    tellCustomerCancelled(cancellation: AdminCancellation, reason: (language: Language) => string): Promise<void>;
  },
): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  const a = services.admin;
  const lang = (ctx: CustomerContext): Language => ctx.customer.language;
  const when = (ctx: CustomerContext, t: number) => formatDateTime(t, lang(ctx), config.zone);
  const now = () => Date.now();

  const agendaLine = (ctx: CustomerContext, b: AgendaItem) => renderAgendaLine(ctx.t.bind(ctx), lang(ctx), config.zone, b);

  // A1: the day's bookings, each with its actions (/agenda and /week: features/week.ts).
  composer.command("today", async (ctx) => {
    const day = DateTime.fromMillis(now(), { zone: config.zone }).startOf("day");
    const items = await a.agenda(day.toMillis(), day.plus({ days: 1 }).toMillis());
    await ctx.reply(ctx.t("admin-agenda-title", { day: formatDay(day.toISODate()!, lang(ctx)), count: items.length }));
    for (const b of items) await ctx.reply(agendaLine(ctx, b), { reply_markup: adminBookingKeyboard(ctx.t, b.bookingId) });
  });
  // A2: actions on a booking.
  for (const [action, attendance] of [["att", "attended"], ["ns", "no-show"]] as const) {
    onButton(composer, adminBookingButtons, { action }, async (ctx, { bookingId }) => {
      const booking = await a.markAttendance(ctx.from.id, bookingId, attendance, new Date());
      await ctx.answerCallbackQuery({ text: ctx.t(booking ? `admin-attendance-${attendance}` : "change-not-active") });
    });
  }
  onButton(composer, adminBookingButtons, { action: "dt" }, async (ctx, { bookingId }) => {
    const details = await a.contactDetails(ctx.from.id, { bookingId }, new Date());
    await ctx.answerCallbackQuery();
    await ctx.reply(
      details
        ? ctx.t("admin-contact", { name: details.name || ctx.t("value-none"), email: details.email ?? ctx.t("value-none"), phone: details.phone ?? ctx.t("value-none") })
        : ctx.t("change-not-found"),
    );
  });
  onButton(composer, adminBookingButtons, { action: "cx" }, async (ctx, { bookingId }) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(ADMIN_CANCEL_CONVERSATION, bookingId);
  });

  // A5: payments and receipts.
  onButton(composer, adminBookingButtons, { action: "pay" }, async (ctx, { bookingId }) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(ADMIN_PAYMENT_CONVERSATION, bookingId);
  });
  onButton(composer, receiptButtons, {}, async (ctx, { receiptNumber }) => {
    const receipt = await a.receiptByNumber(Number(receiptNumber));
    await ctx.answerCallbackQuery();
    if (!receipt?.customerTelegramId || !receipt.customerLanguage) {
      await ctx.reply(ctx.t("admin-receipt-no-customer"));
      return;
    }
    const language = receipt.customerLanguage;
    const text = renderReceipt(language, receipt, (key, vars) => ctx.i18n.fluent.translate(language, key, vars), config);
    await ctx.api.sendMessage(receipt.customerTelegramId, text);
    const name = ctx.i18n.fluent.translate(language, "receipt-file", { number: String(receipt.receiptNumber) });
    await ctx.api.sendDocument(receipt.customerTelegramId, new InputFile(Buffer.from(text, "utf8"), `${name}.txt`));
    await ctx.reply(ctx.t("admin-receipt-sent"));
  });

  // A3: weekly hours.
  composer.command("hours", async (ctx) => {
    if (ctx.match.trim()) {
      const parsed = parseHoursLines(ctx.match);
      if ("errors" in parsed) {
        // Nothing is changed unless every line is good: half a week's new hours would surprise her.
        const reasons = parsed.errors.map((e) => ctx.t(`admin-hours-error-${e.reason}`, { line: e.line, part: e.part }));
        await ctx.reply(`${ctx.t("admin-hours-rejected", { count: parsed.errors.length })}\n${reasons.join("\n")}\n\n${ctx.t("admin-hours-usage")}`);
        return;
      }
      for (const day of parsed.ok) await a.setWeekdayHours(day.weekday, day.intervals);
    }
    const hours = await a.weeklyHours();
    const lines = [1, 2, 3, 4, 5, 6, 7].map((d) => {
      const name = DateTime.fromObject({ weekday: d as 1 }).setLocale(INTL_LOCALE[lang(ctx)]).toFormat("cccc");
      const list = hours.filter((h) => h.weekday === d).map((h) => `${formatClock(h.start, lang(ctx))}–${formatClock(h.end, lang(ctx))}`);
      return ctx.t("admin-hours-line", { day: name, hours: list.length > 0 ? formatList(list, lang(ctx)) : ctx.t("admin-closed") });
    });
    await ctx.reply(`${ctx.t("admin-hours-title")}\n${lines.join("\n")}\n\n${ctx.t("admin-hours-usage")}`);
  });

  // A3: time off, with the bookings already inside it.
  composer.command("off", async (ctx) => {
    const parts = ctx.match.trim().split(/\s+/).filter(Boolean);
    const first = parts[0] ? parseDay(parts[0], config.zone, now()) : undefined;
    const second = parts[1] && !INTERVAL.test(parts[1]) ? parseDay(parts[1], config.zone, now()) : undefined;
    const times = parts.find((p) => INTERVAL.test(p));
    if (!first || (parts[1] && !second && !times) || (second && second < first)) {
      await ctx.reply(ctx.t("admin-off-usage"));
      return;
    }
    const last = second ?? first;
    const day = (d: DateTime) => formatDay(d.toISODate()!, lang(ctx));
    let start = first;
    let end = last.plus({ days: 1 });
    // Said as she would say it: "closed all day Mon 1.12.2026", not "Mon 00:00 – Tue 00:00".
    let blocked = +first === +last ? ctx.t("admin-off-day", { day: day(first) }) : ctx.t("admin-off-days", { from: day(first), to: day(last) });
    if (times) {
      const [interval] = parseIntervals([times]) ?? [];
      if (!interval) {
        await ctx.reply(ctx.t("admin-off-usage"));
        return;
      }
      const [sh, sm] = interval.start.split(":").map(Number);
      const [eh, em] = interval.end.split(":").map(Number);
      start = first.set({ hour: sh, minute: sm });
      end = last.set({ hour: eh, minute: em });
      blocked =
        +first === +last
          ? ctx.t("admin-off-time", { day: day(first), from: formatClock(interval.start, lang(ctx)), to: formatClock(interval.end, lang(ctx)) })
          : ctx.t("admin-off-range", { from: when(ctx, start.toMillis()), to: when(ctx, end.toMillis()) });
    }
    const { exceptionId, inside } = await a.addTimeOff(start.toMillis(), end.toMillis());
    const head = `${blocked} ${ctx.t("admin-off-inside", { count: inside.length })}`;
    if (inside.length === 0) {
      await ctx.reply(head);
      return;
    }
    const list = inside.map((b) => ctx.t("admin-off-booking", { when: when(ctx, b.start), service: b.serviceName[lang(ctx)], name: b.customerName }));
    await ctx.reply(`${head}\n\n${list.join("\n")}`, {
      reply_markup: new InlineKeyboard().text(ctx.t("button-admin-cancel-inside", { count: inside.length }), timeOffButtons.pack({ action: "offc", exceptionId })),
    });
  });
  onButton(composer, timeOffButtons, {}, async (ctx, { exceptionId }) => {
    await ctx.answerCallbackQuery();
    const inside = await a.bookingsInException(exceptionId);
    let cancelled = 0;
    for (const b of inside) {
      const result = await a.cancelByAdmin(ctx.from.id, b.bookingId, ctx.t("admin-off-reason"), new Date());
      if (!result) continue;
      cancelled++;
      await hooks.tellCustomerCancelled(result, (l) => ctx.i18n.fluent.translate(l, "admin-off-reason"));
    }
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("admin-off-cancelled", { count: cancelled }));
  });

  // A3: services are a button menu (features/services-menu.ts).

  // A4, A8: customers and their audit trail.
  const pickCustomer = async (ctx: CustomerContext, action: "cu" | "au") => {
    const hits = await a.findCustomers(ctx.from!.id, String(ctx.match ?? ""), new Date());
    if (hits.length === 0) {
      await ctx.reply(ctx.t(action === "cu" ? "admin-customer-usage" : "admin-audit-usage"));
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const h of hits) keyboard.text(h.name, customerButtons.pack({ action, customerId: h.customerId })).row();
    await ctx.reply(ctx.t("admin-customer-pick", { count: hits.length }), { reply_markup: keyboard });
  };
  composer.command("customer", (ctx) => pickCustomer(ctx, "cu"));
  composer.command("audit", (ctx) => pickCustomer(ctx, "au"));
  onButton(composer, customerButtons, { action: "cu" }, async (ctx, { customerId }) => {
    await ctx.answerCallbackQuery();
    const card = await a.customerCard(ctx.from.id, customerId, new Date());
    if (!card) {
      await ctx.reply(ctx.t("change-not-found"));
      return;
    }
    const l = lang(ctx);
    const none = ctx.t("value-none");
    const yes = (v: boolean) => (v ? "✓" : none);
    await ctx.reply(
      ctx.t("admin-customer-card", {
        name: card.name || none,
        email: card.email ?? none,
        phone: card.phone ?? none,
        address: card.address ?? none,
        // A year is not a quantity: as a number Fluent would print 1980 as "1 980".
        birthYear: card.birthYear === undefined ? none : String(card.birthYear),
        // In the reader's words ("ruotsi"), not the language's own name ("svenska").
        language: formatLanguage(card.language, l),
        lastSeen: when(ctx, card.lastSeenAt),
        consents: ctx.t("admin-consents", { telegram: yes(card.consents.telegram), email: yes(card.consents.email), sms: yes(card.consents.sms) }),
        bookings:
          card.bookings
            .map((b) =>
              ctx.t("admin-customer-booking", { when: when(ctx, b.start), service: b.serviceName[l], status: ctx.t(`admin-status-${b.attendance ?? b.status}`) }),
            )
            .join("\n") || none,
        payments:
          card.payments
            .map((p) =>
              ctx.t("admin-customer-payment", { number: String(p.receiptNumber), amount: formatPrice(p.amountCents, l), date: formatDate(p.paidAt, l, config.zone) }),
            )
            .join("\n") || none,
      }),
      {
        reply_markup: addCustomerRecordButtons(
          new InlineKeyboard()
            .text(ctx.t("button-admin-book-for"), bookForCardButton(card.customerId))
            .row()
            .text(ctx.t("button-admin-withdraw-marketing"), customerButtons.pack({ action: "uns", customerId: card.customerId })),
          ctx.t,
          card,
        ),
      },
    );
  });
  onButton(composer, customerButtons, { action: "uns" }, async (ctx, { customerId }) => {
    const withdrawn = await a.withdrawMarketingForCustomer(ctx.from.id, customerId, new Date());
    await ctx.answerCallbackQuery({ text: ctx.t(withdrawn === undefined ? "change-not-found" : "admin-marketing-withdrawn") });
  });
  onButton(composer, customerButtons, { action: "au" }, async (ctx, { customerId }) => {
    await ctx.answerCallbackQuery();
    const report = await a.auditReport(ctx.from.id, customerId, new Date());
    if (!report) {
      await ctx.reply(ctx.t("change-not-found"));
      return;
    }
    await ctx.reply(renderAuditReport(report, ctx.t.bind(ctx), lang(ctx), config.zone));
  });

  // A7: data requests.
  composer.command("requests", async (ctx) => {
    const pending = await a.pendingRequests();
    if (pending.length === 0) {
      await ctx.reply(ctx.t("admin-requests-none"));
      return;
    }
    for (const r of pending) {
      await ctx.reply(ctx.t("admin-request-line", { name: r.customerName, requested: when(ctx, r.requestedAt), due: when(ctx, r.dueAt) }), {
        reply_markup: new InlineKeyboard().text(ctx.t("button-admin-answer-request"), requestButtons.pack({ action: "rq", requestId: r.requestId })),
      });
    }
  });
  onButton(composer, requestButtons, {}, async (ctx, { requestId }) => {
    await ctx.answerCallbackQuery();
    const result = await a.answerRequest(ctx.from.id, requestId, new Date(), async (recipient, data) => {
      await ctx.api.sendDocument(recipient.telegramId, exportFile(data), {
        caption: ctx.i18n.fluent.translate(recipient.language, "mydata-caption"),
      });
    });
    if (result.status === "not-delivered") {
      ctx.logger.warn({ err: result.error, requestId }, "data request export not delivered");
      await ctx.reply(ctx.t("admin-request-not-delivered"));
      return;
    }
    await ctx.editMessageText(ctx.t(result.status === "answered" ? "admin-request-answered" : "admin-request-gone")).catch(() => undefined);
  });

  // A9: statistics.
  composer.command("stats", async (ctx) => {
    const s = await a.stats(now());
    const render = (label: string, p: typeof s.week) =>
      [
        ctx.t("admin-stats", {
          label,
          bookings: p.bookings,
          cancellations: p.cancellations,
          noShowRate: formatPercent(p.noShowRate, lang(ctx)),
          revenue: formatPrice(p.revenueCents, lang(ctx)),
        }),
        ...p.revenueByMethod.map((m) =>
          ctx.t("admin-stats-revenue-method", { method: ctx.t(`payment-method-${m.method}`), revenue: formatPrice(m.cents, lang(ctx)) }),
        ),
      ].join("\n");
    await ctx.reply(`${render(ctx.t("admin-this-week"), s.week)}\n\n${render(ctx.t("admin-this-month"), s.month)}`);
  });

  // A16: the customers whose email or SMS marketing consent stands, as a file for her own tools.
  composer.command("export", async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    if (!["marketing", "markkinointi", "marknadsföring"].includes(arg)) {
      await ctx.reply(ctx.t("admin-export-usage"));
      return;
    }
    const rows = await a.marketingList(ctx.from!.id, new Date());
    if (rows.length === 0) {
      await ctx.reply(ctx.t("admin-export-marketing-empty"));
      return;
    }
    const day = DateTime.fromMillis(now(), { zone: config.zone }).toISODate()!;
    const file = new InputFile(Buffer.from(marketingCsv(rows, ctx.t, config.zone), "utf8"), `${ctx.t("admin-export-marketing-file")}-${day}.csv`);
    await ctx.replyWithDocument(file, {
      caption: ctx.t("admin-export-marketing-caption", {
        count: rows.length,
        email: rows.filter((r) => r.email).length,
        sms: rows.filter((r) => r.sms).length,
      }),
    });
  });

  // A15: the day's bookings in one message at a time the practitioner sets (sent by src/bot/daily-agenda.ts).
  composer.command("dailyagenda", async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    const d = services.dailyAgenda;
    if (arg === "") {
      const at = await d.dailyAgendaTime(ctx.from!.id);
      await ctx.reply(
        `${at ? ctx.t("daily-agenda-current", { time: formatClock(at, lang(ctx)) }) : ctx.t("daily-agenda-current-off")}\n\n${ctx.t("daily-agenda-usage")}`,
      );
      return;
    }
    if (arg === "off" || arg === "pois" || arg === "av") {
      await d.setDailyAgendaTime(ctx.from!.id, undefined);
      await ctx.reply(ctx.t("daily-agenda-off"));
      return;
    }
    const at = d.parseAgendaTime(arg);
    if (!at) {
      await ctx.reply(ctx.t("daily-agenda-invalid"));
      return;
    }
    await d.setDailyAgendaTime(ctx.from!.id, at);
    await ctx.reply(ctx.t("daily-agenda-set", { time: formatClock(at, lang(ctx)) }));
  });

  // A10, A11, P5, P7: the card's Telegram link, export and erasure.
  composer.use(customerRecordFeature(services, config, hooks));

  // A6: broadcasts are composed in a conversation.
  composer.command("broadcast", (ctx) => ctx.conversation.enter(BROADCAST_CONVERSATION));
  return composer;
}
