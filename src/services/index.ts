import type { Config } from "../config.js";
import * as booking from "./booking.js";
import * as catalog from "./catalog.js";
import * as customers from "./customers.js";

/**
 * The use cases the bot calls, bound to the practice's settings. Handlers and conversations go
 * through these; none of them touches Mongoose.
 */
export function createServices(config: Config) {
  const settings: booking.BookingSettings = { zone: config.timeZone, rules: config.booking };
  return {
    settings,
    listServices: catalog.listActiveServices,
    availableDays: (serviceId: string, now: number) => booking.availableDays(settings, serviceId, now),
    slotsOnDay: (serviceId: string, day: string, now: number) => booking.slotsOnDay(settings, serviceId, day, now),
    book: (request: booking.BookingRequest) => booking.bookAppointment(settings, request),
    upcomingBookings: booking.upcomingBookings,
    touchCustomer: (telegramId: number, telegramLanguage: string | undefined, now: Date) =>
      customers.touchCustomer(telegramId, telegramLanguage, config.defaultLanguage, now),
    languageOf: customers.languageOf,
    setLanguage: customers.setLanguage,
    bookingProfile: customers.bookingProfile,
  };
}

export type Services = ReturnType<typeof createServices>;
