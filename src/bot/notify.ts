import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { BookingView } from "../services/booking.js";
import type { Services } from "../services/index.js";
import type { BotContext } from "./context.js";
import { formatDateTime } from "./format.js";

/**
 * Tells every admin of a new booking (B5): customer name, service and time, in the admin's own
 * language. Contact details are not included. A failure for one admin is logged and does not
 * affect the others or the customer's booking.
 */
export function createAdminNotifier(api: Api, i18n: I18n<BotContext>, config: Config, services: Services, logger: Logger) {
  return async function notifyAdmins(booking: BookingView): Promise<void> {
    await Promise.all(
      config.adminIds.map(async (adminId) => {
        const language = (await services.languageOf(adminId)) ?? config.defaultLanguage;
        const text = i18n.t(language, "admin-new-booking", {
          name: `${booking.customerFirstName} ${booking.customerLastName}`,
          service: booking.serviceName[language],
          when: formatDateTime(booking.start, language, config.timeZone),
        });
        try {
          await api.sendMessage(adminId, text);
        } catch (error) {
          logger.warn({ err: error, bookingId: booking.id }, "could not notify an admin of a booking");
        }
      }),
    );
  };
}
