import { DateTime } from "luxon";
import type { Language } from "../domain/enums.js";

/**
 * Dates, times, amounts and lists as each of our languages writes them in Finland. Every date or
 * time a person reads goes through this module, so one test pins the conventions:
 *
 * | | fi | sv | en |
 * | --- | --- | --- | --- |
 * | day button | ti 1.12. | tis 1.12. | Tue 1 Dec |
 * | day | ti 1.12.2026 | tis 1.12.2026 | Tue 1 Dec 2026 |
 * | date (receipts) | 1.12.2026 | 1.12.2026 | 1 Dec 2026 |
 * | time | 9.00 | 9.00 | 09:00 |
 * | date and time | ti 1.12.2026 klo 9.00 | tis 1.12.2026 kl. 9.00 | Tue 1 Dec 2026 at 09:00 |
 *
 * Intl's own patterns are not used for whole dates: they put Finnish long dates in the essive
 * ("tiistaina"), drop "kl." and the final dot of short dates in Finland-Swedish, and change between
 * ICU versions. Only the names of weekdays, months, countries and list words come from Intl.
 */

/** The locale whose names and number conventions each of our languages uses. */
export const INTL_LOCALE: Record<Language, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** The word before the clock time in a date and time ("klo 9.00"): part of the date convention, not a sentence. */
const CLOCK_WORD: Record<Language, string> = { fi: "klo", sv: "kl.", en: "at" };

const cache = new Map<string, unknown>();
/** One value per key: building Intl formatters is costly, and day buttons are redrawn on every step. */
function cached<T>(key: string, build: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/** Short weekday names, Monday first ("ma", "mån", "Mon"). */
const labels = new Map<string, string>();
/**
 * The texts below are pure functions of their arguments and the same ones come back on every
 * step of a flow (its replay redraws the day and time buttons): each is made once. Bounded: the
 * map starts over past this many.
 */
function label(key: string, make: () => string): string {
  let value = labels.get(key);
  if (value === undefined) {
    if (labels.size >= 20_000) labels.clear();
    value = make();
    labels.set(key, value);
  }
  return value;
}

function weekdayNames(language: Language): string[] {
  return cached(`weekdays ${language}`, () => {
    const format = new Intl.DateTimeFormat(INTL_LOCALE[language], { weekday: "short", timeZone: "UTC" });
    // 2026-11-30 is a Monday.
    return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2026, 10, 30 + i, 12)));
  });
}

/** Short month names for English dates ("Dec"). */
function monthNames(language: Language): string[] {
  return cached(`months ${language}`, () => {
    const format = new Intl.DateTimeFormat(INTL_LOCALE[language], { month: "short", timeZone: "UTC" });
    return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2026, i, 1, 12)));
  });
}

function calendarDay(isoDate: string): DateTime {
  return DateTime.fromISO(isoDate, { zone: "UTC" });
}

function weekday(dt: DateTime, language: Language): string {
  return weekdayNames(language)[dt.weekday - 1]!;
}

/** "1.12.2026" / "1 Dec 2026"; without the year "1.12." / "1 Dec". */
function numericDate(dt: DateTime, language: Language, withYear: boolean): string {
  if (language === "en") return `${dt.day} ${monthNames(language)[dt.month - 1]!}${withYear ? ` ${dt.year}` : ""}`;
  return `${dt.day}.${dt.month}.${withYear ? dt.year : ""}`;
}

/** A day button's label for a calendar date (yyyy-mm-dd): "ti 1.12.", "tis 1.12.", "Tue 1 Dec". */
export function formatDayShort(isoDate: string, language: Language): string {
  return label(`ds ${isoDate} ${language}`, () => {
    const dt = calendarDay(isoDate);
    return `${weekday(dt, language)} ${numericDate(dt, language, false)}`;
  });
}

/** A calendar date (yyyy-mm-dd) with its weekday: "ti 1.12.2026", "tis 1.12.2026", "Tue 1 Dec 2026". */
export function formatDay(isoDate: string, language: Language): string {
  return label(`d ${isoDate} ${language}`, () => {
    const dt = calendarDay(isoDate);
    return `${weekday(dt, language)} ${numericDate(dt, language, true)}`;
  });
}

/** The date of an instant in the practice's zone, as on a receipt: "1.12.2026", "1 Dec 2026". */
export function formatDate(instant: number, language: Language, zone: string): string {
  return numericDate(DateTime.fromMillis(instant, { zone }), language, true);
}

/** A wall-clock time "HH:MM" (as opening hours are stored): "9.00" in fi and sv, "09:00" in en. */
export function formatClock(hhmm: string, language: Language): string {
  const [hours = "0", minutes = "00"] = hhmm.split(":");
  return language === "en" ? `${hours.padStart(2, "0")}:${minutes}` : `${Number(hours)}.${minutes}`;
}

/** The time of an instant in the practice's zone: "9.00", "09:00". */
export function formatTime(instant: number, language: Language, zone: string): string {
  return label(`t ${instant} ${language} ${zone}`, () => formatClock(DateTime.fromMillis(instant, { zone }).toFormat("HH:mm"), language));
}

/** From one time to another on the same day: "9.00–10.00". */
export function formatTimeRange(start: number, end: number, language: Language, zone: string): string {
  return `${formatTime(start, language, zone)}–${formatTime(end, language, zone)}`;
}

/** Date and time of an instant in the practice's zone: "ti 1.12.2026 klo 9.00", "tis 1.12.2026 kl. 9.00", "Tue 1 Dec 2026 at 09:00". */
export function formatDateTime(instant: number, language: Language, zone: string): string {
  return label(`dt ${instant} ${language} ${zone}`, () => {
    const dt = DateTime.fromMillis(instant, { zone });
    return `${weekday(dt, language)} ${numericDate(dt, language, true)} ${CLOCK_WORD[language]} ${formatTime(instant, language, zone)}`;
  });
}

/** The local date (yyyy-mm-dd) of an instant in the practice's zone. */
export function localDate(instant: number, zone: string): string {
  return label(`ld ${instant} ${zone}`, () => DateTime.fromMillis(instant, { zone }).toISODate() ?? "");
}

/** Euro amount from cents: "55,00 €" (fi, sv), "€55.00" (en). */
export function formatPrice(cents: number, language: Language): string {
  const format = cached(`price ${language}`, () => new Intl.NumberFormat(INTL_LOCALE[language], { style: "currency", currency: "EUR" }));
  return format.format(cents / 100);
}

/** A number that is not a count, with the language's decimal sign: a VAT rate "25,5" (fi, sv), "25.5" (en). */
export function formatDecimal(value: number, language: Language): string {
  const format = cached(`decimal ${language}`, () => new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 2 }));
  return format.format(value);
}

/** A share (0–1) as a whole percentage: "13 %" (fi, sv), "13%" (en). */
export function formatPercent(share: number, language: Language): string {
  const format = cached(`percent ${language}`, () => new Intl.NumberFormat(INTL_LOCALE[language], { style: "percent", maximumFractionDigits: 0 }));
  return format.format(share);
}

/** Items joined as the language lists them: "a, b ja c", "a, b och c", "a, b and c". */
export function formatList(items: string[], language: Language): string {
  const format = cached(`list ${language}`, () => new Intl.ListFormat(INTL_LOCALE[language], { type: "conjunction" }));
  return format.format(items);
}

/** A country's name from its ISO 3166 code, in the language: "FI" → "Suomi", "Finland". */
export function formatCountry(code: string, language: Language): string {
  const names = cached(`regions ${language}`, () => new Intl.DisplayNames(INTL_LOCALE[language], { type: "region" }));
  return names.of(code) ?? code;
}

/** A language's name from its code, in the reader's language: "sv" → "ruotsi", "svenska", "Swedish". */
export function formatLanguage(code: string, language: Language): string {
  const names = cached(`languages ${language}`, () => new Intl.DisplayNames(INTL_LOCALE[language], { type: "language" }));
  return names.of(code) ?? code;
}
