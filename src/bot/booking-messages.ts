import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { BusinessProfile } from "../config.js";
import type { Language } from "../domain/enums.js";
import type { Logger } from "../logger.js";
import type { BookingView } from "../services/booking-view.js";
import { calendarFile } from "./calendar-file.js";
import type { BotContext } from "./context.js";
import { formatDateTime, formatPrice } from "./format.js";

type Translate = (key: string, vars?: Record<string, string | number>) => string;
type Settings = { zone: string; business: BusinessProfile };

/** The confirmation of a new booking (B5), as the chat's booking flow ends with it. */
export function bookedText(t: Translate, language: Language, booking: BookingView, config: Settings): string {
  return t("booking-confirmed", {
    service: booking.serviceName[language],
    when: formatDateTime(booking.start, language, config.zone),
    duration: booking.durationMinutes,
    price: formatPrice(booking.priceCents, language),
    address: config.business.address,
    business: config.business.name,
    phone: config.business.phone,
    email: config.business.email,
  });
}

/** The confirmation of a move (B7). */
export function movedText(t: Translate, language: Language, before: BookingView, after: BookingView, config: Settings): string {
  return t("move-done", {
    service: after.serviceName[language],
    from: formatDateTime(before.start, language, config.zone),
    to: formatDateTime(after.start, language, config.zone),
    address: config.business.address,
  });
}

/** The confirmation of the customer's own cancellation (B7). */
export function cancelledText(t: Translate, language: Language, booking: BookingView, config: Settings): string {
  return t("cancel-done", { when: formatDateTime(booking.start, language, config.zone), service: booking.serviceName[language] });
}

/**
 * Sends a customer, in their chat with the bot, what the chat itself would have shown after a
 * booking, move or cancellation made elsewhere (the Mini App): the same text and the same calendar
 * file, so the chat holds the record either way. A customer who never started the bot cannot be
 * written to; that is logged (by booking id only) and the change stands.
 */
export function createChatMessenger(api: Api, i18n: I18n<BotContext>, config: Settings, logger: Logger) {
  const send = async (chatId: number, language: Language, text: string, booking: BookingView, kind: "booked" | "cancelled") => {
    const t: Translate = (key, vars) => i18n.t(language, key, vars);
    const { file, caption } = calendarFile(booking, kind, language, t, config);
    try {
      await api.sendMessage(chatId, text);
      await api.sendDocument(chatId, file, { caption });
    } catch (error) {
      logger.warn({ err: error, bookingId: booking.id }, "could not write to the customer's chat");
    }
  };
  const translate = (language: Language): Translate => (key, vars) => i18n.t(language, key, vars);
  return {
    booked: (chatId: number, language: Language, booking: BookingView) =>
      send(chatId, language, bookedText(translate(language), language, booking, config), booking, "booked"),
    moved: (chatId: number, language: Language, before: BookingView, after: BookingView, text?: string) =>
      send(chatId, language, text ?? movedText(translate(language), language, before, after, config), after, "booked"),
    cancelled: (chatId: number, language: Language, booking: BookingView) =>
      send(chatId, language, cancelledText(translate(language), language, booking, config), booking, "cancelled"),
  };
}

export type ChatMessenger = ReturnType<typeof createChatMessenger>;
