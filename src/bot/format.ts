import { DateTime } from "luxon";
import type { Language } from "../config.js";

/** The locale used for dates and numbers in each of our languages (Finnish conventions). */
export const INTL_LOCALE: Record<Language, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date (yyyy-mm-dd) in the short or long style. The date is the same everywhere, so it is
 * formatted at noon UTC in UTC; one Intl formatter per language and style (building one is costly,
 * and the booking flow redraws its day buttons on every step it replays).
 */
function formatDate(isoDate: string, language: Language, style: "short" | "long"): string {
  const key = `${language} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === "short"
        ? { weekday: "short", day: "numeric", month: "numeric" }
        : { weekday: "long", day: "numeric", month: "long", year: "numeric" };
    format = new Intl.DateTimeFormat(INTL_LOCALE[language], { ...options, timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  const [year, month, day] = isoDate.split("-").map(Number);
  return format.format(Date.UTC(year!, month! - 1, day, 12));
}

/** "ti 1.12." style label for a day button. */
export function formatDayShort(isoDate: string, language: Language): string {
  return formatDate(isoDate, language, "short");
}

/** "tiistai 1. joulukuuta 2026" style long date. */
export function formatDayLong(isoDate: string, language: Language): string {
  return formatDate(isoDate, language, "long");
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "10.00"/"10:00" style time of an instant in the practice's zone (luxon's TIME_24_SIMPLE, one formatter per language and zone). */
export function formatTime(instant: number, language: Language, zone: string): string {
  const key = `${language} ${zone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[language], { ...DateTime.TIME_24_SIMPLE, timeZone: zone });
    timeFormats.set(key, format);
  }
  return format.format(instant);
}

/** Date and time of an instant in the practice's zone, for summaries and confirmations. */
export function formatDateTime(instant: number, language: Language, zone: string): string {
  const dt = DateTime.fromMillis(instant, { zone });
  return `${formatDayLong(dt.toISODate() ?? "", language)} ${formatTime(instant, language, zone)}`;
}

/** The local date (yyyy-mm-dd) of an instant in the practice's zone. */
export function localDate(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate() ?? "";
}

const priceFormats = new Map<Language, Intl.NumberFormat>();

/** Euro amount from cents, e.g. "55,00 €". (Building an Intl formatter is costly: one per language.) */
export function formatPrice(cents: number, language: Language): string {
  let format = priceFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[language], { style: "currency", currency: "EUR" });
    priceFormats.set(language, format);
  }
  return format.format(cents / 100);
}
