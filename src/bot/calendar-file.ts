import { InputFile } from "grammy";
import type { BusinessProfile } from "../config.js";
import type { Language } from "../domain/enums.js";
import { bookingUid, buildIcs } from "../domain/ics.js";
import type { BookingView } from "../services/booking-view.js";
import { localDate } from "./format.js";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The calendar file sent to the customer for a booking (B5, B7, A2): the appointment when it is
 * booked or moved, its cancellation when it is cancelled. Every file about one booking carries
 * the same UID and the booking's current `icsSequence`, so a calendar app updates or removes the
 * event it already holds instead of adding another. `t` translates into `language`.
 */
export function calendarFile(
  booking: BookingView,
  kind: "booked" | "cancelled",
  language: Language,
  t: Translate,
  config: { zone: string; business: BusinessProfile },
): { file: InputFile; caption: string } {
  const { business } = config;
  const cancelled = kind === "cancelled";
  const ics = buildIcs({
    uid: bookingUid(booking.ref),
    sequence: booking.icsSequence,
    cancelled,
    start: booking.start,
    end: booking.end,
    title: `${booking.serviceName[language]} – ${business.name}`,
    description: cancelled ? t("ics-cancelled-description") : t("ics-description", { phone: business.phone, email: business.email }),
    location: business.address,
    organizerName: business.name,
    organizerEmail: business.email,
  });
  const name = `${cancelled ? "cancellation" : "booking"}-${localDate(booking.start, config.zone)}.ics`;
  return { file: new InputFile(Buffer.from(ics, "utf8"), name), caption: t(cancelled ? "ics-cancel-caption" : "booking-ics-caption") };
}
