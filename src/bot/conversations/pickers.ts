import { InlineKeyboard } from "grammy";
import { validateEmail, validateName, validatePhone, type Validated } from "../../domain/contact.js";
import type { ServiceView } from "../../services/catalog.js";
import type { ConsentState } from "../../services/consents.js";
import type { BookingProfile } from "../../services/customers.js";
import type { SlotQuery } from "../../services/slots.js";
import { formatDay, formatDayShort, formatPrice, formatTime } from "../format.js";
import { addDays, DAY_PART_HOURS, DAY_PARTS, parseDayRange, type DayPart } from "../../domain/waitlist.js";
import { BACK, Known, Steps, type Back, type Flow, type Lazy } from "./flow.js";

/**
 * The pickers the flows are built from (booking, moving, and the practitioner's flows): each asks
 * one thing through `Flow.ask` and returns the answer, or BACK. They read the database through
 * `conversation.external`, so a replay gets what the first run read.
 */

const DAYS_PER_PAGE = 8;

/** Returned by the day picker when there is no free day at all. */
export const NO_DAYS = Symbol("no days");
/** Returned by the day and time pickers when the customer asks to be told when a time opens (W1). */
export const WAITLIST = Symbol("waitlist");
export type Waitlist = typeof WAITLIST;
const TIMES_PER_ROW = 4;

/** The service to book, from the active ones. */
export async function pickService(f: Flow, services: ServiceView[], back: boolean): Promise<ServiceView | Back> {
  const keyboard = () => {
    const k = new InlineKeyboard();
    for (const s of services) k.text(f.t("service-button", { name: s.name[f.language], price: formatPrice(s.priceCents, f.language) }), f.data("svc", s.id)).row();
    return k;
  };
  return f.ask(() => f.t("booking-choose-service"), keyboard, {
    back,
    accept: (r) => (r.kind === "button" && r.action === "svc" ? services.find((s) => s.id === r.value) : undefined),
  });
}

/** Where the day and time pickers look for free time. */
export interface SlotSource {
  availableDays(query: SlotQuery, now: number): Promise<string[]>;
  slotsOnDay(query: SlotQuery, day: string, now: number): Promise<number[]>;
}

/**
 * A day with free time (ISO date in the practice's zone), eight a page; NO_DAYS when there is no
 * free day at all (the caller says what that means for its flow).
 */
export async function pickDay(f: Flow, source: SlotSource, query: SlotQuery, serviceName: string): Promise<string | Back | typeof NO_DAYS>;
/** With a "tell me when a time opens" button, which returns WAITLIST. */
export async function pickDay(
  f: Flow,
  source: SlotSource,
  query: SlotQuery,
  serviceName: string,
  options: { waitlist: true },
): Promise<string | Back | typeof NO_DAYS | Waitlist>;
export async function pickDay(
  f: Flow,
  source: SlotSource,
  query: SlotQuery,
  serviceName: string,
  { waitlist = false } = {},
): Promise<string | Back | typeof NO_DAYS | Waitlist> {
  // Read once for the picker: turning pages shows the same days (the time picker reads afresh).
  const now = await f.conversation.now();
  const days = await f.conversation.external(() => source.availableDays(query, now));
  if (days.length === 0) return NO_DAYS;
  const pages = Math.ceil(days.length / DAYS_PER_PAGE);
  let page = 0;
  for (;;) {
    page = Math.min(page, pages - 1);
    const shown = page;
    const keyboard = () => {
      const k = new InlineKeyboard();
      days.slice(shown * DAYS_PER_PAGE, (shown + 1) * DAYS_PER_PAGE).forEach((day, i) => {
        k.text(formatDayShort(day, f.language), f.data("day", day));
        if (i % 2 === 1) k.row();
      });
      k.row();
      if (shown > 0) k.text(f.t("button-previous"), f.data("page", shown - 1));
      if (shown < pages - 1) k.text(f.t("button-next"), f.data("page", shown + 1));
      if (waitlist) k.row().text(f.t("button-waitlist-join"), f.data("waitlist"));
      return k;
    };
    const answer = await f.ask<{ day: string } | { page: number } | Waitlist>(
      () => f.t("booking-choose-day", { service: serviceName, page: shown + 1, pages }),
      keyboard,
      {
        back: true,
        accept: (r) => {
          if (r.kind !== "button") return undefined;
          if (r.action === "waitlist" && waitlist) return WAITLIST;
          if (r.action === "page" && /^\d{1,3}$/.test(r.value)) return { page: Number(r.value) };
          return r.action === "day" && days.includes(r.value) ? { day: r.value } : undefined;
        },
      },
    );
    if (answer === BACK || answer === WAITLIST) return answer;
    if ("day" in answer) return answer.day;
    page = answer.page;
  }
}

/** A free start time (epoch ms) on `day`; "full" when the day has none left. */
export async function pickTime(f: Flow, source: SlotSource, query: SlotQuery, day: string, serviceName: string, zone: string): Promise<number | Back | "full">;
/** With a "tell me when a time opens" button, which returns WAITLIST. */
export async function pickTime(
  f: Flow,
  source: SlotSource,
  query: SlotQuery,
  day: string,
  serviceName: string,
  zone: string,
  options: { waitlist: true },
): Promise<number | Back | "full" | Waitlist>;
/** With `outsideHours` (the practitioner's flows), a button with that label, which returns "outside". */
export async function pickTime(
  f: Flow,
  source: SlotSource,
  query: SlotQuery,
  day: string,
  serviceName: string,
  zone: string,
  options: { outsideHours: string },
): Promise<number | Back | "full" | "outside">;
export async function pickTime(
  f: Flow,
  source: SlotSource,
  query: SlotQuery,
  day: string,
  serviceName: string,
  zone: string,
  options: { waitlist?: boolean; outsideHours?: string } = {},
): Promise<number | Back | "full" | Waitlist | "outside"> {
  const waitlist = options.waitlist === true;
  const now = await f.conversation.now();
  const slots = await f.conversation.external(() => source.slotsOnDay(query, day, now));
  if (slots.length === 0) return "full";
  const keyboard = () => {
    const k = new InlineKeyboard();
    slots.forEach((slot, i) => {
      k.text(formatTime(slot, f.language, zone), f.data("time", slot));
      if (i % TIMES_PER_ROW === TIMES_PER_ROW - 1) k.row();
    });
    if (waitlist) k.row().text(f.t("button-waitlist-join"), f.data("waitlist"));
    if (options.outsideHours) k.row().text(options.outsideHours, f.data("outside"));
    return k;
  };
  return f.ask<number | Waitlist | "outside">(() => f.t("booking-choose-time", { service: serviceName, day: formatDay(day, f.language) }), keyboard, {
    back: true,
    accept: (r) => {
      if (r.kind !== "button") return undefined;
      if (r.action === "waitlist" && waitlist) return WAITLIST;
      if (r.action === "outside" && options.outsideHours) return "outside";
      return r.action === "time" && slots.includes(Number(r.value)) ? Number(r.value) : undefined;
    },
  });
}

/** Contact details given for a booking. */
export interface ContactDetails {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | undefined;
}

type TextField = "firstName" | "lastName" | "email" | "phone";

function validateField(field: TextField, text: string): Validated<string> {
  return field === "email" ? validateEmail(text) : field === "phone" ? validatePhone(text) : validateName(text);
}

/** One typed contact detail, validated; the phone (or any field `skippable`) can be skipped (undefined). */
export async function askField(f: Flow, field: TextField, options: { skippable?: boolean } = {}): Promise<string | undefined | Back> {
  const skippable = field === "phone" || options.skippable === true;
  const keyboard = () => (skippable ? new InlineKeyboard().text(f.t("button-skip"), f.data("skip")) : new InlineKeyboard());
  const kind = field === "email" || field === "phone" ? field : "name";
  const answer = await f.ask<{ value: string | undefined }>(() => f.t(`booking-ask-${field}`), keyboard, {
    back: true,
    // Refused text is explained by the answer loop and never kept in the flow's state.
    text: (text) => {
      const validated = validateField(field, text);
      return validated.ok ? undefined : `invalid-${kind}-${validated.reason}`;
    },
    accept: (r) => {
      if (r.kind === "button") return r.action === "skip" && skippable ? { value: undefined } : undefined;
      const validated = validateField(field, r.text);
      return validated.ok ? { value: validated.value } : undefined;
    },
  });
  return answer === BACK ? BACK : answer.value;
}

/** The stored details, offered for reuse: "use" or "change". */
async function confirmStoredDetails(f: Flow, profile: BookingProfile): Promise<"use" | "change" | Back> {
  const keyboard = () => new InlineKeyboard().text(f.t("button-use-details"), f.data("use")).row().text(f.t("button-change-details"), f.data("change"));
  return f.ask(
    () =>
      f.t("booking-confirm-details", {
        name: `${profile.firstName} ${profile.lastName}`,
        email: profile.email ?? "",
        phone: profile.phone ?? f.t("value-none"),
      }),
    keyboard,
    { back: true, accept: (r) => (r.kind === "button" && (r.action === "use" || r.action === "change") ? r.action : undefined) },
  );
}

/**
 * The customer's contact details: the stored ones confirmed with one press, or typed one by one
 * (name, surname, email, optional phone), each with Back.
 */
export async function pickContactDetails(f: Flow, profile: BookingProfile): Promise<ContactDetails | Back> {
  const stored =
    profile.firstName && profile.lastName && profile.email
      ? { firstName: profile.firstName, lastName: profile.lastName, email: profile.email, phone: profile.phone }
      : undefined;
  const answers = await Steps.start()
    .then("stored", async (): Promise<"use" | "change" | Known<"change"> | Back> => (stored ? confirmStoredDetails(f, profile) : new Known("change")))
    .then("firstName", async (a) => (a.stored === "use" ? new Known("") : ask(await askField(f, "firstName"))))
    .then("lastName", async (a) => (a.stored === "use" ? new Known("") : ask(await askField(f, "lastName"))))
    .then("email", async (a) => (a.stored === "use" ? new Known("") : ask(await askField(f, "email"))))
    .then("phone", async (a) => (a.stored === "use" ? new Known<string | undefined>(undefined) : askField(f, "phone")))
    .run();
  if (!answers) return BACK;
  if (answers.stored === "use" && stored) return stored;
  return { firstName: answers.firstName, lastName: answers.lastName, email: answers.email, phone: answers.phone };
}

/** A required field's answer: never skipped (only the phone has Skip). */
function ask(value: string | undefined | Back): string | Back {
  return value === BACK ? BACK : (value ?? "");
}

/** The privacy notice's summary, acknowledged with one press (first booking only). */
export async function acknowledgePrivacy(f: Flow, controller: string): Promise<true | Back> {
  return f.ask(() => f.t("booking-privacy", { controller }), () => new InlineKeyboard().text(f.t("button-privacy-ok"), f.data("ack")), {
    back: true,
    accept: (r) => (r.kind === "button" && r.action === "ack" ? true : undefined),
  });
}

/**
 * Marketing consents per channel, all off unless the customer turns them on (SMS only with a
 * phone number); Continue returns them.
 */
export async function pickConsents(f: Flow, initial: ConsentState, hasPhone: boolean, business: string): Promise<ConsentState | Back> {
  const consents = { ...initial, sms: initial.sms && hasPhone };
  for (;;) {
    const mark = (on: boolean) => (on ? "☑" : "☐");
    const shown = { ...consents };
    const keyboard = () => {
      const k = new InlineKeyboard()
        .text(`${mark(shown.telegram)} ${f.t("channel-telegram")}`, f.data("toggle", "telegram"))
        .row()
        .text(`${mark(shown.email)} ${f.t("channel-email")}`, f.data("toggle", "email"))
        .row();
      if (hasPhone) k.text(`${mark(shown.sms)} ${f.t("channel-sms")}`, f.data("toggle", "sms")).row();
      return k.text(f.t("button-continue"), f.data("next"));
    };
    const answer = await f.ask<"next" | "telegram" | "email" | "sms">(() => f.t("booking-consents", { business }), keyboard, {
      back: true,
      accept: (r) => {
        if (r.kind !== "button") return undefined;
        if (r.action === "next") return "next";
        if (r.action !== "toggle") return undefined;
        return r.value === "telegram" || r.value === "email" || (r.value === "sms" && hasPhone) ? r.value : undefined;
      },
    });
    if (answer === BACK) return BACK;
    if (answer === "next") return consents;
    consents[answer] = !consents[answer];
  }
}

/** A summary with one confirm button: true when it was pressed. */
export async function confirm(f: Flow, text: Lazy<string>, label: string): Promise<true | Back> {
  return f.ask(text, () => new InlineKeyboard().text(label, f.data("confirm")), {
    back: true,
    accept: (r) => (r.kind === "button" && r.action === "confirm" ? true : undefined),
  });
}

/** A waitlist wish's days and part of the day (W1). */
export interface WaitlistChoice {
  fromDay: string;
  toDay: string;
  part: DayPart;
}

/**
 * Which days to wait for and, optionally, which part of the day: from the day being looked at
 * (that day, or a week or two from it), or, without one, the next one, two or four weeks.
 */
export async function pickWaitlistWish(f: Flow, today: string, day: string | undefined, text: string): Promise<WaitlistChoice | Back> {
  const spans = day ? ([0, 6, 13] as const) : ([6, 13, 27] as const);
  const from = day ?? today;
  return Steps.start()
    .then("days", () => {
      const keyboard = new InlineKeyboard();
      for (const span of spans) {
        const label = span === 0 ? f.t("button-waitlist-that-day") : f.t("button-waitlist-days", { days: span + 1 });
        keyboard.text(label, f.data("span", span)).row();
      }
      return f.ask<{ fromDay: string; toDay: string }>(`${text}\n\n${f.t("waitlist-type-range")}`, keyboard, {
        back: true,
        // Or a day or range of days typed, e.g. 1.12.–5.12.
        text: (typed) => (parseDayRange(typed, today) ? undefined : "waitlist-bad-range"),
        accept: (r) => {
          if (r.kind === "text") return parseDayRange(r.text, today);
          const span = r.action === "span" ? spans.find((s) => String(s) === r.value) : undefined;
          return span === undefined ? undefined : { fromDay: from, toDay: addDays(from, span) };
        },
      });
    })
    .then("part", () => {
      const keyboard = new InlineKeyboard();
      for (const part of DAY_PARTS) keyboard.text(f.t(`button-waitlist-part-${part}`, part === "any" ? { from: 0, to: 24 } : DAY_PART_HOURS[part]), f.data("part", part)).row();
      return f.ask<DayPart>(f.t("waitlist-ask-part"), keyboard, {
        back: true,
        accept: (r) => (r.kind === "button" && r.action === "part" ? DAY_PARTS.find((p) => p === r.value) : undefined),
      });
    })
    .run()
    .then((a) => (a ? { ...a.days, part: a.part } : BACK));
}
