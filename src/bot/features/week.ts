import type { CommandInfo } from "../surface.js";
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { DateTime } from "luxon";
import type { Language } from "../../domain/enums.js";
import type { Interval } from "../../domain/availability.js";
import type { Services } from "../../services/index.js";
import type { BookingCard, CalendarBooking, CalendarDay } from "../../services/week.js";
import { buttons, OBJECT_ID, onButton } from "../buttons.js";
import type { CustomerContext } from "../context.js";
import { formatClock, formatDateTime, formatDay, formatDayShort, formatList, formatPrice, formatTime } from "../format.js";
import { adminBookingKeyboard } from "../keyboards.js";
import { parseDay } from "./admin.js";

/** This feature's commands (position in the practitioner's menu; bot/commands.ts gathers them). */
export const calendarViewCommands: readonly CommandInfo[] = [
  { name: "agenda", menu: 2, endsFlow: true },
  { name: "week", menu: 3, endsFlow: true },
];

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The calendar views' buttons: a week by its Monday (`ad:wk:<date>`) or one day (`ad:dy:<date>`).
 * Like every `ad:` button, for anyone but an admin they are unknown buttons (bot/index.ts), and
 * for an admin they end a flow in progress first.
 */
export const calendarButtons = buttons("ad", { action: ["wk", "dy"], date: /\d{4}-\d{2}-\d{2}/ });
/** One booking's card with its actions (`ad:bk:<booking id>`). */
export const bookingCardButtons = buttons("ad", { action: ["bk"], bookingId: OBJECT_ID });
/** Time off to give back to the calendar, `ad:ub:<start ms>-<end ms>` (one day's stretch of it). */
export const unblockButtons = buttons("ad", { action: ["ub"], span: /\d{1,15}-\d{1,15}/ });
const weekData = (date: string) => calendarButtons.pack({ action: "wk", date });
const dayData = (date: string) => calendarButtons.pack({ action: "dy", date });
const bookingCardData = (bookingId: string) => bookingCardButtons.pack({ action: "bk", bookingId });

/**
 * Where later features add buttons to the calendar views without rewriting them: "book for a
 * customer" on a day (A10). A booking's own actions (and "move", A12) are the admin booking
 * keyboard's (bot/keyboards.ts), shared with /today and the notifications.
 */
export interface CalendarViewHooks {
  /** Buttons under a day's view, e.g. to book a phone customer on that day. */
  dayButtons?(t: Translate, date: string): InlineKeyboardButton[];
}

/** Telegram's limit is 4,096 characters; past this a week is shown as one line a day. */
const MAX_TEXT = 3800;
/** Past this many bookings a week's keyboard has day buttons only (a keyboard holds 100 buttons). */
const MAX_BOOKING_BUTTONS = 40;

/** "2 h 45 min", "3 h", "45 min". */
function formatDuration(t: Translate, ms: number): string {
  const total = Math.round(ms / 60_000);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return t("duration-minutes", { minutes });
  return minutes === 0 ? t("duration-hours", { hours }) : t("duration-hours-minutes", { hours, minutes });
}

const total = (list: readonly Interval[]) => list.reduce((sum, i) => sum + i.end - i.start, 0);

/** The weekday's short name alone ("ti", "tis", "Tue"). */
function weekdayShort(date: string, language: Language): string {
  return formatDayShort(date, language).split(" ")[0]!;
}

/** "Testi A." for a button; the full name is in the text. */
function shortName(name: string): string {
  const [first, ...rest] = name.split(" ").filter(Boolean);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]}.` : (first ?? "–");
}

/** The rendering of the calendar views, bound to one reader's language and the practice's zone. */
function calendarText(t: Translate, language: Language, zone: string, now: number) {
  /** A time within `day`; its end is shown as 24.00, not 0.00. */
  const clock = (instant: number, day: CalendarDay) => (instant >= day.end ? formatClock("24:00", language) : formatTime(instant, language, zone));
  const range = (i: Interval, day: CalendarDay) => `${clock(i.start, day)}–${clock(i.end, day)}`;
  const ranges = (list: readonly Interval[], day: CalendarDay) => formatList(list.map((i) => range(i, day)), language);

  function marks(b: CalendarBooking): string {
    const parts = [b.attendance ? t(`admin-attendance-${b.attendance}`) : "", b.payments.length > 0 ? "💶" : ""].filter(Boolean);
    return parts.length > 0 ? ` ${parts.join(" ")}` : "";
  }

  /**
   * A day's lines after its heading: bookings and time off in time order, then the free time, then
   * how many customers wait for a time that day (W4: a count, never who).
   */
  function dayLines(day: CalendarDay, waiting: number): string[] {
    const timed: Array<[number, string]> = day.bookings.map((b) => [
      b.start,
      t("calendar-booking-line", {
        time: `${formatTime(b.start, language, zone)}–${formatTime(b.end, language, zone)}`,
        name: b.customerName || t("value-none"),
        service: b.serviceName[language],
        marks: marks(b),
      }),
    ]);
    for (const block of day.blocked) {
      const whole = block.start <= day.start && block.end >= day.end;
      timed.push([block.start, whole ? t("calendar-blocked-day") : t("calendar-blocked", { time: range(block, day) })]);
    }
    const lines = timed.sort((a, b) => a[0] - b[0]).map(([, line]) => line);
    if (day.free.length > 0) lines.push(t("calendar-free", { times: ranges(day.free, day), total: formatDuration(t, total(day.free)) }));
    if (waiting > 0) lines.push(t("calendar-waiting", { count: waiting }));
    return lines;
  }
  /** How many wait for `day`, from the counts the view was given (none for a day gone by). */
  const waitingOn = (day: CalendarDay, waiting: ReadonlyMap<string, number>) => (day.end > now ? (waiting.get(day.date) ?? 0) : 0);

  const isToday = (day: CalendarDay) => now >= day.start && now < day.end;
  const hours = (day: CalendarDay) => (day.open.length > 0 ? ranges(day.open, day) : t("admin-closed"));

  return {
    /** The week: a title and summary, then a heading and lines per day (one line a day when that would be too long). */
    week(days: CalendarDay[], waiting: ReadonlyMap<string, number>): string {
      const monday = DateTime.fromISO(days[0]!.date, { zone });
      const bookings = days.reduce((n, d) => n + d.bookings.length, 0);
      const free = days.reduce((n, d) => n + total(d.free), 0);
      const head = [
        t("calendar-week-title", {
          week: String(monday.weekNumber),
          from: formatDayShort(days[0]!.date, language),
          to: formatDay(days[days.length - 1]!.date, language),
        }),
        free > 0 ? t("calendar-week-summary", { count: bookings, free: formatDuration(t, free) }) : t("calendar-week-count", { count: bookings }),
      ].join("\n");
      const heading = (day: CalendarDay) =>
        t("calendar-day-heading", { day: formatDayShort(day.date, language), hours: hours(day), today: isToday(day) ? t("calendar-today") : "" }).trimEnd();
      const full = days.map((day) => [heading(day), ...dayLines(day, waitingOn(day, waiting))].join("\n"));
      const text = `${head}\n\n${full.join("\n\n")}`;
      if (text.length <= MAX_TEXT) return text;
      const brief = days.map((day) => {
        const line = t("calendar-day-summary", { day: formatDayShort(day.date, language), count: day.bookings.length });
        const count = waitingOn(day, waiting);
        return count > 0 ? `${line} ${t("calendar-day-summary-waiting", { count })}` : line;
      });
      return `${head}\n\n${brief.join("\n")}\n\n${t("calendar-week-too-long")}`;
    },
    /** One day: its title, its hours, then its lines. */
    day(day: CalendarDay, waiting: ReadonlyMap<string, number>): string {
      const title = t("admin-agenda-title", { day: formatDay(day.date, language), count: day.bookings.length });
      const lines = dayLines(day, waitingOn(day, waiting));
      return [`${title}${isToday(day) ? ` ${t("calendar-today")}` : ""}`, t("calendar-open-hours", { hours: hours(day) }), ...lines].join("\n");
    },
    /** A booking's card: time, service and price, customer, attendance, payments. No contact details. */
    card(b: BookingCard): string {
      const lines = [
        t("calendar-card", {
          when: `${formatDateTime(b.start, language, zone)}–${formatTime(b.end, language, zone)}`,
          service: b.serviceName[language],
          price: formatPrice(b.priceCents, language),
          name: b.customerName || t("value-none"),
        }),
      ];
      if (b.status === "cancelled") return [...lines, t("calendar-card-cancelled")].join("\n");
      lines.push(b.attendance ? t(`admin-attendance-${b.attendance}`) : t("calendar-card-attendance-none"));
      if (b.payments.length === 0) lines.push(t("calendar-card-unpaid"));
      for (const p of b.payments) lines.push(t("calendar-card-paid", { amount: formatPrice(p.amountCents, language), number: String(p.receiptNumber) }));
      return lines.join("\n");
    },
  };
}

/**
 * The practitioner's calendar views (A13): `/week` (and `/agenda week`) shows a week at a glance,
 * day by day, with its bookings, time off and free time, paged with buttons; `/agenda` shows a day
 * (today, tomorrow or a date) the same way, each day still ahead with how many customers wait for
 * a time on it (W4). Every booking in them opens its card with the same
 * actions as `/today` (attendance, payment, contact details, cancel), past bookings included.
 */
export function calendarViewsFeature(
  services: Services,
  config: { zone: string },
  hooks: CalendarViewHooks = {},
): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  const zone = config.zone;
  const today = () => DateTime.fromMillis(Date.now(), { zone }).startOf("day");
  const render = (ctx: CustomerContext) => calendarText(ctx.t.bind(ctx), ctx.customer.language, zone, Date.now());

  async function weekView(ctx: CustomerContext, monday: DateTime): Promise<{ text: string; keyboard: InlineKeyboard }> {
    const l = ctx.customer.language;
    const now = Date.now();
    const days = await services.week.calendarDays(monday.toISODate()!, 7, now);
    const waiting = await services.waitlist.waitingPerDay(days[0]!.date, days.at(-1)!.date, now);
    const keyboard = new InlineKeyboard();
    const bookings = days.flatMap((d) => d.bookings.map((b) => ({ b, date: d.date })));
    if (bookings.length <= MAX_BOOKING_BUTTONS) {
      bookings.forEach(({ b, date }, i) => {
        keyboard.text(`${weekdayShort(date, l)} ${formatTime(b.start, l, zone)} ${shortName(b.customerName)}`, bookingCardData(b.bookingId));
        if (i % 2 === 1) keyboard.row();
      });
      keyboard.row();
    }
    for (const d of days) keyboard.text(weekdayShort(d.date, l), dayData(d.date));
    keyboard.row().text(ctx.t("button-week-previous"), weekData(monday.minus({ weeks: 1 }).toISODate()!));
    const current = today().startOf("week");
    if (+current !== +monday) keyboard.text(ctx.t("button-week-current"), weekData(current.toISODate()!));
    keyboard.text(ctx.t("button-week-next"), weekData(monday.plus({ weeks: 1 }).toISODate()!));
    return { text: render(ctx).week(days, waiting), keyboard };
  }

  async function dayView(ctx: CustomerContext, date: DateTime): Promise<{ text: string; keyboard: InlineKeyboard }> {
    const l = ctx.customer.language;
    const now = Date.now();
    const [day] = await services.week.calendarDays(date.toISODate()!, 1, now);
    const waiting = await services.waitlist.waitingPerDay(day!.date, day!.date, now);
    const keyboard = new InlineKeyboard();
    day!.bookings.forEach((b, i) => {
      keyboard.text(`${formatTime(b.start, l, zone)} ${b.customerName || ctx.t("value-none")}`, bookingCardData(b.bookingId));
      if (i % 2 === 1) keyboard.row();
    });
    keyboard.row();
    // Time off still ahead can be given back from here, a day's stretch at a time: the whole
    // block, or one day of a longer one (which shortens it). Those waiting are offered it (W2).
    if (day!.end > now) {
      for (const block of day!.blocked) {
        const whole = block.start <= day!.start && block.end >= day!.end;
        const label = whole
          ? ctx.t("button-calendar-unblock-day")
          : ctx.t("button-calendar-unblock", { time: `${formatTime(block.start, l, zone)}–${block.end >= day!.end ? formatClock("24:00", l) : formatTime(block.end, l, zone)}` });
        keyboard.text(label, unblockButtons.pack({ action: "ub", span: `${block.start}-${block.end}` })).row();
      }
    }
    const extra = hooks.dayButtons?.(ctx.t.bind(ctx), day!.date) ?? [];
    if (extra.length > 0) keyboard.add(...extra).row();
    const previous = date.minus({ days: 1 });
    const next = date.plus({ days: 1 });
    keyboard
      .text(`◀ ${formatDayShort(previous.toISODate()!, l)}`, dayData(previous.toISODate()!))
      .text(ctx.t("button-week-of", { week: String(date.weekNumber) }), weekData(date.startOf("week").toISODate()!))
      .text(`${formatDayShort(next.toISODate()!, l)} ▶`, dayData(next.toISODate()!));
    return { text: render(ctx).day(day!, waiting), keyboard };
  }

  /** Shows a view: in place of the pressed message, or as a new one after a command (or when the edit is refused). */
  async function show(ctx: CustomerContext, view: { text: string; keyboard: InlineKeyboard }): Promise<void> {
    if (ctx.callbackQuery?.message) {
      try {
        await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
        return;
      } catch (error) {
        if (!(error instanceof GrammyError)) throw error;
        if (error.description.includes("message is not modified")) return;
      }
    }
    await ctx.reply(view.text, { reply_markup: view.keyboard });
  }

  const WEEK_WORDS = ["week", "viikko", "vecka"];
  const NEXT_WORDS = ["next", "seuraava", "ensi", "nästa"];
  const TOMORROW_WORDS = ["tomorrow", "huomenna", "imorgon", "i morgon"];
  const TODAY_WORDS = ["today", "tänään", "idag", "i dag"];

  composer.command("week", async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    const day = arg === "" ? today() : NEXT_WORDS.includes(arg) ? today().plus({ weeks: 1 }) : parseDay(arg, zone, Date.now());
    if (!day) {
      await ctx.reply(ctx.t("calendar-week-usage"));
      return;
    }
    await show(ctx, await weekView(ctx, day.startOf("week")));
  });

  composer.command("agenda", async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    if (WEEK_WORDS.includes(arg)) {
      await show(ctx, await weekView(ctx, today().startOf("week")));
      return;
    }
    const day =
      arg === "" || TODAY_WORDS.includes(arg) ? today() : TOMORROW_WORDS.includes(arg) ? today().plus({ days: 1 }) : parseDay(arg, zone, Date.now());
    if (!day) {
      await ctx.reply(ctx.t("admin-agenda-usage"));
      return;
    }
    await show(ctx, await dayView(ctx, day));
  });

  /** The date a button carries, or undefined for one no calendar has (a forged or mangled press). */
  const pressedDate = async (ctx: CustomerContext, raw: string) => {
    const date = DateTime.fromISO(raw, { zone });
    await ctx.answerCallbackQuery(date.isValid ? {} : { text: ctx.t("button-expired") });
    return date.isValid ? date.startOf("day") : undefined;
  };
  onButton(composer, calendarButtons, {}, async (ctx, pressed) => {
    const date = await pressedDate(ctx, pressed.date);
    if (date) await show(ctx, pressed.action === "wk" ? await weekView(ctx, date.startOf("week")) : await dayView(ctx, date));
  });

  onButton(composer, unblockButtons, {}, async (ctx, { span }) => {
    const [start, end] = span.split("-").map(Number) as [number, number];
    // At most a day's stretch: anything longer is not a button any view drew.
    if (!(end > start && end - start <= 25 * 3_600_000)) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    const freed = await services.admin.freeTimeOff(start, end, Date.now());
    await ctx.answerCallbackQuery({ text: ctx.t(freed ? "calendar-unblocked" : "calendar-unblock-none") });
    await show(ctx, await dayView(ctx, DateTime.fromMillis(start, { zone }).startOf("day")));
  });

  // A booking's card: a new message, so the week stays above it to go on from.
  onButton(composer, bookingCardButtons, {}, async (ctx, { bookingId }) => {
    await ctx.answerCallbackQuery();
    const card = await services.week.bookingCard(bookingId);
    if (!card) {
      await ctx.reply(ctx.t("change-not-found"));
      return;
    }
    const text = render(ctx).card(card);
    if (card.status !== "confirmed") {
      await ctx.reply(text);
      return;
    }
    await ctx.reply(text, { reply_markup: adminBookingKeyboard(ctx.t, card.bookingId, { started: card.start <= Date.now() }) });
  });

  return composer;
}
