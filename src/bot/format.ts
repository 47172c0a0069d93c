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

/** "10.00"/"10:00" style time of an instant in the practice's zone. */
export function formatTime(instant: number, language: Language, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).setLocale(INTL_LOCALE[language]).toLocaleString(DateTime.TIME_24_SIMPLE);
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

/** Euro amount from cents, e.g. "55,00 €". */
export function formatPrice(cents: number, language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { style: "currency", currency: "EUR" }).format(cents / 100);
}
