import type { I18n } from "@grammyjs/i18n";
import { InputFile, type Api } from "grammy";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Config } from "../config.js";
import { validateEmail, validateName, validatePhone, type InvalidReason } from "../domain/contact.js";
import { PAYMENT_METHODS, type Language } from "../domain/enums.js";
import { parseEuroAmount } from "../domain/money.js";
import type { Logger } from "../logger.js";
import type { AdminCancellation } from "../services/admin.js";
import { newIdentity } from "../services/booking.js";
import type { Services } from "../services/index.js";
import type { SlotQuery } from "../services/slots.js";
import { createChatMessenger } from "../bot/booking-messages.js";
import type { BotContext } from "../bot/context.js";
import { parseHoursLines, renderReceipt } from "../bot/features/admin.js";
import { privacyNotice } from "../bot/features/privacy.js";
import { createOnBehalfMessages } from "../bot/practice-booking.js";
import { formatClock, formatDateTime, formatDay, formatList, formatPrice, formatTime, formatTimeRange, INTL_LOCALE } from "../bot/format.js";
import type { AdminNotifier } from "../bot/notify.js";
import type { Endpoint, Endpoints, Interval, NewCustomer, SlotTarget, WeekEntry } from "./api-types.js";
import type { WebAppUser } from "./auth.js";
import { webAppMessages } from "./messages.js";

/** What the Mini App's API works with: the same services, notifier and chat as the bot. */
export interface WebAppApiDeps {
  config: Config;
  services: Services;
  /** The bot's Api: confirmations and calendar files go to the customer's chat through it. */
  api: Api;
  i18n: I18n<BotContext>;
  notifier: AdminNotifier;
  /** Tells the customer the practice cancelled (the chat's own, from createBot). */
  tellCustomerCancelled(cancellation: AdminCancellation, reason: (language: Language) => string): Promise<void>;
  logger: Logger;
  /** The clock (tests pin it); default Date.now. */
  now?: () => number;
}

/** Who asks, as the route established it from the signed initData. */
export interface Caller {
  user: WebAppUser;
  /** In ADMIN_IDS at the time of this request. */
  admin: boolean;
}

/** Thrown by a handler to answer 403: a customer asking for something only admins may. */
export class Forbidden extends Error {}

type Handler<K extends Endpoint> = (caller: Caller, body: Endpoints[K]["request"]) => Promise<Endpoints[K]["response"]>;
export type Handlers = { [K in Endpoint]: Handler<K> };

const objectId = z.string().regex(/^[0-9a-f]{24}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const instant = z.number().int().positive();
const target = z.union([
  z.object({ serviceId: objectId, practitioner: z.literal(true) }).strict(),
  z.object({ serviceId: objectId }).strict(),
  z.object({ ref: z.string().regex(/^[\w-]{1,32}$/) }).strict(),
  z.object({ bookingId: objectId }).strict(),
]);
const busy = z.array(z.object({ start: instant, end: instant })).max(50).optional();
const empty = z.object({}).strict();
const text = (max: number) => z.string().max(max);

/** Each endpoint's request body, checked before its handler sees it. */
export const REQUESTS: { [K in Endpoint]: z.ZodType<Endpoints[K]["request"]> } = {
  session: empty,
  services: empty,
  days: z.object({ target, busy }),
  slots: z.object({ target, day, busy }),
  profile: empty,
  identity: empty,
  privacy: empty,
  book: z.object({
    bookingId: objectId,
    serviceId: objectId,
    start: instant,
    details: z.object({ firstName: text(200), lastName: text(200), email: text(400), phone: text(100).optional() }),
    privacyAcknowledged: z.boolean(),
    marketing: z.object({ telegram: z.boolean(), email: z.boolean(), sms: z.boolean() }).optional(),
  }),
  bookings: empty,
  cancel: z.object({ ref: z.string().regex(/^[\w-]{1,32}$/) }),
  move: z.object({ ref: z.string().regex(/^[\w-]{1,32}$/), start: instant, moveId: objectId }),
  "admin/week": z.object({ start: day.optional() }),
  "admin/booking": z.object({ bookingId: objectId }),
  "admin/contact": z.object({ bookingId: objectId }),
  "admin/attendance": z.object({ bookingId: objectId, attendance: z.enum(["attended", "no-show"]) }),
  "admin/payment": z.object({ bookingId: objectId, amount: text(20), method: z.enum(PAYMENT_METHODS) }),
  "admin/send-receipt": z.object({ receiptNumber: z.number().int().positive() }),
  "admin/cancel": z.object({ bookingId: objectId, reason: text(500).refine((r) => r.trim().length > 0) }),
  "admin/move": z.object({ bookingId: objectId, start: instant, moveId: objectId }),
  "admin/block": z.object({ from: day, to: day.optional(), startTime: clock.optional(), endTime: clock.optional() }),
  "admin/unblock": z.object({ exceptionId: objectId }),
  "admin/hours": empty,
  "admin/set-hours": z.object({
    weekday: z.number().int().min(1).max(7),
    intervals: z.array(z.object({ start: clock, end: clock })).max(12),
  }),
  "admin/customers": z.object({ query: text(100) }),
  "admin/create-customer": z.object({
    customerId: objectId,
    customer: z.object({ firstName: text(200), lastName: text(200), phone: text(100).optional(), email: text(400).optional() }),
    allowDuplicate: z.boolean().optional(),
  }),
  "admin/book-for": z.object({ bookingId: objectId, customerId: objectId, serviceId: objectId, start: instant }),
};

/**
 * The Mini App's use cases (M1, M2), one handler per endpoint of api-types.ts. They call the
 * same services as the chat, so a booking, move or cancellation made here is claimed, audited,
 * reminded and announced exactly as one made in the chat: the practitioners get the same
 * notification, and the customer's chat gets the same confirmation and calendar file.
 */
export function createWebAppApi(deps: WebAppApiDeps): Handlers {
  const { config, services, i18n, notifier, logger } = deps;
  const a = services.admin;
  const zone = config.timeZone;
  const now = deps.now ?? Date.now;
  const chat = createChatMessenger(deps.api, i18n, { zone, business: config.business }, logger);
  const onBehalf = createOnBehalfMessages(deps.api, i18n, config, logger);

  /** The caller's stored language; Telegram's until they have one. */
  const languageOf = async (user: WebAppUser): Promise<Language> => {
    const stored = await services.languageOf(user.telegramId);
    if (stored) return stored;
    const base = user.languageCode?.toLowerCase().split("-")[0];
    return (["fi", "sv", "en"] as const).find((l) => l === base) ?? config.defaultLanguage;
  };
  const translator = (language: Language) => (key: string, vars?: Record<string, string | number>) => i18n.t(language, key, vars);

  const slotQuery = (caller: Caller, t: Exclude<SlotTarget, { practitioner: true }>, alsoBusy?: Interval[]): SlotQuery => {
    const extra = alsoBusy && alsoBusy.length > 0 ? { alsoBusy } : {};
    if ("serviceId" in t) return { serviceId: t.serviceId, ...extra };
    if ("ref" in t) return { telegramId: caller.user.telegramId, ref: t.ref, ...extra };
    if (!caller.admin) throw new Forbidden();
    return { bookingId: t.bookingId, ...extra };
  };

  /** Free days for a target: the customers' rules, or (admins) the practitioner's as in the chat's /bookfor. */
  const freeDays = (caller: Caller, t: SlotTarget, busy?: Interval[]): Promise<string[]> => {
    if (!("practitioner" in t)) return services.availableDays(slotQuery(caller, t, busy), now());
    if (!caller.admin) throw new Forbidden();
    return a.availableDays(t.serviceId, now(), busy);
  };
  const freeStarts = (caller: Caller, t: SlotTarget, day: string, busy?: Interval[]): Promise<number[]> => {
    if (!("practitioner" in t)) return services.slotsOnDay(slotQuery(caller, t, busy), day, now());
    if (!caller.admin) throw new Forbidden();
    return a.slotsOnDay(t.serviceId, day, now(), busy);
  };

  /** What the chat's /bookfor says of a field it refuses, in the practitioner's words. */
  const fieldError = (t: ReturnType<typeof translator>, field: keyof NewCustomer, reason: InvalidReason) =>
    t(`invalid-${field === "firstName" || field === "lastName" ? "name" : field}-${reason}`);

  const refusalText = (t: ReturnType<typeof translator>, reason: "not-found" | "not-active" | "past-cutoff") =>
    reason === "past-cutoff"
      ? t("change-past-cutoff", { hours: config.booking.cancellationCutoffMinutes / 60, phone: config.business.phone, email: config.business.email })
      : t(reason === "not-found" ? "change-not-found" : "change-not-active");

  /** The Monday of the week `date` (yyyy-mm-dd) falls in, or of this week. */
  const weekStart = (date?: string): DateTime => {
    const base = date ? DateTime.fromISO(date, { zone }) : DateTime.fromMillis(now(), { zone });
    return (base.isValid ? base : DateTime.fromMillis(now(), { zone })).startOf("week");
  };

  const bookingEntry = (t: ReturnType<typeof translator>, language: Language, b: Awaited<ReturnType<typeof a.agenda>>[number]): WeekEntry => ({
    kind: "booking",
    id: b.bookingId,
    start: b.start,
    time: formatTimeRange(b.start, b.end, language, zone),
    service: b.serviceName[language],
    customer: b.customerName || t("value-none"),
    ...(b.attendance ? { attendance: t(`admin-attendance-${b.attendance}`) } : {}),
  });

  const handlers: Handlers = {
    async session(caller) {
      const customer = await services.touchCustomer(caller.user.telegramId, caller.user.languageCode, new Date(now()));
      const language = customer.language;
      const locale = INTL_LOCALE[language];
      const weekday = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
      const month = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" });
      const today = DateTime.fromMillis(now(), { zone }).startOf("day");
      return {
        language,
        locale,
        messages: webAppMessages(language),
        admin: caller.admin,
        business: { name: config.business.name, address: config.business.address, phone: config.business.phone, email: config.business.email },
        // 2026-11-30 is a Monday.
        weekdays: Array.from({ length: 7 }, (_, i) => weekday.format(Date.UTC(2026, 10, 30 + i, 12))),
        months: Array.from({ length: 12 }, (_, i) => month.format(Date.UTC(2026, i, 1, 12))),
        today: today.toISODate()!,
        lastDay: today.plus({ days: config.booking.horizonDays }).toISODate()!,
      };
    },

    async services(caller) {
      const language = await languageOf(caller.user);
      return (await services.listServices()).map((s) => ({
        id: s.id,
        name: s.name[language],
        durationMinutes: s.durationMinutes,
        price: formatPrice(s.priceCents, language),
      }));
    },

    async days(caller, body) {
      const days = await freeDays(caller, body.target, body.busy);
      const language = await languageOf(caller.user);
      return days.map((date) => ({ date, label: formatDay(date, language) }));
    },

    async slots(caller, body) {
      const starts = await freeStarts(caller, body.target, body.day, body.busy);
      const language = await languageOf(caller.user);
      return starts.map((start) => ({
        start,
        time: formatTime(start, language, zone),
        when: formatDateTime(start, language, zone),
      }));
    },

    async profile(caller) {
      const p = await services.bookingProfile(caller.user.telegramId);
      return {
        ...(p.firstName ? { firstName: p.firstName } : {}),
        ...(p.lastName ? { lastName: p.lastName } : {}),
        ...(p.email ? { email: p.email } : {}),
        ...(p.phone ? { phone: p.phone } : {}),
        privacyAcknowledged: p.privacyAcknowledged,
        consentsAsked: p.consentsAsked,
        consents: { ...p.consents },
      };
    },

    identity: () => Promise.resolve({ id: newIdentity() }),

    async privacy(caller) {
      const language = await languageOf(caller.user);
      const facts = { business: config.business, processors: config.processors, retention: config.retention, backup: config.backup, defaultLanguage: config.defaultLanguage };
      return { parts: privacyNotice(translator(language), language, facts) };
    },

    async book(caller, body) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      // The same checks as the chat's typed answers, with the same words.
      const errors: Partial<Record<"firstName" | "lastName" | "email" | "phone", string>> = {};
      const checked = {
        firstName: validateName(body.details.firstName),
        lastName: validateName(body.details.lastName),
        email: validateEmail(body.details.email),
        ...(body.details.phone?.trim() ? { phone: validatePhone(body.details.phone) } : {}),
      };
      for (const [field, result] of Object.entries(checked) as Array<[keyof typeof checked, (typeof checked)["email"]]>) {
        if (!result.ok) errors[field] = t(`invalid-${field === "firstName" || field === "lastName" ? "name" : field}-${result.reason}`);
      }
      if (!checked.firstName.ok || !checked.lastName.ok || !checked.email.ok || (checked.phone && !checked.phone.ok)) {
        return { ok: false, reason: "invalid", errors };
      }
      const phone = checked.phone?.ok ? checked.phone.value : undefined;
      const result = await services.book({
        bookingId: body.bookingId,
        telegramId: caller.user.telegramId,
        serviceId: body.serviceId,
        start: body.start,
        now: now(),
        privacyAcknowledged: body.privacyAcknowledged,
        details: { firstName: checked.firstName.value, lastName: checked.lastName.value, email: checked.email.value, ...(phone ? { phone } : {}) },
        // Marketing is asked once, as in the chat; SMS only with a phone number.
        ...(body.marketing ? { marketing: { ...body.marketing, sms: body.marketing.sms && phone !== undefined } } : {}),
      });
      if (!result.ok) {
        if (result.reason === "slot-taken") return { ok: false, reason: "slot-taken", taken: result.taken, text: t("booking-slot-taken") };
        return { ok: false, reason: result.reason, text: t("booking-option-unavailable") };
      }
      const booked = result.booking;
      await chat.booked(caller.user.telegramId, language, booked);
      await notifier.booked(booked);
      return {
        ok: true,
        when: formatDateTime(booked.start, language, zone),
        service: booked.serviceName[language],
        text: t("webapp-booked-text"),
      };
    },

    async bookings(caller) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      const at = now();
      return (await services.upcomingBookings(caller.user.telegramId, at)).map((b) => {
        const deadline = services.changeDeadline(b.start);
        return {
          ref: b.ref,
          start: b.start,
          when: formatDateTime(b.start, language, zone),
          service: b.serviceName[language],
          ...(at > deadline ? { locked: refusalText(t, "past-cutoff") } : { deadline: formatDateTime(deadline, language, zone) }),
        };
      });
    },

    async cancel(caller, body) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      const result = await services.cancelBooking(caller.user.telegramId, body.ref, now());
      if (!result.ok) return { ok: false, text: refusalText(t, result.reason) };
      const { booking } = result.cancellation;
      await notifier.cancelled(result.cancellation);
      await chat.cancelled(caller.user.telegramId, language, booking);
      return { ok: true, text: t("cancel-done", { when: formatDateTime(booking.start, language, zone), service: booking.serviceName[language] }) };
    },

    async move(caller, body) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      const result = await services.moveBooking(caller.user.telegramId, body.ref, body.start, now(), body.moveId);
      if (!result.ok) {
        return result.reason === "slot-taken"
          ? { ok: false, text: t("booking-slot-taken"), taken: result.taken }
          : { ok: false, text: refusalText(t, result.reason) };
      }
      await chat.moved(caller.user.telegramId, language, result.before, result.after);
      await notifier.moved(result.before, result.after);
      return {
        ok: true,
        text: t("move-done", {
          service: result.after.serviceName[language],
          from: formatDateTime(result.before.start, language, zone),
          to: formatDateTime(result.after.start, language, zone),
          address: config.business.address,
        }),
      };
    },

    // --- The practitioner's side (M2): the route lets only ADMIN_IDS reach these ---------------

    async "admin/week"(caller, body) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      const monday = weekStart(body.start);
      const end = monday.plus({ weeks: 1 });
      const today = DateTime.fromMillis(now(), { zone }).toISODate()!;
      const [{ bookings, blocked }, hours, waiting] = await Promise.all([
        a.weekView(monday.toMillis(), end.toMillis()),
        a.weeklyHours(),
        // Counts only (W4): who waits is the customers' own business until an offer is taken.
        services.waitlist.waitingPerDay(monday.toISODate()!, monday.plus({ days: 6 }).toISODate()!, now()),
      ]);
      const days = Array.from({ length: 7 }, (_, i) => {
        const dayStart = monday.plus({ days: i });
        const from = dayStart.toMillis();
        const to = dayStart.plus({ days: 1 }).toMillis();
        const date = dayStart.toISODate()!;
        const open = hours.filter((h) => h.weekday === dayStart.weekday).map((h) => `${formatClock(h.start, language)}–${formatClock(h.end, language)}`);
        const entries: WeekEntry[] = [
          ...bookings.filter((b) => b.start >= from && b.start < to).map((b) => bookingEntry(t, language, b)),
          ...blocked
            .filter((b) => b.start < to && b.end > from)
            .map((b): WeekEntry => {
              const start = Math.max(b.start, from);
              const end = Math.min(b.end, to);
              const time =
                start === from && end === to
                  ? t("webapp-whole-day")
                  : `${formatTime(start, language, zone)}–${end === to ? formatClock("24:00", language) : formatTime(end, language, zone)}`;
              return { kind: "blocked", id: b.exceptionId, start, time };
            }),
        ].sort((x, y) => x.start - y.start);
        const count = date >= today ? (waiting.get(date) ?? 0) : 0;
        return {
          date,
          label: formatDay(date, language),
          hours: open.length > 0 ? formatList(open, language) : t("admin-closed"),
          entries,
          ...(count > 0 ? { waiting: count } : {}),
        };
      });
      return { start: monday.toISODate()!, previous: monday.minus({ weeks: 1 }).toISODate()!, next: end.toISODate()!, days };
    },

    async "admin/booking"(caller, body) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      const b = await a.bookingDetail(body.bookingId);
      if (!b) return null;
      const amount = (b.priceCents / 100).toFixed(2);
      return {
        bookingId: b.bookingId,
        when: formatDateTime(b.start, language, zone),
        time: formatTimeRange(b.start, b.end, language, zone),
        service: b.serviceName[language],
        customer: b.customerName || t("value-none"),
        status: t(`admin-status-${b.status === "cancelled" ? "cancelled" : (b.attendance ?? b.status)}`),
        ...(b.attendance ? { attendance: b.attendance } : {}),
        price: formatPrice(b.priceCents, language),
        amount: language === "en" ? amount : amount.replace(".", ","),
        standing: b.status === "confirmed",
        changeable: b.status === "confirmed" && b.start > now(),
      };
    },

    async "admin/contact"(caller, body) {
      const t = translator(await languageOf(caller.user));
      // Audit-logged as the admin's view (services/admin.ts), as the chat's button is.
      const details = await a.contactDetails(caller.user.telegramId, { bookingId: body.bookingId }, new Date(now()));
      if (!details) return { text: t("change-not-found") };
      const none = t("value-none");
      return { text: t("admin-contact", { name: details.name || none, email: details.email ?? none, phone: details.phone ?? none }) };
    },

    async "admin/attendance"(caller, body) {
      const t = translator(await languageOf(caller.user));
      const booking = await a.markAttendance(caller.user.telegramId, body.bookingId, body.attendance, new Date(now()));
      return booking ? { ok: true, text: t(`admin-attendance-${body.attendance}`) } : { ok: false, text: t("change-not-active") };
    },

    async "admin/payment"(caller, body) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      const cents = parseEuroAmount(body.amount);
      if (cents === undefined) return { ok: false, text: t("admin-payment-bad-amount") };
      const receipt = await a.recordPayment(caller.user.telegramId, body.bookingId, cents, body.method, new Date(now()));
      if (!receipt) return { ok: false, text: t("change-not-found") };
      const recorded = t("admin-receipt-recorded", { number: String(receipt.receiptNumber) });
      return { ok: true, receiptNumber: receipt.receiptNumber, text: `${recorded}\n\n${renderReceipt(language, receipt, t, { zone, business: config.business })}` };
    },

    async "admin/send-receipt"(caller, body) {
      const t = translator(await languageOf(caller.user));
      const receipt = await a.receiptByNumber(body.receiptNumber);
      if (!receipt?.customerTelegramId || !receipt.customerLanguage) return { ok: false, text: t("admin-receipt-no-customer") };
      // As the chat's "send the receipt" button: the receipt in the customer's language, as text and as a file.
      const language = receipt.customerLanguage;
      const receiptText = renderReceipt(language, receipt, translator(language), { zone, business: config.business });
      await deps.api.sendMessage(receipt.customerTelegramId, receiptText);
      await deps.api.sendDocument(receipt.customerTelegramId, new InputFile(Buffer.from(receiptText, "utf8"), `receipt-${receipt.receiptNumber}.txt`));
      return { ok: true, text: t("admin-receipt-sent") };
    },

    async "admin/cancel"(caller, body) {
      const t = translator(await languageOf(caller.user));
      const reason = body.reason.trim();
      const cancellation = await a.cancelByAdmin(caller.user.telegramId, body.bookingId, reason, new Date(now()));
      if (!cancellation) return { ok: false, text: t("change-not-active") };
      await deps.tellCustomerCancelled(cancellation, () => reason);
      return { ok: true, text: t("admin-cancel-done") };
    },

    async "admin/move"(caller, body) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      const result = await a.moveBooking(caller.user.telegramId, body.bookingId, body.start, now(), body.moveId);
      if (!result.ok) {
        return result.reason === "slot-taken"
          ? { ok: false, text: t("booking-slot-taken"), taken: result.taken }
          : { ok: false, text: refusalText(t, result.reason === "past-cutoff" ? "not-active" : result.reason) };
      }
      const { before, after } = result;
      // The customer is told with a new calendar file (A12). The practitioners' "moved" message
      // says the customer moved it, so it is not sent for her own move.
      const customer = await a.bookingCustomerChat(body.bookingId);
      if (customer) {
        const l = customer.language;
        const text = i18n.t(l, "webapp-moved-by-practice", {
          service: after.serviceName[l],
          from: formatDateTime(before.start, l, zone),
          to: formatDateTime(after.start, l, zone),
          address: config.business.address,
          phone: config.business.phone,
        });
        await chat.moved(customer.telegramId, l, before, after, text);
      }
      return {
        ok: true,
        text: t("webapp-moved-done", { from: formatDateTime(before.start, language, zone), to: formatDateTime(after.start, language, zone) }),
      };
    },

    async "admin/block"(caller, body) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      const first = DateTime.fromISO(body.from, { zone });
      const last = DateTime.fromISO(body.to ?? body.from, { zone });
      const at = (d: DateTime, hhmm: string) => {
        const [h, m] = hhmm.split(":").map(Number);
        return h === 24 ? d.plus({ days: 1 }).startOf("day") : d.set({ hour: h, minute: m });
      };
      const start = body.startTime ? at(first, body.startTime) : first.startOf("day");
      const end = body.endTime ? at(last, body.endTime) : last.plus({ days: 1 }).startOf("day");
      if (!first.isValid || !last.isValid || end <= start || end.diff(start, "days").days > 366) {
        return { ok: false, text: t("webapp-block-invalid") };
      }
      const { inside } = await a.addTimeOff(start.toMillis(), end.toMillis());
      return {
        ok: true,
        text: t("admin-off-done", { from: formatDateTime(start.toMillis(), language, zone), to: formatDateTime(end.toMillis(), language, zone), count: inside.length }),
        inside: inside.map((b) => bookingEntry(t, language, b)),
      };
    },

    async "admin/unblock"(caller, body) {
      const t = translator(await languageOf(caller.user));
      return (await a.removeTimeOff(body.exceptionId)) ? { ok: true, text: t("webapp-unblocked") } : { ok: false, text: t("change-not-found") };
    },

    async "admin/hours"(caller) {
      const language = await languageOf(caller.user);
      const hours = await a.weeklyHours();
      return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        label: DateTime.fromObject({ weekday: weekday as 1 }).setLocale(INTL_LOCALE[language]).toFormat("cccc"),
        intervals: hours.filter((h) => h.weekday === weekday).map((h) => ({ start: h.start, end: h.end })),
      }));
    },

    async "admin/set-hours"(caller, body) {
      const t = translator(await languageOf(caller.user));
      // The same rules as /hours: on the five-minute grid, each ending after it starts, no overlaps.
      const line = `${body.weekday} ${body.intervals.map((i) => `${i.start}-${i.end}`).join(" ") || "off"}`;
      const parsed = parseHoursLines(line);
      if ("errors" in parsed) return { ok: false, text: t("webapp-hours-invalid") };
      await a.setWeekdayHours(body.weekday, parsed.ok[0]?.intervals ?? []);
      return { ok: true, text: t("webapp-saved") };
    },

    // --- Booking for a customer (A10), as the chat's /bookfor: the same services and audit ------

    async "admin/customers"(caller, body) {
      // Each customer shown is audit-logged as viewed by her (services/admin.ts).
      return a.findCustomers(caller.user.telegramId, body.query, new Date(now()));
    },

    async "admin/create-customer"(caller, body) {
      const t = translator(await languageOf(caller.user));
      const typed = body.customer;
      // Every field checked at once, with the chat's words; the service checks again.
      const checked = {
        firstName: validateName(typed.firstName),
        lastName: validateName(typed.lastName),
        ...(typed.phone?.trim() ? { phone: validatePhone(typed.phone) } : {}),
        ...(typed.email?.trim() ? { email: validateEmail(typed.email) } : {}),
      };
      const errors: Partial<Record<keyof NewCustomer, string>> = {};
      for (const [field, result] of Object.entries(checked) as Array<[keyof NewCustomer, (typeof checked)["firstName"]]>) {
        if (!result.ok) errors[field] = fieldError(t, field, result.reason);
      }
      if (Object.keys(errors).length > 0) return { ok: false, reason: "invalid", errors };
      const input = {
        firstName: typed.firstName,
        lastName: typed.lastName,
        ...(typed.phone?.trim() ? { phone: typed.phone } : {}),
        ...(typed.email?.trim() ? { email: typed.email } : {}),
      };
      const result = await a.createPhoneCustomer(input, caller.user.telegramId, new Date(now()), {
        customerId: body.customerId,
        ...(body.allowDuplicate ? { allowDuplicate: true } : {}),
      });
      const name = [checked.firstName, checked.lastName].map((r) => (r.ok ? r.value : "")).join(" ");
      if (result.ok) return { ok: true, customer: { customerId: result.customerId, name, onTelegram: false } };
      if (result.reason === "duplicate") return { ok: false, reason: "duplicate", matches: result.matches, text: t("admin-book-duplicate", { name }) };
      return { ok: false, reason: "invalid", errors: { [result.field]: fieldError(t, result.field, result.problem) } };
    },

    async "admin/book-for"(caller, body) {
      const language = await languageOf(caller.user);
      const t = translator(language);
      const result = await a.bookOnBehalf({ ...body, adminId: caller.user.telegramId, now: now() });
      if (!result.ok) {
        if (result.reason === "slot-taken") return { ok: false, reason: "slot-taken", taken: result.taken, text: t("admin-book-taken") };
        // Outside the opening hours is only booked from the chat, where she types the time.
        const reason = result.reason === "outside-hours" ? "invalid-time" : result.reason;
        return { ok: false, reason, text: t(`admin-book-${reason}`) };
      }
      const { booking, customer } = result;
      // As the chat's /bookfor: a customer on Telegram gets the confirmation and calendar file
      // (once: a repeated confirm of the same booking was told the first time).
      const told = result.repeated
        ? customer.telegramId === undefined
          ? "not-on-telegram"
          : "sent"
        : await onBehalf.confirmToCustomer(booking, customer);
      return {
        ok: true,
        when: formatDateTime(booking.start, language, zone),
        service: booking.serviceName[language],
        day: DateTime.fromMillis(booking.start, { zone }).toISODate()!,
        told,
      };
    },
  };
  return handlers;
}
