import type { I18n } from "@grammyjs/i18n";
import type { Api, InlineKeyboard } from "grammy";
import type { Config } from "../config.js";
import type { Language } from "../domain/enums.js";
import type { Logger } from "../logger.js";
import type { BookingView } from "../services/booking-view.js";
import type { Cancellation } from "../services/bookings.js";
import type { Services } from "../services/index.js";
import type { BotContext } from "./context.js";
import { formatDateTime } from "./format.js";
import { adminBookingKeyboard } from "./keyboards.js";

/**
 * Messages to every admin about bookings made, cancelled and moved (B5, B7, A2): customer name,
 * service and time, in the admin's own language. Contact details are never included. A failure
 * for one admin is logged and does not affect the others or the customer.
 */
export function createAdminNotifier(api: Api, i18n: I18n<BotContext>, config: Config, services: Services, logger: Logger) {
  // The practitioners' languages, looked up at most once a minute: a notification follows every
  // booking, and a language changed elsewhere shows in the next minute's.
  const languages = new Map<number, { language: Language; until: number }>();
  async function languageOf(adminId: number): Promise<Language> {
    const known = languages.get(adminId);
    if (known && known.until > performance.now()) return known.language;
    const language = (await services.languageOf(adminId)) ?? config.defaultLanguage;
    languages.set(adminId, { language, until: performance.now() + 60_000 });
    return language;
  }
  async function toEveryAdmin(
    subjectId: string,
    render: (language: Language) => string,
    buttons?: (language: Language) => InlineKeyboard,
    except?: number,
  ): Promise<void> {
    await Promise.all(
      config.adminIds.filter((adminId) => adminId !== except).map(async (adminId) => {
        const language = await languageOf(adminId);
        try {
          await api.sendMessage(adminId, render(language), buttons ? { reply_markup: buttons(language) } : {});
        } catch (error) {
          logger.warn({ err: error, subjectId }, "could not notify an admin");
        }
      }),
    );
  }
  const when = (instant: number, language: Language) => formatDateTime(instant, language, config.timeZone);
  const name = (b: BookingView) => `${b.customerFirstName} ${b.customerLastName}`;
  /** The same actions as in /today (A2): contact details only on a press (audit-logged). */
  const actions = (b: BookingView) => (l: Language) => adminBookingKeyboard((key) => i18n.t(l, key), b.id);

  return {
    booked: (b: BookingView) =>
      toEveryAdmin(
        b.id,
        (l) => i18n.t(l, "admin-new-booking", { name: name(b), service: b.serviceName[l], when: when(b.start, l) }),
        actions(b),
      ),
    /**
     * Every cancellation, whoever made it (B7, A2, P7): each practitioner is told, except the
     * one who made it (she knows; the others learn it was the practice). An erasure's text names
     * no one.
     */
    cancelled: ({ booking: b, actor }: Cancellation) => {
      const key =
        actor.kind === "customer" ? "admin-cancelled-booking" : actor.kind === "erasure" ? "admin-erased-booking" : "admin-cancelled-by-admin";
      return toEveryAdmin(
        b.id,
        (l) => i18n.t(l, key, { name: name(b), service: b.serviceName[l], when: when(b.start, l) }),
        undefined,
        actor.kind === "admin" ? actor.telegramId : undefined,
      );
    },
    dataRequest: (dueAt: number) =>
      toEveryAdmin("data-request", (l) => i18n.t(l, "admin-data-request", { due: when(dueAt, l) })),
    moved: (before: BookingView, after: BookingView) =>
      toEveryAdmin(after.id, (l) =>
        i18n.t(l, "admin-moved-booking", {
          name: name(after),
          service: after.serviceName[l],
          from: when(before.start, l),
          to: when(after.start, l),
        }),
        actions(after),
      ),
    /** A freed time was booked from the waitlist (W4). */
    bookedFromWaitlist: (b: BookingView) =>
      toEveryAdmin(
        b.id,
        (l) => i18n.t(l, "admin-waitlist-booked", { name: name(b), service: b.serviceName[l], when: when(b.start, l) }),
        actions(b),
      ),
    /** A booking was moved to a freed time from the waitlist (W4). */
    movedFromWaitlist: (before: BookingView, after: BookingView) =>
      toEveryAdmin(
        after.id,
        (l) => i18n.t(l, "admin-waitlist-moved", { name: name(after), service: after.serviceName[l], from: when(before.start, l), to: when(after.start, l) }),
        actions(after),
      ),
  };
}

export type AdminNotifier = ReturnType<typeof createAdminNotifier>;
