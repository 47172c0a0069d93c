/*
 * The Mini App's JSON API, shared by the server (src/miniapp/api.ts) and the client (webapp/):
 * one request and one response type per endpoint. Every call is `POST <app path>api/<endpoint>`
 * with a JSON body and Telegram's signed initData in the Authorization header (`tma <initData>`);
 * nothing personal ever goes in a URL. Texts a person reads come ready-made from the server in the
 * user's stored language (dates, times, prices, refusals), or as Fluent messages from the bot's
 * own locales/*.ftl (the keys below), which the client formats.
 *
 * Types only, plus the list of message keys: this module imports nothing.
 */

export type Language = "fi" | "sv" | "en";

/** What the app needs to start: who is using it, in which language, with which texts. */
export interface Session {
  language: Language;
  /** BCP 47 locale for the browser's own formatting (lists): "fi-FI", "sv-FI", "en-GB". */
  locale: string;
  /** Fluent source of the messages in WEBAPP_MESSAGES, in the user's language. */
  messages: string;
  /** True when the user is in ADMIN_IDS now (the practitioner's tab is shown). */
  admin: boolean;
  business: { name: string; address: string; phone: string; email: string };
  /** Short weekday names, Monday first, and month names, January first, for the calendar. */
  weekdays: string[];
  months: string[];
  /** Today and the last bookable day in the practice's zone (yyyy-mm-dd). */
  today: string;
  lastDay: string;
}

export interface ServiceItem {
  id: string;
  name: string;
  durationMinutes: number;
  price: string;
}

/** Time lost to someone else's booking in this visit, to leave out of the times shown. */
export interface Interval {
  start: number;
  end: number;
}

/**
 * What times are asked for: a new booking of a service, a move of one's own booking, or (admins)
 * a move of any booking, or a booking for a customer by the practitioner's rules (no minimum
 * notice, a year ahead; the opening hours apply).
 */
export type SlotTarget = { serviceId: string } | { ref: string } | { bookingId: string } | { serviceId: string; practitioner: true };

export interface Slot {
  start: number;
  /** "10.00" */
  time: string;
  /** "ti 1.12.2026 klo 10.00" */
  when: string;
}

export interface Profile {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  privacyAcknowledged: boolean;
  /** True once marketing consent was asked (it is offered once, as in the chat). */
  consentsAsked: boolean;
  /** The marketing consents standing now: the offer starts from them, as in the chat. */
  consents: Marketing;
}

export interface Details {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

export interface Marketing {
  telegram: boolean;
  email: boolean;
  sms: boolean;
}

export interface BookRequest {
  /** From `identity`, fixed before the summary is shown: confirming twice books once. */
  bookingId: string;
  serviceId: string;
  start: number;
  details: Details;
  privacyAcknowledged: boolean;
  /** Only when consent was asked in this booking. */
  marketing?: Marketing;
}

export type BookResponse =
  | { ok: true; when: string; service: string; text: string }
  | { ok: false; reason: "slot-taken"; taken: Interval[]; text: string }
  /** Field → what is wrong with it, in the user's language. */
  | { ok: false; reason: "invalid"; errors: Partial<Record<keyof Details, string>> }
  | { ok: false; reason: "service-unavailable" | "privacy-not-acknowledged"; text: string };

export interface MyBooking {
  ref: string;
  start: number;
  when: string;
  service: string;
  /** Until when it can be changed here, or undefined when that time has passed. */
  deadline?: string;
  /** Past the cutoff: whom to contact instead. */
  locked?: string;
}

/** A change's outcome, with the text to show either way. */
export type ChangeResponse = { ok: true; text: string } | { ok: false; text: string; taken?: Interval[] };

export interface MoveRequest {
  ref: string;
  start: number;
  /** From `identity`, fixed before the confirm button is shown. */
  moveId: string;
}

// --- The practitioner's side -----------------------------------------------------------------

export interface WeekEntry {
  kind: "booking" | "blocked";
  /** bookingId or exceptionId */
  id: string;
  start: number;
  /** "9.00–10.00", or a date range for a block that spans days */
  time: string;
  service?: string;
  customer?: string;
  /** "✓ attended" */
  attendance?: string;
}

export interface WeekDay {
  date: string;
  /** "ti 1.12.2026" */
  label: string;
  /** "9.00–12.00, 12.30–17.00", or "closed" */
  hours: string;
  entries: WeekEntry[];
  /** How many customers are on the waiting list for this day (W4), from today on; absent for none. */
  waiting?: number;
}

export interface Week {
  start: string;
  previous: string;
  next: string;
  days: WeekDay[];
}

export interface BookingCard {
  bookingId: string;
  when: string;
  time: string;
  service: string;
  customer: string;
  status: string;
  attendance?: "attended" | "no-show";
  price: string;
  /** The price typed as the payment form expects it: "55,00" / "55.00". */
  amount: string;
  /** Standing (not cancelled): attendance can be marked. */
  standing: boolean;
  /** Standing and not yet started: can be moved and cancelled. */
  changeable: boolean;
}

export interface PaymentRequest {
  bookingId: string;
  /** Euros as typed: "55", "49,50". */
  amount: string;
  method: "cash" | "card" | "mobilepay" | "invoice";
}

export interface BlockRequest {
  /** yyyy-mm-dd, and the last day (inclusive) for several days */
  from: string;
  to?: string;
  /** "HH:mm" on `from` to "HH:mm" on `to`; without them whole days */
  startTime?: string;
  endTime?: string;
}

export interface HoursDay {
  weekday: number;
  label: string;
  intervals: Array<{ start: string; end: string }>;
}

/** A customer the practitioner can book for (A10): found by a search, or just created. */
export interface CustomerChoice {
  customerId: string;
  name: string;
  /** False for a customer the practice created who has not linked Telegram (shown with ☎). */
  onTelegram: boolean;
}

/** A customer without Telegram, as the practitioner types them: a name, and a phone and email if she has them. */
export interface NewCustomer {
  firstName: string;
  lastName: string;
  phone?: string;
  email?: string;
}

export interface CreateCustomerRequest {
  /** From `identity`, fixed before the form is shown: submitting it twice creates the customer once. */
  customerId: string;
  customer: NewCustomer;
  /** Create even though someone has this phone number or email (a family may share one). */
  allowDuplicate?: boolean;
}

export type CreateCustomerResponse =
  | { ok: true; customer: CustomerChoice }
  /** Field → what is wrong with it, in the practitioner's language (the chat's words). */
  | { ok: false; reason: "invalid"; errors: Partial<Record<keyof NewCustomer, string>> }
  /** Someone has this phone number or email already: one of them, or create anyway. */
  | { ok: false; reason: "duplicate"; matches: CustomerChoice[]; text: string };

export interface BookForRequest {
  /** From `identity`, fixed before the summary is shown: confirming twice books once. */
  bookingId: string;
  customerId: string;
  serviceId: string;
  start: number;
}

export type BookForResponse =
  /** `told`: whether the customer got the confirmation in Telegram, as the chat reports it. */
  | { ok: true; when: string; service: string; day: string; told: "sent" | "not-on-telegram" | "failed" }
  | { ok: false; reason: "slot-taken"; taken: Interval[]; text: string }
  | { ok: false; reason: "invalid-time" | "service-unavailable" | "customer-not-found"; text: string };

/** Every endpoint: its request body and its response. */
export interface Endpoints {
  session: { request: object; response: Session };
  services: { request: object; response: ServiceItem[] };
  /** Days with free times (yyyy-mm-dd) and their names for screen readers ("ti 1.12.2026"). */
  days: { request: { target: SlotTarget; busy?: Interval[] }; response: Array<{ date: string; label: string }> };
  slots: { request: { target: SlotTarget; day: string; busy?: Interval[] }; response: Slot[] };
  profile: { request: object; response: Profile };
  identity: { request: object; response: { id: string } };
  privacy: { request: object; response: { parts: string[] } };
  book: { request: BookRequest; response: BookResponse };
  bookings: { request: object; response: MyBooking[] };
  cancel: { request: { ref: string }; response: ChangeResponse };
  move: { request: MoveRequest; response: ChangeResponse };
  "admin/week": { request: { start?: string }; response: Week };
  "admin/booking": { request: { bookingId: string }; response: BookingCard | null };
  "admin/contact": { request: { bookingId: string }; response: { text: string } };
  "admin/attendance": { request: { bookingId: string; attendance: "attended" | "no-show" }; response: ChangeResponse };
  "admin/payment": { request: PaymentRequest; response: { ok: true; receiptNumber: number; text: string } | { ok: false; text: string } };
  "admin/send-receipt": { request: { receiptNumber: number }; response: ChangeResponse };
  "admin/cancel": { request: { bookingId: string; reason: string }; response: ChangeResponse };
  "admin/move": { request: { bookingId: string; start: number; moveId: string }; response: ChangeResponse };
  "admin/block": { request: BlockRequest; response: { ok: true; text: string; inside: WeekEntry[] } | { ok: false; text: string } };
  "admin/unblock": { request: { exceptionId: string }; response: ChangeResponse };
  "admin/hours": { request: object; response: HoursDay[] };
  "admin/set-hours": { request: { weekday: number; intervals: Array<{ start: string; end: string }> }; response: ChangeResponse };
  /** Customers by name (part of it), phone or email: in the body, never in a URL; each hit audit-logged as viewed. */
  "admin/customers": { request: { query: string }; response: CustomerChoice[] };
  "admin/create-customer": { request: CreateCustomerRequest; response: CreateCustomerResponse };
  "admin/book-for": { request: BookForRequest; response: BookForResponse };
}

export type Endpoint = keyof Endpoints;

/**
 * The messages of locales/*.ftl the client formats itself: the Mini App's own (`webapp-…`) and
 * the chat's where the same words fit. The server sends exactly these, in the user's language.
 */
export const WEBAPP_MESSAGES = [
  // The Mini App's own.
  "webapp-amount",
  "webapp-block-end-time",
  "webapp-block-from",
  "webapp-block-start-time",
  "webapp-block-submit",
  "webapp-block-title",
  "webapp-block-to",
  "webapp-blocked",
  "webapp-book-another",
  "webapp-booked",
  "webapp-cancel-submit",
  "webapp-choose-day",
  "webapp-choose-service",
  "webapp-choose-time",
  "webapp-close",
  "webapp-consents-title",
  "webapp-continue",
  "webapp-customer",
  "webapp-details",
  "webapp-email",
  "webapp-error",
  "webapp-first-name",
  "webapp-hours-add",
  "webapp-hours-end",
  "webapp-hours-remove",
  "webapp-hours-save",
  "webapp-hours-start",
  "webapp-hours-title",
  "webapp-last-name",
  "webapp-loading",
  "webapp-move-title",
  "webapp-next-month",
  "webapp-no-bookings",
  "webapp-no-times",
  "webapp-phone",
  "webapp-previous-month",
  "webapp-privacy-ack",
  "webapp-privacy-read",
  "webapp-privacy-text",
  "webapp-privacy-title",
  "webapp-record-payment",
  "webapp-status",
  "webapp-tab-book",
  "webapp-tab-bookings",
  "webapp-tab-hours",
  "webapp-tab-week",
  "webapp-title",
  "webapp-unblock",
  "webapp-week-next",
  "webapp-week-previous",
  "webapp-week-this",
  "webapp-book-for-title",
  "webapp-customer-search",
  "webapp-search",
  "webapp-email-optional",
  "webapp-not-on-telegram",
  "webapp-waiting",
  // The chat's, where the same words fit.
  "admin-agenda-empty",
  "admin-book-done",
  "admin-book-find-customer",
  "admin-book-no-match",
  "admin-book-search-short",
  "admin-book-summary",
  "button-admin-book-for-anyone",
  "button-admin-create-anyway",
  "button-admin-new-customer",
  "admin-cancel-ask-reason",
  "admin-payment-method",
  "booking-consents",
  "booking-no-days",
  "booking-no-services",
  "booking-summary",
  "button-admin-attended",
  "button-admin-cancel",
  "button-admin-details",
  "button-admin-noshow",
  "button-admin-payment",
  "button-admin-send-receipt",
  "button-back",
  "button-cancel-booking",
  "button-cancel-keep",
  "button-cancel-yes",
  "button-confirm",
  "button-confirm-move",
  "button-move-booking",
  "cancel-confirm",
  "channel-email",
  "channel-sms",
  "channel-telegram",
  "move-summary",
  "payment-method-card",
  "payment-method-cash",
  "payment-method-invoice",
  "payment-method-mobilepay",
  "value-none",
] as const;

export type MessageKey = (typeof WEBAPP_MESSAGES)[number];
