import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { BookingView } from "../services/booking-view.js";
import type { BookedCustomer } from "../services/practice-booking.js";
import { calendarFile } from "./calendar-file.js";
import type { BotContext } from "./context.js";
import { formatDateTime, formatPrice } from "./format.js";

/**
 * What the customer is told of a booking the practitioner made for them (A10): the confirmation
 * and the calendar file, in their language, when they are linked to Telegram. A customer who is
 * not is told by the practice itself ("not-on-telegram"); a failed send is logged and reported, and
 * the booking stands either way.
 */
export function createOnBehalfMessages(api: Api, i18n: I18n<BotContext>, config: Config, logger: Logger) {
  return {
    async confirmToCustomer(booking: BookingView, customer: BookedCustomer): Promise<"sent" | "not-on-telegram" | "failed"> {
      if (customer.telegramId === undefined) return "not-on-telegram";
      const l = customer.language;
      const t = (key: string, vars?: Record<string, string | number>) => i18n.t(l, key, vars);
      const text = t("booking-confirmed-by-practice", {
        service: booking.serviceName[l],
        when: formatDateTime(booking.start, l, config.timeZone),
        duration: booking.durationMinutes,
        price: formatPrice(booking.priceCents, l),
        address: config.business.address,
        business: config.business.name,
        phone: config.business.phone,
        email: config.business.email,
      });
      const { file, caption } = calendarFile(booking, "booked", l, t, { zone: config.timeZone, business: config.business });
      try {
        await api.sendMessage(customer.telegramId, text);
        await api.sendDocument(customer.telegramId, file, { caption });
        return "sent";
      } catch (error) {
        logger.warn({ err: error, bookingId: booking.id }, "could not tell a customer of a booking made for them");
        return "failed";
      }
    },
  };
}

export type OnBehalfMessages = ReturnType<typeof createOnBehalfMessages>;
