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
