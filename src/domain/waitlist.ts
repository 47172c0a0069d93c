import { DateTime } from "luxon";

/** Parts of the day a waitlist entry may ask for; "any" is the whole day. */
export const DAY_PARTS = ["any", "morning", "afternoon", "evening"] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/**
 * The local hours each part of the day covers, by a time's start: [from, to) in hours. The one
 * place they are defined (the picker's labels say the same hours through the locales).
 */
export const DAY_PART_HOURS: Record<Exclude<DayPart, "any">, { from: number; to: number }> = {
  morning: { from: 0, to: 12 },
  afternoon: { from: 12, to: 17 },
  evening: { from: 17, to: 24 },
};

/** True when a time starting at `start` is in `part` of its local day. */
export function inDayPart(start: number, part: DayPart, zone: string): boolean {
  if (part === "any") return true;
  const hour = DateTime.fromMillis(start, { zone }).hour;
  const { from, to } = DAY_PART_HOURS[part];
  return hour >= from && hour < to;
}

/** The local day `days` after `day` (yyyy-mm-dd). */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: "UTC" }).plus({ days }).toISODate() ?? day;
}

/** The instant a waitlist entry for days up to `toDay` expires: the end of that local day. */
export function endOfDay(day: string, zone: string): number {
  return DateTime.fromISO(day, { zone }).plus({ days: 1 }).startOf("day").toMillis();
}

/** A typed date: "1.12.", "1.12.2026" or "2026-12-01"; without a year, the next such date from `today`. */
function parseDate(raw: string, today: string): string | undefined {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const fi = /^(\d{1,2})\.(\d{1,2})\.?(\d{4})?$/.exec(text);
  const [year, month, day] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : fi ? [fi[3] ? Number(fi[3]) : undefined, Number(fi[2]), Number(fi[1])] : [];
  if (month === undefined || day === undefined) return undefined;
  const thisYear = Number(today.slice(0, 4));
  const date = DateTime.fromObject({ year: year ?? thisYear, month, day }, { zone: "UTC" });
  if (!date.isValid) return undefined;
  const value = date.toISODate() ?? undefined;
  if (year === undefined && value !== undefined && value < today) return date.plus({ years: 1 }).toISODate() ?? undefined;
  return value;
}

/**
 * A typed day or range of days for a waitlist entry ("1.12.", "1.12.–5.12.", "2026-12-01 - 2026-12-05"):
 * [from, to], or undefined when it is not one, ends before it starts or ends before `today`.
 */
export function parseDayRange(text: string, today: string): { fromDay: string; toDay: string } | undefined {
  const parts = text.split(/\s*[–—]\s*|\s+-\s+|(?<=\.)-(?=\d)/);
  if (parts.length > 2) return undefined;
  const fromDay = parseDate(parts[0] ?? "", today);
  const toDay = parts.length === 2 ? parseDate(parts[1] ?? "", today) : fromDay;
  if (!fromDay || !toDay || toDay < fromDay || toDay < today) return undefined;
  return { fromDay, toDay };
}
