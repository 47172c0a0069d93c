import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Language } from "../domain/enums.js";
import type { Logger } from "../logger.js";
import type { AdminCancellation } from "../services/admin.js";
import type { BookingView } from "../services/booking-view.js";
import type { Services } from "../services/index.js";
import { createChatMessenger } from "./booking-messages.js";
import { calendarFile } from "./calendar-file.js";
import type { BotContext } from "./context.js";
import { formatDateTime } from "./format.js";
import type { AdminNotifier } from "./notify.js";

/**
 * What a customer is told of a change the practice made to their booking, in their language and
 * with a calendar file: a cancellation (a booking's Cancel, /off, erasure, the Mini App) and a
 * move (A12). A customer not on Telegram, or who never started the bot, is not told; a failed
 * send is logged by booking id only and the change stands.
 */
export function createCustomerMessages(
  api: Api,
  i18n: I18n<BotContext>,
  config: Pick<Config, "timeZone" | "business">,
  services: Pick<Services, "admin">,
  notifier: Pick<AdminNotifier, "cancelled">,
  logger: Logger,
) {
  const settings = { zone: config.timeZone, business: config.business };
  const chatMessages = createChatMessenger(api, i18n, settings, logger);

  /** The practice cancelled: the customer gets the reason and a calendar file withdrawing the event (A2, B7). */
  const tellCustomer = async (cancellation: AdminCancellation, reason: (language: Language) => string) => {
    const { customerTelegramId: chat, customerLanguage: l, booking } = cancellation;
    if (!chat || !l) return;
    const text = i18n.t(l, "customer-cancelled-by-practice", {
      when: formatDateTime(booking.start, l, config.timeZone),
      service: booking.serviceName[l],
      reason: reason(l),
      phone: config.business.phone,
    });
    const { file, caption } = calendarFile(booking, "cancelled", l, (key, vars) => i18n.t(l, key, vars), settings);
    try {
      await api.sendMessage(chat, text);
      await api.sendDocument(chat, file, { caption });
    } catch (error) {
      logger.warn({ err: error, bookingId: booking.id }, "could not tell a customer");
    }
  };

  return {
    /**
     * Every cancellation by the practice, from a booking's Cancel or /off alike: the customer is
     * told (`reason` in their language), then the practitioners (the notifier leaves out the one
     * who cancelled).
     */
    tellCustomerCancelled: async (cancellation: AdminCancellation, reason: (language: Language) => string): Promise<void> => {
      await tellCustomer(cancellation, reason);
      await notifier.cancelled(cancellation);
    },

    /** The practitioner moved a booking: the customer gets the old and new time and a new calendar file. */
    tellCustomerMoved: async (bookingId: string, before: BookingView, after: BookingView): Promise<void> => {
      const customer = await services.admin.bookingCustomerChat(bookingId);
      if (!customer) return;
      const l = customer.language;
      const text = i18n.t(l, "webapp-moved-by-practice", {
        service: after.serviceName[l],
        from: formatDateTime(before.start, l, config.timeZone),
        to: formatDateTime(after.start, l, config.timeZone),
        address: config.business.address,
        phone: config.business.phone,
      });
      await chatMessages.moved(customer.telegramId, l, before, after, text);
    },
  };
}

export type CustomerMessages = ReturnType<typeof createCustomerMessages>;
