import type { Interval } from "../../domain/availability.js";
import type { BusinessProfile } from "../../config.js";
import { newIdentity, type BookingRequest, type BookingResult } from "../../services/booking.js";
import type { BookingView } from "../../services/booking-view.js";
import type { SlotQuery } from "../../services/slots.js";
import type { ServiceView } from "../../services/catalog.js";
import type { ConsentState } from "../../services/consents.js";
import type { BookingProfile } from "../../services/customers.js";
import type { ChangeCheck, MoveResult } from "../../services/manage-booking.js";
import { calendarFile } from "../calendar-file.js";
import type { ConversationContext } from "../context.js";
import { formatDateTime, formatDay, formatList, formatPrice, localDate } from "../format.js";
import { BACK, buttonCodec, Flow, Known, Steps, type Back, type FlowConversation } from "./flow.js";
import type { JoinResult, WaitlistWish } from "../../services/waitlist.js";
import {
  NO_DAYS,
  WAITLIST,
  acknowledgePrivacy,
  confirm,
  pickConsents,
  pickContactDetails,
  pickDay,
  pickService,
  pickTime,
  pickWaitlistWish,
  type ContactDetails,
} from "./pickers.js";

/** Identifiers under which the booking and move conversations are registered and entered. */
export const BOOKING_CONVERSATION = "booking";
export const MOVE_CONVERSATION = "move";

/**
 * A booking started from a waitlist offer (W2): the service and time are given, so the flow
 * starts at the contact details; the ordinary claim decides who of those offered gets it.
 */
export interface WaitlistPreset {
  entryId: string;
  serviceId: string;
  start: number;
}

/**
 * A move started from a waitlist offer made for an entry to move this booking (W1, W2): the new
 * time is given, so the flow starts at the move's summary.
 */
export interface MoveWaitlistPreset {
  entryId: string;
  start: number;
}

/** The booking and move flows' buttons. */
export const bookingButtons = buttonCodec("bk");

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
  /** Puts the customer on the waitlist (W1). */
  joinWaitlist(telegramId: number, wish: WaitlistWish, now: number): Promise<JoinResult>;
  /** A booking was made from a waitlist offer: the entry is done and the practitioner is told (W4). */
  bookedFromWaitlist(entryId: string, booking: BookingView): Promise<void>;
  /** A booking was moved to a time offered from the waitlist: the entry is done and the practitioner is told (W4). */
  movedFromWaitlist(entryId: string, before: BookingView, after: BookingView): Promise<void>;
  /** Tell every admin about a new or moved booking; they never throw. */
  notifyAdminsBooked(booking: BookingView): Promise<void>;
  notifyAdminsMoved(before: BookingView, after: BookingView): Promise<void>;
}

/**
 * The booking conversation (B3): service → day → time → contact details → privacy notice (first
 * booking) → marketing consents (first time) → summary → confirm. Every step has Back and Cancel;
 * typed text where a button is expected, stickers, stale or forged buttons are answered and the
 * step stays where it was (Flow.ask).
 */
export function createBookingConversation(deps: BookingFlowDeps) {
  return async function booking(conversation: FlowConversation, ctx: ConversationContext, preset?: WaitlistPreset): Promise<void> {
    const telegramId = ctx.from?.id;
    if (telegramId === undefined) return;
    const f = new Flow(conversation, ctx, bookingButtons, { cancelled: "booking-cancelled", commandInFlow: "booking-command-in-flow" });
    const t = ctx.t;
    const language = ctx.language;
    const services = await conversation.external(() => deps.listServices());
    if (services.length === 0) return f.close(t("booking-no-services"));
    const offered = preset && services.find((s) => s.id === preset.serviceId);
    if (preset && !offered) return f.close(t("waitlist-offer-gone"));

    const joinWaitlist = (service: ServiceView, day: string | undefined, text: string) =>
      askToWait(f, deps, telegramId, { serviceId: service.id }, day, text);
    const profile = await conversation.external(() => deps.bookingProfile(telegramId));

    // Time lost to others in this flow, left out of the times shown even before the calendar shows it.
    let alsoBusy: Interval[] = [];
    const query = (service: ServiceView): SlotQuery => ({ serviceId: service.id, ...(alsoBusy.length > 0 ? { alsoBusy } : {}) });
    // After a new time is picked, contact details, notice and consents given earlier in this flow
    // are kept: the flow goes straight to the summary.
    let keepContact = false;
    let contactGiven = false;
    let mustAcknowledge = !profile.privacyAcknowledged;
    let jumpTo: "service" | "start" | "privacy" | undefined;
    const kept = <V>(previous: V | undefined, direction: "forward" | "back"): Known<V> | undefined =>
      keepContact && direction === "forward" && previous !== undefined ? new Known(previous) : undefined;

    const answers = await Steps.start()
      .then("service", () => (offered ? Promise.resolve(new Known(offered)) : pickService(f, services, false)))
      .then("day", async (a) => {
        if (preset) return new Known(localDate(preset.start, deps.zone));
        for (;;) {
          const day = await pickDay(f, deps, query(a.service), a.service.name[language], { waitlist: true });
          // No free day at all: waiting for one is the way forward (Back returns to the services).
          if (day === NO_DAYS) return joinWaitlist(a.service, undefined, t("waitlist-no-days"));
          if (day !== WAITLIST) return day;
          if ((await joinWaitlist(a.service, undefined, t("waitlist-ask-days"))) === BACK) continue;
        }
      })
      .then("start", async (a) => {
        if (preset) return new Known(preset.start);
        for (;;) {
          const start = await pickTime(f, deps, query(a.service), a.day, a.service.name[language], deps.zone, { waitlist: true });
          if (start === "full") {
            f.notice = t("booking-day-full");
            return BACK;
          }
          if (start === WAITLIST) {
            await joinWaitlist(a.service, a.day, t("waitlist-ask-days"));
            continue;
          }
          keepContact = contactGiven;
          return start;
        }
      })
      .then("details", async (_a, previous: ContactDetails | undefined, direction) => {
        const details = kept(previous, direction) ?? (await pickContactDetails(f, profile));
        if (details !== BACK) contactGiven = true;
        return details;
      })
      .then("privacy", async (_a, previous: true | undefined, direction) =>
        !mustAcknowledge ? new Known(true as const) : (kept(previous, direction) ?? acknowledgePrivacy(f, deps.business.name)),
      )
      .then("consents", async (a, previous: ConsentState | undefined, direction) =>
        profile.consentsAsked
          ? new Known(profile.consents)
          : (kept(previous, direction) ?? pickConsents(f, profile.consents, a.details.phone !== undefined, deps.business.name)),
      )
      .then("booked", async (a) => {
        // The booking's identity is fixed before its Confirm button is shown and kept in the
        // flow's saved state: this summary confirmed twice (a press repeated after a crash) finds
        // the booking the first press made.
        const bookingId = await conversation.external(() => newIdentity());
        const chosen = () => (["telegram", "email", "sms"] as const).filter((c) => a.consents[c]).map((c) => t(`channel-${c}`));
        const confirmed = await confirm(
          f,
          () => t("booking-summary", {
            service: a.service.name[language],
            when: formatDateTime(a.start, language, deps.zone),
            duration: a.service.durationMinutes,
            price: formatPrice(a.service.priceCents, language),
            address: deps.business.address,
            name: `${a.details.firstName} ${a.details.lastName}`,
            email: a.details.email,
            phone: a.details.phone ?? t("value-none"),
            marketing: chosen().length > 0 ? formatList(chosen(), language) : t("value-none"),
          }),
          t("button-confirm"),
        );
        if (confirmed === BACK) return BACK;
        const now = await conversation.now();
        const request: BookingRequest = {
          bookingId,
          telegramId,
          serviceId: a.service.id,
          start: a.start,
          now,
          privacyAcknowledged: !mustAcknowledge || a.privacy,
          details: { firstName: a.details.firstName, lastName: a.details.lastName, email: a.details.email, ...(a.details.phone ? { phone: a.details.phone } : {}) },
          ...(profile.consentsAsked ? {} : { marketing: a.consents }),
        };
        const result = await conversation.external(() => deps.book(request));
        if (result.ok) return result.booking;
        if (preset && result.reason !== "privacy-not-acknowledged") {
          // An offered time someone else confirmed first: the entry stays for the next one.
          await f.close(t("waitlist-offer-gone"));
          return conversation.halt();
        }
        if (result.reason === "slot-taken") {
          f.notice = t("booking-slot-taken");
          alsoBusy = [...alsoBusy, ...result.taken];
          jumpTo = "start";
        } else if (result.reason === "privacy-not-acknowledged") {
          mustAcknowledge = true;
          jumpTo = "privacy";
        } else {
          f.notice = t("booking-option-unavailable");
          jumpTo = "service";
        }
        return new Known(undefined);
      })
      .run({
        jump: () => {
          const target = jumpTo;
          jumpTo = undefined;
          if (target === "privacy") keepContact = false;
          return target;
        },
      });
    const booked = answers?.booked;
    if (!answers || !booked) return f.cancel();
    await f.close(
      t("booking-confirmed", {
        service: answers.service.name[language],
        when: formatDateTime(booked.start, language, deps.zone),
        duration: booked.durationMinutes,
        price: formatPrice(booked.priceCents, language),
        address: deps.business.address,
        business: deps.business.name,
        phone: deps.business.phone,
        email: deps.business.email,
      }),
    );
    const { file, caption } = calendarFile(booked, "booked", language, t, deps);
    await f.prompt.current.replyWithDocument(file, { caption });
    if (preset) await conversation.external(() => deps.bookedFromWaitlist(preset.entryId, booked));
    else await conversation.external(() => deps.notifyAdminsBooked(booked));
  };
}

/**
 * Asks which days (and part of the day) to wait for, saves the waitlist entry (W1) — for a new
 * booking of a service, or to move a booking — and ends the flow with what was saved; BACK when
 * the customer goes back to look at the times again.
 */
async function askToWait(
  f: Flow,
  deps: Pick<BookingFlowDeps, "zone" | "joinWaitlist">,
  telegramId: number,
  target: { serviceId: string } | { moveRef: string },
  day: string | undefined,
  text: string,
): Promise<Back> {
  const { conversation, t, language } = f;
  const today = localDate(await conversation.now(), deps.zone);
  const wish = await pickWaitlistWish(f, today, day, text);
  if (wish === BACK) return BACK;
  const now = await conversation.now();
  const result = await conversation.external(() => deps.joinWaitlist(telegramId, { ...target, ...wish }, now));
  if (!result.ok) {
    await f.close(t(result.reason === "too-many" ? "waitlist-too-many" : "booking-option-unavailable"));
    return conversation.halt();
  }
  const { entry } = result;
  const vars = {
    service: entry.serviceName[language],
    from: formatDay(entry.fromDay, language),
    to: formatDay(entry.toDay, language),
    part: t(`waitlist-part-${entry.part}`),
  };
  await f.close(
    entry.moving === undefined ? t("waitlist-joined", vars) : t("waitlist-joined-move", { ...vars, current: formatDateTime(entry.moving, language, deps.zone) }),
  );
  return conversation.halt();
}

/**
 * The move conversation (B7), entered with a booking's reference: day → time → the change
 * summarised → confirm; the same pickers and safeguards as booking. Where no day or time suits,
 * the customer can wait for one (W1): the booking stands, and a time offered later moves it. From
 * such an offer (`preset`) the flow starts at the summary.
 */
export function createMoveConversation(deps: BookingFlowDeps) {
  return async function move(conversation: FlowConversation, ctx: ConversationContext, ref: string, preset?: MoveWaitlistPreset): Promise<void> {
    const telegramId = ctx.from?.id;
    if (telegramId === undefined) return;
    const f = new Flow(conversation, ctx, bookingButtons, { cancelled: "move-cancelled", commandInFlow: "booking-command-in-flow" });
    const t = ctx.t;
    const language = ctx.language;
    const now = await conversation.now();
    const check = await conversation.external(() => deps.checkChangeable(telegramId, ref, now));
    if (!check.ok) return f.close(changeRefusalText(ctx, check.reason, deps));
    const moving = check.booking;
    const serviceName = moving.serviceName[language];
    let alsoBusy: Interval[] = [];
    const query = (): SlotQuery => ({ telegramId, ref, ...(alsoBusy.length > 0 ? { alsoBusy } : {}) });
    let lost = false;
    const current = formatDateTime(moving.start, language, deps.zone);
    const wait = (day: string | undefined, text: string) => askToWait(f, deps, telegramId, { moveRef: ref }, day, text);

    const answers = await Steps.start()
      .then("day", async () => {
        if (preset) return new Known(localDate(preset.start, deps.zone));
        for (;;) {
          const day = await pickDay(f, deps, query(), serviceName, { waitlist: true });
          // No other free day: waiting for one is the way forward (Back leaves the booking as it is).
          if (day === NO_DAYS) return wait(undefined, t("waitlist-move-no-days", { current }));
          if (day !== WAITLIST) return day;
          await wait(undefined, t("waitlist-move-ask-days", { current }));
        }
      })
      .then("start", async (a) => {
        if (preset) return new Known(preset.start);
        for (;;) {
          const start = await pickTime(f, deps, query(), a.day, serviceName, deps.zone, { waitlist: true });
          if (start === WAITLIST) {
            await wait(a.day, t("waitlist-move-ask-days", { current }));
            continue;
          }
          if (start !== "full") return start;
          f.notice = t("booking-day-full");
          return BACK;
        }
      })
      .then("moved", async (a) => {
        // As for a new booking: a move confirmed again after a crash is recognised as done.
        const moveId = await conversation.external(() => newIdentity());
        const confirmed = await confirm(
          f,
          () => t("move-summary", {
            service: serviceName,
            from: formatDateTime(moving.start, language, deps.zone),
            to: formatDateTime(a.start, language, deps.zone),
          }),
          t("button-confirm-move"),
        );
        if (confirmed === BACK) return BACK;
        const at = await conversation.now();
        const result = await conversation.external(() => deps.moveBooking(telegramId, ref, a.start, at, moveId));
        if (result.ok) return result;
        if (result.reason !== "slot-taken") {
          await f.close(changeRefusalText(f.prompt.current, result.reason, deps));
          return conversation.halt();
        }
        if (preset) {
          // An offered time someone else confirmed first: the booking and the entry stay.
          await f.close(t("waitlist-offer-gone-move"));
          return conversation.halt();
        }
        f.notice = t("booking-slot-taken");
        alsoBusy = [...alsoBusy, ...result.taken];
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
    await f.close(
      t("move-done", {
        service: serviceName,
        from: formatDateTime(result.before.start, language, deps.zone),
        to: formatDateTime(result.after.start, language, deps.zone),
        address: deps.business.address,
      }),
    );
    const { file, caption } = calendarFile(result.after, "booked", language, t, deps);
    await f.prompt.current.replyWithDocument(file, { caption });
    if (preset) await conversation.external(() => deps.movedFromWaitlist(preset.entryId, result.before, result.after));
    else await conversation.external(() => deps.notifyAdminsMoved(result.before, result.after));
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
