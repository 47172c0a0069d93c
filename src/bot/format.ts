import { DateTime } from "luxon";
import type { Language } from "../config.js";

/** The locale used for dates and numbers in each of our languages (Finnish conventions). */
export const INTL_LOCALE: Record<Language, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** "ti 1.12." style label for a day button. */
export function formatDayShort(isoDate: string, language: Language, zone: string): string {
  return DateTime.fromISO(isoDate, { zone })
    .setLocale(INTL_LOCALE[language])
    .toLocaleString({ weekday: "short", day: "numeric", month: "numeric" });
}

/** "tiistai 1. joulukuuta 2026" style long date. */
export function formatDayLong(isoDate: string, language: Language, zone: string): string {
  return DateTime.fromISO(isoDate, { zone })
    .setLocale(INTL_LOCALE[language])
    .toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
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
  return `${formatDayLong(dt.toISODate() ?? "", language, zone)} ${formatTime(instant, language, zone)}`;
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
