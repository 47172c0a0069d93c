import type { Conversation } from "@grammyjs/conversations";
import type { Interval } from "../../domain/availability.js";
import { InlineKeyboard } from "grammy";
import type { BusinessProfile } from "../../config.js";
import { validateEmail, validateName, validatePhone, type Validated } from "../../domain/contact.js";
import { newIdentity, type BookingRequest, type BookingResult } from "../../services/booking.js";
import type { BookingView } from "../../services/booking-view.js";
import type { SlotQuery } from "../../services/slots.js";
import type { ServiceView } from "../../services/catalog.js";
import type { ConsentState } from "../../services/consents.js";
import type { BookingProfile } from "../../services/customers.js";
import type { ChangeCheck, MoveResult } from "../../services/manage-booking.js";
import { calendarFile } from "../calendar-file.js";
import type { ConversationContext, CustomerContext } from "../context.js";
import { Prompt, type AnswerRules, type PromptAnswer } from "./prompt.js";
import { formatDateTime, formatDay, formatDayShort, formatList, formatPrice, formatTime } from "../format.js";

/** Identifier under which the booking conversation is registered and entered. */
export const BOOKING_CONVERSATION = "booking";

/** Everything the booking flow reads and writes, as plain-data functions. */
export interface BookingFlowDeps {
  zone: string;
  business: BusinessProfile;
  cancellationCutoffHours: number;
  listServices(): Promise<ServiceView[]>;
  availableDays(query: SlotQuery, now: number): Promise<string[]>;
  slotsOnDay(query: SlotQuery, day: string, now: number): Promise<number[]>;
  bookingProfile(telegramId: number): Promise<BookingProfile>;
  book(request: BookingRequest): Promise<BookingResult>;
  checkChangeable(telegramId: number, ref: string, now: number): Promise<ChangeCheck>;
  moveBooking(telegramId: number, ref: string, start: number, now: number, moveId: string): Promise<MoveResult>;
  /** Tell every admin about a new or moved booking; they never throw. */
  notifyAdminsBooked(booking: BookingView): Promise<void>;
  notifyAdminsMoved(before: BookingView, after: BookingView): Promise<void>;
}

type Step =
  | "service"
  | "day"
  | "time"
  | "details"
  | "firstName"
  | "lastName"
  | "email"
  | "phone"
  | "privacy"
  | "consents"
  | "summary"
  | "moveSummary";

/** What the customer has chosen so far. Plain data, rebuilt identically on every replay. */
interface Draft {
  service?: ServiceView;
  day?: string;
  dayPage: number;
  start?: number;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  privacyAcknowledged: boolean;
  marketing: ConsentState;
  /** Time lost to others in this flow, left out of the times shown even before the calendar shows it. */
  alsoBusy: Interval[];
}

/** A reply to a prompt: a press of one of its buttons, or typed text. */
const DAYS_PER_PAGE = 8;
const TIMES_PER_ROW = 4;
const CB = "bk";

function data(action: string, value = ""): string {
  return value ? `${CB}:${action}:${value}` : `${CB}:${action}`;
}

function navigationRow(keyboard: InlineKeyboard, t: ConversationContext["t"], back: boolean): InlineKeyboard {
  keyboard.row();
  if (back) keyboard.text(t("button-back"), data("back"));
  return keyboard.text(t("button-cancel"), data("cancel"));
}

/**
 * The booking conversation (B3): service → day → time → details → privacy notice (first
 * booking) → marketing consents (first time) → summary → confirm. Every step has Back and
 * Cancel; typed text where a button is expected, stickers, stale or forged buttons are answered
 * and the step stays where it was.
 *
 * Entered with a booking reference (`moveRef`) it moves that booking instead (B7): day → time →
 * summary of the change → confirm, the same pickers and the same safeguards.
 */
export function createBookingConversation(deps: BookingFlowDeps) {
  return async function booking(
    conversation: Conversation<CustomerContext, ConversationContext>,
    ctx: ConversationContext,
    moveRef?: string,
  ): Promise<void> {
    const telegramId = ctx.from?.id;
    if (telegramId === undefined) return;
    const language = ctx.language;
    const t = ctx.t;

    let moving: BookingView | undefined;
    if (moveRef !== undefined) {
      const now = await conversation.now();
      const check = await conversation.external(() => deps.checkChangeable(telegramId, moveRef, now));
      if (!check.ok) {
        await ctx.reply(changeRefusalText(ctx, check.reason, deps));
        return;
      }
      moving = check.booking;
    }
    const slotQuery = (): SlotQuery => ({
      ...(moving && moveRef !== undefined ? { telegramId, ref: moveRef } : { serviceId: draft.service!.id }),
      ...(draft.alsoBusy.length > 0 ? { alsoBusy: draft.alsoBusy } : {}),
    });
    const serviceName = (): string => (moving ? moving.serviceName[language] : draft.service!.name[language]);

    const profile = await conversation.external(() => deps.bookingProfile(telegramId));
    const draft: Draft = {
      dayPage: 0,
      privacyAcknowledged: profile.privacyAcknowledged,
      marketing: { ...profile.consents },
      alsoBusy: [],
    };
    const prompt = new Prompt(ctx);

    /** Waits for a press of the current prompt's buttons, or typed text when `acceptText`. */
    async function answer(acceptText: AnswerRules["acceptText"]): Promise<PromptAnswer> {
      const a = await prompt.answer(conversation, { prefix: CB, acceptText, commandReply: "booking-command-in-flow" });
      if (a.kind === "stale") {
        // An earlier prompt was pressed: the step shown next says where the booking really is.
        prompt.current = a.ctx;
        prompt.notice = a.ctx.t("booking-where-we-are");
      }
      return a;
    }

    async function cancelled(): Promise<void> {
      await prompt.close(t(moving ? "move-cancelled" : "booking-cancelled"));
    }

    /**
     * Shows a summary with one confirm button (plus Back and Cancel): "confirmed" when it was
     * pressed, "done" when the flow was cancelled, "again" when the loop should show a step.
     */
    async function confirmStep(text: string, label: string, action: string): Promise<"confirmed" | "again" | "done"> {
      await prompt.show(text, navigationRow(new InlineKeyboard().text(label, data(action)), t, true));
      const a = await answer(false);
      if (a.kind !== "button") return "again";
      if (a.action === "cancel") {
        await cancelled();
        return "done";
      }
      if (a.action === "back") {
        back();
        return "again";
      }
      if (a.action !== action) {
        prompt.notice = t("booking-option-unavailable");
        return "again";
      }
      return "confirmed";
    }

    /** Sends the appointment as an .ics file; a moved booking keeps its uid, so calendars update it. */
    async function sendCalendarFile(booked: BookingView): Promise<void> {
      const { file, caption } = calendarFile(booked, "booked", language, t, deps);
      await prompt.current.replyWithDocument(file, { caption });
    }

    /** Checks a typed contact detail; refused text is explained and not kept (Prompt.answer). */
    function validateField(field: "firstName" | "lastName" | "email" | "phone", text: string): Validated<string> {
      return field === "email" ? validateEmail(text) : field === "phone" ? validatePhone(text) : validateName(text);
    }

    let step = (moving ? "day" : "service") as Step;
    const history: Step[] = [];
    /** Moves forward, remembering where Back leads. */
    const go = (next: Step) => {
      history.push(step);
      step = next;
    };
    /** Moves back one step; false when there is none (the first step of a move). */
    const back = (): boolean => {
      const previous = history.pop();
      if (previous === undefined && moving) return false;
      step = previous ?? "service";
      return true;
    };
    /** Returns to an earlier step, forgetting the steps after it. */
    const backTo = (target: Step) => {
      while (history.length > 0 && step !== target) step = history.pop()!;
      step = target;
    };
    /** The step after the customer's details: privacy notice (first booking), consents (first time), summary. */
    const afterDetails = (): Step =>
      !draft.privacyAcknowledged ? "privacy" : profile.consentsAsked ? "summary" : "consents";

    for (;;) {
      switch (step) {
        case "service": {
          const services = await conversation.external(() => deps.listServices());
          if (services.length === 0) {
            await prompt.close(t("booking-no-services"));
            return;
          }
          const keyboard = new InlineKeyboard();
          for (const s of services) {
            keyboard.text(t("service-button", { name: s.name[language], price: formatPrice(s.priceCents, language) }), data("svc", s.id)).row();
          }
          await prompt.show(t("booking-choose-service"), navigationRow(keyboard, t, false));
          const a = await answer(false);
          if (a.kind !== "button") continue;
          if (a.action === "cancel") return cancelled();
          const chosen = a.action === "svc" ? services.find((s) => s.id === a.value) : undefined;
          if (!chosen) {
            prompt.notice = t("booking-option-unavailable");
            continue;
          }
          draft.service = chosen;
          draft.dayPage = 0;
          go("day");
          break;
        }

        case "day": {
          const now = await conversation.now();
          const query = slotQuery();
          const days = await conversation.external(() => deps.availableDays(query, now));
          if (days.length === 0) {
            if (moving) {
              await prompt.close(t("move-no-days"));
              return;
            }
            prompt.notice = t("booking-no-days");
            backTo("service");
            break;
          }
          const pages = Math.ceil(days.length / DAYS_PER_PAGE);
          draft.dayPage = Math.min(draft.dayPage, pages - 1);
          const pageDays = days.slice(draft.dayPage * DAYS_PER_PAGE, (draft.dayPage + 1) * DAYS_PER_PAGE);
          const keyboard = new InlineKeyboard();
          pageDays.forEach((day, i) => {
            keyboard.text(formatDayShort(day, language), data("day", day));
            if (i % 2 === 1) keyboard.row();
          });
          keyboard.row();
          if (draft.dayPage > 0) keyboard.text(t("button-previous"), data("page", String(draft.dayPage - 1)));
          if (draft.dayPage < pages - 1) keyboard.text(t("button-next"), data("page", String(draft.dayPage + 1)));
          await prompt.show(
            t("booking-choose-day", { service: serviceName(), page: draft.dayPage + 1, pages }),
            navigationRow(keyboard, t, true),
          );
          const a = await answer(false);
          if (a.kind !== "button") continue;
          if (a.action === "cancel") return cancelled();
          if (a.action === "back") {
            if (!back()) return cancelled();
          } else if (a.action === "page" && /^\d{1,3}$/.test(a.value)) {
            draft.dayPage = Number(a.value);
          } else if (a.action === "day" && days.includes(a.value)) {
            draft.day = a.value;
            go("time");
          } else {
            prompt.notice = t("booking-option-unavailable");
          }
          break;
        }

        case "time": {
          const day = draft.day!;
          const now = await conversation.now();
          const query = slotQuery();
          const slots = await conversation.external(() => deps.slotsOnDay(query, day, now));
          if (slots.length === 0) {
            prompt.notice = t("booking-day-full");
            backTo("day");
            break;
          }
          const keyboard = new InlineKeyboard();
          slots.forEach((slot, i) => {
            keyboard.text(formatTime(slot, language, deps.zone), data("time", String(slot)));
            if (i % TIMES_PER_ROW === TIMES_PER_ROW - 1) keyboard.row();
          });
          await prompt.show(
            t("booking-choose-time", { service: serviceName(), day: formatDay(day, language) }),
            navigationRow(keyboard, t, true),
          );
          const a = await answer(false);
          if (a.kind !== "button") continue;
          if (a.action === "cancel") return cancelled();
          if (a.action === "back") {
            back();
          } else if (a.action === "time" && slots.includes(Number(a.value))) {
            draft.start = Number(a.value);
            // Details already given in this flow are kept when only the time changes.
            if (moving) go("moveSummary");
            else if (draft.firstName && draft.lastName && draft.email) go("summary");
            else go(profile.firstName && profile.lastName && profile.email ? "details" : "firstName");
          } else {
            prompt.notice = t("booking-option-unavailable");
          }
          break;
        }

        case "details": {
          const keyboard = new InlineKeyboard()
            .text(t("button-use-details"), data("use"))
            .row()
            .text(t("button-change-details"), data("change"));
          await prompt.show(
            t("booking-confirm-details", {
              name: `${profile.firstName} ${profile.lastName}`,
              email: profile.email ?? "",
              phone: profile.phone ?? t("value-none"),
            }),
            navigationRow(keyboard, t, true),
          );
          const a = await answer(false);
          if (a.kind !== "button") continue;
          if (a.action === "cancel") return cancelled();
          if (a.action === "back") back();
          else if (a.action === "use") {
            draft.firstName = profile.firstName;
            draft.lastName = profile.lastName;
            draft.email = profile.email;
            draft.phone = profile.phone;
            go(afterDetails());
          } else if (a.action === "change") go("firstName");
          else prompt.notice = t("booking-option-unavailable");
          break;
        }

        case "firstName":
        case "lastName":
        case "email":
        case "phone": {
          const field: "firstName" | "lastName" | "email" | "phone" = step;
          const keyboard = new InlineKeyboard();
          if (field === "phone") keyboard.text(t("button-skip"), data("skip"));
          await prompt.show(t(`booking-ask-${field}`), navigationRow(keyboard, t, true));
          const kind = field === "email" || field === "phone" ? field : "name";
          const a = await answer((text) => {
            const validated = validateField(field, text);
            return validated.ok ? undefined : `invalid-${kind}-${validated.reason}`;
          });
          if (a.kind === "stale") break;
          if (a.kind === "button") {
            if (a.action === "cancel") return cancelled();
            if (a.action === "back") back();
            else if (a.action === "skip" && field === "phone") {
              draft.phone = undefined;
              draft.marketing.sms = false;
              go(afterDetails());
            } else prompt.notice = t("booking-option-unavailable");
            break;
          }
          const validated = validateField(field, a.text);
          if (!validated.ok) break; // cannot happen: the answer loop refused it already
          draft[field] = validated.value;
          if (field === "firstName") go("lastName");
          else if (field === "lastName") go("email");
          else if (field === "email") go("phone");
          else go(afterDetails());
          break;
        }

        case "privacy": {
          const keyboard = new InlineKeyboard().text(t("button-privacy-ok"), data("ack"));
          await prompt.show(t("booking-privacy", { controller: deps.business.name }), navigationRow(keyboard, t, true));
          const a = await answer(false);
          if (a.kind !== "button") continue;
          if (a.action === "cancel") return cancelled();
          if (a.action === "back") back();
          else if (a.action === "ack") {
            draft.privacyAcknowledged = true;
            go(profile.consentsAsked ? "summary" : "consents");
          } else prompt.notice = t("booking-option-unavailable");
          break;
        }

        case "consents": {
          const mark = (on: boolean) => (on ? "☑" : "☐");
          const keyboard = new InlineKeyboard()
            .text(`${mark(draft.marketing.telegram)} ${t("channel-telegram")}`, data("toggle", "telegram"))
            .row()
            .text(`${mark(draft.marketing.email)} ${t("channel-email")}`, data("toggle", "email"))
            .row();
          if (draft.phone) keyboard.text(`${mark(draft.marketing.sms)} ${t("channel-sms")}`, data("toggle", "sms")).row();
          keyboard.text(t("button-continue"), data("next"));
          await prompt.show(t("booking-consents", { business: deps.business.name }), navigationRow(keyboard, t, true));
          const a = await answer(false);
          if (a.kind !== "button") continue;
          if (a.action === "cancel") return cancelled();
          if (a.action === "back") back();
          else if (a.action === "toggle" && (a.value === "telegram" || a.value === "email" || (a.value === "sms" && draft.phone))) {
            const channel = a.value;
            draft.marketing[channel] = !draft.marketing[channel];
          } else if (a.action === "next") go("summary");
          else prompt.notice = t("booking-option-unavailable");
          break;
        }

        case "summary": {
          const service = draft.service!;
          const start = draft.start!;
          // The booking's identity is fixed before its Confirm button is shown and kept in the
          // flow's saved state: this summary confirmed twice (a press repeated after a crash)
          // finds the booking the first press made.
          const bookingId = await conversation.external(() => newIdentity());
          const chosen = (["telegram", "email", "sms"] as const).filter((c) => draft.marketing[c]).map((c) => t(`channel-${c}`));
          const outcome = await confirmStep(
            t("booking-summary", {
              service: service.name[language],
              when: formatDateTime(start, language, deps.zone),
              duration: service.durationMinutes,
              price: formatPrice(service.priceCents, language),
              address: deps.business.address,
              name: `${draft.firstName} ${draft.lastName}`,
              email: draft.email ?? "",
              phone: draft.phone ?? t("value-none"),
              marketing: chosen.length > 0 ? formatList(chosen, language) : t("value-none"),
            }),
            t("button-confirm"),
            "confirm",
          );
          if (outcome === "done") return;
          if (outcome === "again") break;
          const now = await conversation.now();
          const request: BookingRequest = {
            bookingId,
            telegramId,
            serviceId: service.id,
            start,
            now,
            privacyAcknowledged: draft.privacyAcknowledged,
            details: {
              firstName: draft.firstName!,
              lastName: draft.lastName!,
              email: draft.email!,
              ...(draft.phone ? { phone: draft.phone } : {}),
            },
            ...(profile.consentsAsked ? {} : { marketing: draft.marketing }),
          };
          const result = await conversation.external(() => deps.book(request));
          if (!result.ok) {
            if (result.reason === "slot-taken") {
              prompt.notice = t("booking-slot-taken");
              draft.alsoBusy = [...draft.alsoBusy, ...result.taken];
              backTo("time");
            } else if (result.reason === "privacy-not-acknowledged") {
              draft.privacyAcknowledged = false;
              go("privacy");
            } else {
              prompt.notice = t("booking-option-unavailable");
              backTo("service");
            }
            break;
          }
          const booked = result.booking;
          await prompt.close(
            t("booking-confirmed", {
              service: service.name[language],
              when: formatDateTime(booked.start, language, deps.zone),
              duration: booked.durationMinutes,
              price: formatPrice(booked.priceCents, language),
              address: deps.business.address,
              business: deps.business.name,
              phone: deps.business.phone,
              email: deps.business.email,
            }),
          );
          await sendCalendarFile(booked);
          await conversation.external(() => deps.notifyAdminsBooked(booked));
          return;
        }

        case "moveSummary": {
          const from = moving!;
          const start = draft.start!;
          // As for a new booking: a move confirmed again after a crash is recognised as done.
          const moveId = await conversation.external(() => newIdentity());
          const outcome = await confirmStep(
            t("move-summary", {
              service: serviceName(),
              from: formatDateTime(from.start, language, deps.zone),
              to: formatDateTime(start, language, deps.zone),
            }),
            t("button-confirm-move"),
            "move",
          );
          if (outcome === "done") return;
          if (outcome === "again") break;
          const now = await conversation.now();
          const ref = moveRef!;
          const result = await conversation.external(() => deps.moveBooking(telegramId, ref, start, now, moveId));
          if (!result.ok) {
            if (result.reason === "slot-taken") {
              prompt.notice = t("booking-slot-taken");
              draft.alsoBusy = [...draft.alsoBusy, ...result.taken];
              backTo("time");
              break;
            }
            await prompt.close(changeRefusalText(prompt.current, result.reason, deps));
            return;
          }
          const after = result.after;
          await prompt.close(
            t("move-done", {
              service: serviceName(),
              from: formatDateTime(result.before.start, language, deps.zone),
              to: formatDateTime(after.start, language, deps.zone),
              address: deps.business.address,
            }),
          );
          await sendCalendarFile(after);
          await conversation.external(() => deps.notifyAdminsMoved(result.before, after));
          return;
        }
      }
    }
  };
}

/** The customer-facing reason a booking cannot be cancelled or moved. */
export function changeRefusalText(
  ctx: { t: ConversationContext["t"] },
  reason: "not-found" | "not-active" | "past-cutoff",
  deps: Pick<BookingFlowDeps, "business" | "cancellationCutoffHours">,
): string {
  if (reason === "past-cutoff") {
    return ctx.t("change-past-cutoff", {
      hours: deps.cancellationCutoffHours,
      phone: deps.business.phone,
      email: deps.business.email,
    });
  }
  return ctx.t(reason === "not-found" ? "change-not-found" : "change-not-active");
}
