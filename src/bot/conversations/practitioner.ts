import type { Conversation } from "@grammyjs/conversations";
import { DateTime } from "luxon";
import { InlineKeyboard } from "grammy";
import type { ServiceView } from "../../services/catalog.js";
import type { CustomerHit } from "../../services/admin.js";
import type { BookingView } from "../../services/booking-view.js";
import { newIdentity } from "../../services/booking.js";
import type { CreateCustomerResult, NewCustomerInput } from "../../services/practice-customers.js";
import type { BookedCustomer, OnBehalfRequest, OnBehalfResult } from "../../services/practice-booking.js";
import type { MoveResult } from "../../services/manage-booking.js";
import type { ConversationContext, CustomerContext } from "../context.js";
import { formatDateTime, formatDay } from "../format.js";
import { BACK, buttonCodec, Flow, Known, Steps, type Back } from "./flow.js";
import { askField, confirm, NO_DAYS, pickDay, pickService, pickTime, type SlotSource } from "./pickers.js";

/** Identifier under which the practitioner's booking for a customer is registered and entered. */
export const BOOK_FOR_CUSTOMER_CONVERSATION = "book-for-customer";
export const bookForButtons = buttonCodec("pbk");

export interface BookForDeps {
  zone: string;
  /** Whether this Telegram user is an admin now (the current ADMIN_IDS). */
  isAdmin(telegramId: number): boolean;
  listServices(): Promise<ServiceView[]>;
  findCustomers(adminId: number, query: string, now: Date): Promise<CustomerHit[]>;
  createPhoneCustomer(input: NewCustomerInput, adminId: number, now: Date, options?: { allowDuplicate?: boolean }): Promise<CreateCustomerResult>;
  /** The practitioner's free days and times: no minimum notice, no horizon; the opening hours apply. */
  availableDays(serviceId: string, now: number): Promise<string[]>;
  slotsOnDay(serviceId: string, day: string, now: number): Promise<number[]>;
  bookOnBehalf(request: OnBehalfRequest): Promise<OnBehalfResult>;
  /** Tells a customer linked to Telegram of the booking, with its calendar file. */
  confirmToCustomer(booking: BookingView, customer: BookedCustomer): Promise<"sent" | "not-on-telegram" | "failed">;
}

type FlowConversation = Conversation<CustomerContext, ConversationContext>;

/** The customer chosen (or just created) for the booking. */
interface ChosenCustomer {
  customerId: string;
  name: string;
}

/**
 * The practitioner books for a customer (A10), by phone or at the desk: find the customer by
 * name, phone or email (or create one: a name, phone and email optional) → the same service, day
 * and time pickers customers use, with her rules (no minimum notice or horizon; the opening hours
 * apply unless she picks "outside opening hours" and types the time) → confirm. The same claim as
 * every booking, so she cannot book over a customer's booking or they over hers. A customer linked
 * to Telegram is told, with the calendar file. Entered with a customer id from the customer card,
 * the search is skipped.
 */
export function createBookForCustomerConversation(deps: BookForDeps) {
  return async function bookForCustomer(conversation: FlowConversation, ctx: ConversationContext, preset?: ChosenCustomer): Promise<void> {
    const guard = async (answer: ConversationContext): Promise<number> => {
      const id = answer.from?.id;
      if (id === undefined || !deps.isAdmin(id)) return conversation.halt({ next: true });
      return id;
    };
    const adminId = await guard(ctx);
    const f = new Flow(conversation, ctx, bookForButtons, { cancelled: "admin-book-aborted", commandInFlow: "booking-type-text" }, guard);
    const t = ctx.t;
    const language = ctx.language;
    const services = await conversation.external(() => deps.listServices());
    if (services.length === 0) return f.close(t("booking-no-services"));
    const source = (service: ServiceView): SlotSource => ({
      availableDays: (_query, now) => deps.availableDays(service.id, now),
      slotsOnDay: (_query, day, now) => deps.slotsOnDay(service.id, day, now),
    });
    let jumpTo: "start" | undefined;

    const answers = await Steps.start()
      .then("customer", async (): Promise<ChosenCustomer | Known<ChosenCustomer> | Back> => (preset ? new Known(preset) : pickCustomer(f, deps, adminId)))
      .then("service", () => pickService(f, services, preset === undefined))
      .then("day", async (a) => {
        const day = await pickDay(f, source(a.service), { serviceId: a.service.id }, a.service.name[language]);
        if (day !== NO_DAYS) return day;
        f.notice = t("booking-no-days");
        return BACK;
      })
      .then("start", async (a) => {
        const picked = await pickTime(f, source(a.service), { serviceId: a.service.id }, a.day, a.service.name[language], deps.zone, {
          outsideHours: t("button-admin-outside-hours"),
        });
        if (picked === BACK) return BACK;
        if (picked === "full" || picked === "outside") {
          // Outside the opening hours only when she says so: she types the time herself.
          if (picked === "full") f.notice = t("admin-book-day-full");
          const typed = await askOutsideHours(f, a.day, deps.zone);
          return typed === BACK ? BACK : { start: typed, outsideHours: true };
        }
        return { start: picked, outsideHours: false };
      })
      .then("booked", async (a) => {
        const start = a.start.start;
        const bookingId = await conversation.external(() => newIdentity());
        const confirmed = await confirm(
          f,
          t("admin-book-summary", {
            name: a.customer.name,
            service: a.service.name[language],
            when: formatDateTime(start, language, deps.zone),
            outside: a.start.outsideHours ? "yes" : "no",
          }),
          t("button-confirm"),
        );
        if (confirmed === BACK) return BACK;
        const now = await conversation.now();
        const result = await conversation.external(() =>
          deps.bookOnBehalf({ bookingId, customerId: a.customer.customerId, serviceId: a.service.id, start, adminId, now, outsideHours: a.start.outsideHours }),
        );
        if (result.ok) return result;
        f.notice = t(result.reason === "slot-taken" ? "admin-book-taken" : `admin-book-${result.reason}`);
        jumpTo = "start";
        return new Known(undefined);
      })
      .run({
        jump: () => {
          const target = jumpTo;
          jumpTo = undefined;
          return target;
        },
      });
    const booked = answers?.booked;
    if (!answers || !booked) return f.cancel();
    const told = await conversation.external(() => deps.confirmToCustomer(booked.booking, booked.customer));
    await f.close(
      t("admin-book-done", {
        name: answers.customer.name,
        service: booked.booking.serviceName[language],
        when: formatDateTime(booked.booking.start, language, deps.zone),
        told,
      }),
    );
  };
}

/** Finds the customer by typed name, phone or email, or creates one (New customer). */
async function pickCustomer(f: Flow, deps: BookForDeps, adminId: number): Promise<ChosenCustomer | Back> {
  let hits: CustomerHit[] = [];
  for (;;) {
    const keyboard = new InlineKeyboard();
    for (const hit of hits) keyboard.text(hit.onTelegram ? hit.name : `${hit.name} ☎`, f.data("pick", hit.customerId)).row();
    keyboard.text(f.t("button-admin-new-customer"), f.data("new"));
    const answer = await f.ask<{ search: string } | { pick: ChosenCustomer } | "new">(f.t(hits.length > 0 ? "admin-book-pick-customer" : "admin-book-find-customer"), keyboard, {
      back: false,
      text: (text) => (text.trim().length >= 2 && text.length <= 100 ? undefined : "admin-book-search-short"),
      accept: (r) => {
        if (r.kind === "text") return { search: r.text.trim() };
        if (r.action === "new") return "new";
        const hit = r.action === "pick" ? hits.find((h) => h.customerId === r.value) : undefined;
        return hit ? { pick: { customerId: hit.customerId, name: hit.name } } : undefined;
      },
    });
    if (answer === BACK) return BACK;
    if (answer === "new") {
      const created = await newCustomer(f, deps, adminId);
      if (created !== BACK) return created;
      continue;
    }
    if ("pick" in answer) return answer.pick;
    const now = new Date(await f.conversation.now());
    hits = await f.conversation.external(() => deps.findCustomers(adminId, answer.search, now));
    if (hits.length === 0) f.notice = f.t("admin-book-no-match");
  }
}

/** A new customer without Telegram: first name, last name, phone and email (both optional). */
async function newCustomer(f: Flow, deps: BookForDeps, adminId: number): Promise<ChosenCustomer | Back> {
  const answers = await Steps.start()
    .then("firstName", async () => required(await askField(f, "firstName")))
    .then("lastName", async () => required(await askField(f, "lastName")))
    .then("phone", () => askField(f, "phone"))
    .then("email", () => askOptionalEmail(f))
    .run();
  if (!answers) return BACK;
  const input: NewCustomerInput = {
    firstName: answers.firstName,
    lastName: answers.lastName,
    ...(answers.phone ? { phone: answers.phone } : {}),
    ...(answers.email ? { email: answers.email } : {}),
  };
  const name = `${input.firstName} ${input.lastName}`;
  const now = new Date(await f.conversation.now());
  let result = await f.conversation.external(() => deps.createPhoneCustomer(input, adminId, now));
  if (!result.ok && result.reason === "duplicate") {
    // Someone has this phone or email already: one of them, or a new record anyway (a family may share one).
    const matches = result.matches;
    const keyboard = new InlineKeyboard();
    for (const m of matches) keyboard.text(m.name, f.data("pick", m.customerId)).row();
    keyboard.text(f.t("button-admin-create-anyway"), f.data("create"));
    const choice = await f.ask<ChosenCustomer | "create">(f.t("admin-book-duplicate", { name }), keyboard, {
      back: true,
      accept: (r) => {
        if (r.kind !== "button") return undefined;
        if (r.action === "create") return "create";
        const m = r.action === "pick" ? matches.find((x) => x.customerId === r.value) : undefined;
        return m ? { customerId: m.customerId, name: m.name } : undefined;
      },
    });
    if (choice === BACK) return BACK;
    if (choice !== "create") return choice;
    result = await f.conversation.external(() => deps.createPhoneCustomer(input, adminId, now, { allowDuplicate: true }));
  }
  if (!result.ok) {
    f.notice = f.t("booking-option-unavailable");
    return BACK;
  }
  return { customerId: result.customerId, name };
}

function required(value: string | undefined | Back): string | Back {
  return value === BACK ? BACK : (value ?? "");
}

/** An email, or none (Skip): a phone customer need not have one. */
function askOptionalEmail(f: Flow): Promise<string | undefined | Back> {
  return askField(f, "email", { skippable: true });
}

/**
 * A start time typed by the practitioner for a booking outside the opening hours, on `day`
 * ("18.30", "18:30" or "1830"); her calendar's bookings still cannot be overlapped (the claim).
 */
async function askOutsideHours(f: Flow, day: string, zone: string): Promise<number | Back> {
  const parse = (text: string): number | undefined => {
    const m = /^\s*(\d{1,2})[.:]?(\d{2})\s*$/.exec(text);
    if (!m) return undefined;
    const [hour, minute] = [Number(m[1]), Number(m[2])];
    if (hour > 23 || minute > 59 || minute % 5 !== 0) return undefined;
    const at = DateTime.fromISO(day, { zone }).set({ hour, minute });
    return at.isValid && at.hour === hour ? at.toMillis() : undefined;
  };
  return f.ask(f.t("admin-book-outside-time", { day: formatDay(day, f.language) }), new InlineKeyboard(), {
    back: true,
    text: (text) => (parse(text) === undefined ? "admin-book-bad-time" : undefined),
    accept: (r) => (r.kind === "text" ? parse(r.text) : undefined),
  });
}

/** Identifier of the practitioner's move of a booking (A12). */
export const PRACTITIONER_MOVE_CONVERSATION = "practitioner-move";

export interface PractitionerMoveDeps {
  zone: string;
  isAdmin(telegramId: number): boolean;
  /** The booking's free days and times for its own length (it counts its own time as free). */
  availableDays(query: { bookingId: string }, now: number): Promise<string[]>;
  slotsOnDay(query: { bookingId: string }, day: string, now: number): Promise<number[]>;
  moveBooking(adminId: number, bookingId: string, start: number, now: number, moveId: string): Promise<MoveResult>;
  /** Tells the customer (when on Telegram) of the new time, with a new calendar file. */
  tellCustomerMoved(bookingId: string, before: BookingView, after: BookingView): Promise<void>;
}

/**
 * The practitioner moves any booking (A12) from its buttons: the same day and time pickers, the
 * new time claimed before the old one is released (moveBookingByAdmin, shared with the customer's
 * move), then the customer is told with a new calendar file.
 */
export function createPractitionerMoveConversation(deps: PractitionerMoveDeps) {
  return async function practitionerMove(conversation: FlowConversation, ctx: ConversationContext, bookingId: string): Promise<void> {
    const guard = async (answer: ConversationContext): Promise<number> => {
      const id = answer.from?.id;
      if (id === undefined || !deps.isAdmin(id)) return conversation.halt({ next: true });
      return id;
    };
    const adminId = await guard(ctx);
    const f = new Flow(conversation, ctx, bookForButtons, { cancelled: "admin-move-aborted", commandInFlow: "booking-type-text" }, guard);
    const t = ctx.t;
    const language = ctx.language;
    const query = { bookingId };
    const source: SlotSource = {
      availableDays: (_q, now) => deps.availableDays(query, now),
      slotsOnDay: (_q, day, now) => deps.slotsOnDay(query, day, now),
    };
    let lost = false;
    const answers = await Steps.start()
      .then("day", async () => {
        const day = await pickDay(f, source, query, t("admin-move-title"));
        if (day !== NO_DAYS) return day;
        await f.close(t("move-no-days"));
        return conversation.halt();
      })
      .then("start", async (a) => {
        const start = await pickTime(f, source, query, a.day, t("admin-move-title"), deps.zone);
        if (start !== "full") return start;
        f.notice = t("booking-day-full");
        return BACK;
      })
      .then("moved", async (a) => {
        const moveId = await conversation.external(() => newIdentity());
        const confirmed = await confirm(f, t("admin-move-summary", { to: formatDateTime(a.start, language, deps.zone) }), t("button-confirm-move"));
        if (confirmed === BACK) return BACK;
        const now = await conversation.now();
        const result = await conversation.external(() => deps.moveBooking(adminId, bookingId, a.start, now, moveId));
        if (result.ok) return result;
        if (result.reason !== "slot-taken") {
          await f.close(t("change-not-active"));
          return conversation.halt();
        }
        f.notice = t("booking-slot-taken");
        lost = true;
        return new Known(undefined);
      })
      .run({
        jump: () => {
          const target = lost ? "start" : undefined;
          lost = false;
          return target;
        },
      });
    const result = answers?.moved;
    if (!result) return f.cancel();
    await conversation.external(() => deps.tellCustomerMoved(bookingId, result.before, result.after));
    await f.close(
      t("admin-move-done", {
        service: result.after.serviceName[language],
        from: formatDateTime(result.before.start, language, deps.zone),
        to: formatDateTime(result.after.start, language, deps.zone),
      }),
    );
  };
}
