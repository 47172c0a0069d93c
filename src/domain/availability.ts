import { DateTime } from "luxon";

/** A half-open interval of UTC instants in epoch milliseconds: [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/** A weekly working interval, as wall-clock "HH:mm" in the practice's zone; weekday 1 = Monday. */
export interface WeeklyInterval {
  weekday: number;
  start: string;
  end: string;
}

/** Time off ("closed") or extra hours ("open"), as UTC instants. */
export interface ScheduleException extends Interval {
  kind: "closed" | "open";
}

/** Everything the slot computation needs; nothing here reads a clock or a database. */
export interface AvailabilityInput {
  /** The current instant, injected so tests can pin it. */
  now: number;
  zone: string;
  weeklyHours: readonly WeeklyInterval[];
  exceptions: readonly ScheduleException[];
  /** Time already taken, each interval including its booking's buffer. */
  busy: readonly Interval[];
  durationMinutes: number;
  bufferAfterMinutes: number;
  granularityMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /**
   * Only starts within this window are wanted (the slot grid is still counted from each open
   * interval's start, so a start is the same whatever the window): the time picker and the check
   * at confirm need one day, not the horizon.
   */
  window?: Interval;
  /** Only each local day's first free start: enough to know which days have free time. */
  firstPerDay?: boolean;
}

const MINUTE = 60_000;
const DAY_MS = 24 * 60 * MINUTE;

function parseHhmm(value: string): { hour: number; minute: number } {
  const [hour, minute] = value.split(":").map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const current of sorted) {
    const last = merged[merged.length - 1];
    if (last && current.start <= last.end) last.end = Math.max(last.end, current.end);
    else merged.push({ start: current.start, end: current.end });
  }
  return merged;
}

/** Removes every part of `from` that any interval in `remove` covers. Both must be merged. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const interval of from) {
    let cursor = interval.start;
    for (const cut of remove) {
      if (cut.end <= cursor || cut.start >= interval.end) continue;
      if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      if (cursor >= interval.end) break;
    }
    if (cursor < interval.end) result.push({ start: cursor, end: interval.end });
  }
  return result;
}

/** True when [a.start, a.end) and [b.start, b.end) share at least one instant. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** One local calendar day in the practice's zone, as UTC instants. */
interface LocalDay {
  /** yyyy-mm-dd */
  date: string;
  start: number;
  /** The next day's start: 23, 24 or 25 hours later. */
  end: number;
  weekday: number;
  /** True when the zone's UTC offset changes within the day (a clock-change day). */
  offsetChanges: boolean;
}

const MAX_CACHED_DAYS = 2_000;
const dayCache = new Map<string, LocalDay>();

/** The local day starting at `start` in `zone`; a calendar fact, so it is kept once worked out. */
function dayStartingAt(start: number, zone: string): LocalDay {
  const key = `${zone} ${start}`;
  let day = dayCache.get(key);
  if (!day) {
    const local = DateTime.fromMillis(start, { zone });
    const next = local.plus({ days: 1 });
    day = { date: local.toISODate() ?? "", start, end: next.toMillis(), weekday: local.weekday, offsetChanges: local.offset !== next.minus(1).offset };
    if (dayCache.size >= MAX_CACHED_DAYS) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}

/** The local day that contains `instant` (one luxon call, then the cache). */
function dayContaining(instant: number, zone: string): LocalDay {
  return dayStartingAt(DateTime.fromMillis(instant, { zone }).startOf("day").toMillis(), zone);
}

const todayCache = new Map<string, LocalDay>();

/**
 * The local days from the date of `now` through `horizonDays` days ahead. Luxon (which asks Intl,
 * some 0.1–0.2 ms a call here) is asked once per calendar day per process; times within an
 * ordinary day are then plain arithmetic from its midnight.
 */
function localDays(now: number, zone: string, horizonDays: number): LocalDay[] {
  let today = todayCache.get(zone);
  if (!today || now < today.start || now >= today.end) {
    today = dayContaining(now, zone);
    todayCache.set(zone, today);
  }
  const days = [today];
  for (let offset = 1; offset <= horizonDays; offset++) days.push(dayStartingAt(days[offset - 1]!.end, zone));
  return days;
}

/** The instant of a wall-clock "HH:mm" on `day` ("24:00" is the next midnight). */
function wallClock(day: LocalDay, hhmm: string, zone: string): number {
  const { hour, minute } = parseHhmm(hhmm);
  if (hour === 24) return day.end;
  if (!day.offsetChanges) return day.start + (hour * 60 + minute) * MINUTE;
  return DateTime.fromMillis(day.start, { zone }).set({ hour, minute }).toMillis();
}

/**
 * The practice's open time over `days`, as merged UTC intervals: weekly hours plus "open"
 * exceptions, minus "closed" exceptions.
 */
function openIntervals(days: readonly LocalDay[], input: Pick<AvailabilityInput, "zone" | "weeklyHours" | "exceptions">): Interval[] {
  const weekly: Interval[] = [];
  for (const day of days) {
    for (const hours of input.weeklyHours) {
      if (hours.weekday !== day.weekday) continue;
      weekly.push({ start: wallClock(day, hours.start, input.zone), end: wallClock(day, hours.end, input.zone) });
    }
  }
  const open = mergeIntervals([
    ...weekly,
    ...input.exceptions.filter((e) => e.kind === "open"),
  ]);
  const closed = mergeIntervals(input.exceptions.filter((e) => e.kind === "closed"));
  return subtractIntervals(open, closed);
}

/**
 * True when the wall-clock time of `instant` in `zone` names two instants (the repeated hour when
 * clocks go back): such a time is never offered, since "03:30" would not say which one is meant.
 */
export function isAmbiguousLocalTime(instant: number, zone: string): boolean {
  return DateTime.fromMillis(instant, { zone }).getPossibleOffsets().length > 1;
}

/**
 * The start instants at which a service can be booked (B2), ascending.
 *
 * A slot starts on the granularity grid counted from the start of its open interval, lies wholly
 * inside that interval, keeps its buffer clear of every busy interval, starts no sooner than the
 * minimum notice and no later than the horizon's last local day. Slots are stepped in UTC, so a
 * wall-clock time that does not exist (clocks going forward) can never be produced; one that is
 * ambiguous (clocks going back) is left out.
 */
export function availableSlots(input: AvailabilityInput): number[] {
  const duration = input.durationMinutes * MINUTE;
  const occupied = (input.durationMinutes + input.bufferAfterMinutes) * MINUTE;
  const step = input.granularityMinutes * MINUTE;
  const horizon = localDays(input.now, input.zone, input.horizonDays);
  const lastDay = horizon[horizon.length - 1]!.end;
  const from = Math.max(input.now + input.minNoticeMinutes * MINUTE, input.window?.start ?? -Infinity);
  const to = Math.min(lastDay, input.window?.end ?? Infinity);
  if (from >= to) return [];
  // The days the window touches, and a day either side for open time that runs over midnight.
  const days = input.window ? horizon.filter((d) => d.end > from - DAY_MS && d.start < to + DAY_MS) : horizon;
  const busy = mergeIntervals(input.busy);
  const slots: number[] = [];
  let busyIndex = 0;
  let dayIndex = 0;
  /** The day (index in `days`) whose first start is found, with `firstPerDay`. */
  let dayDone = -1;

  for (const open of openIntervals(days, input)) {
    // The first start on this interval's grid at or after `from`.
    let start = open.start < from ? open.start + Math.ceil((from - open.start) / step) * step : open.start;
    for (; start + duration <= open.end && start < to; start += step) {
      while (dayIndex < days.length - 1 && days[dayIndex]!.end <= start) dayIndex++;
      const day = days[dayIndex]!;
      if (input.firstPerDay && dayIndex === dayDone) {
        // Past the rest of a day that has its start: the next grid start at or after midnight.
        start += Math.ceil((day.end - start) / step) * step - step;
        continue;
      }
      const end = start + occupied;
      while (busyIndex < busy.length && busy[busyIndex]!.end <= start) busyIndex++;
      const next = busy[busyIndex];
      if (next && next.start < end) continue;
      if (day.offsetChanges && isAmbiguousLocalTime(start, input.zone)) continue;
      slots.push(start);
      dayDone = dayIndex;
    }
  }
  return slots;
}

/**
 * Groups slot instants (ascending) by their local date (ISO yyyy-mm-dd in `zone`), in order. Walks
 * the cached calendar days instead of asking luxon for each slot: a 120-day horizon has thousands
 * of slots and luxon's time-zone arithmetic was the bot's largest CPU cost in the benchmark.
 */
export function groupSlotsByDay(slots: readonly number[], zone: string): Map<string, number[]> {
  const days = new Map<string, number[]>();
  let day: LocalDay | undefined;
  let list: number[] = [];
  for (const slot of slots) {
    if (!day || slot < day.start || slot >= day.end) {
      if (!day || slot < day.start) day = dayContaining(slot, zone);
      while (slot >= day.end) day = dayStartingAt(day.end, zone);
      list = days.get(day.date) ?? [];
      days.set(day.date, list);
    }
    list.push(slot);
  }
  return days;
}

/** One local day of the practitioner's calendar (A13): when it is open and what is blocked. */
export interface DayPlan {
  /** yyyy-mm-dd in the practice's zone. */
  date: string;
  start: number;
  /** The next day's start: 23, 24 or 25 hours later. */
  end: number;
  /** Open time that day (weekly hours plus extra hours, minus time off), merged. */
  open: Interval[];
  /** Time off that day (closed exceptions, clipped to the day), merged. */
  blocked: Interval[];
}

/**
 * The practice's open and blocked time on `count` consecutive local days from `firstDate`
 * (yyyy-mm-dd), past days included: the week view shows them whatever the booking rules.
 */
export function dayPlans(firstDate: string, count: number, input: Pick<AvailabilityInput, "zone" | "weeklyHours" | "exceptions">): DayPlan[] {
  let day = dayStartingAt(DateTime.fromISO(firstDate, { zone: input.zone }).startOf("day").toMillis(), input.zone);
  const plans: DayPlan[] = [];
  for (let i = 0; i < count; i++) {
    const clip = (list: readonly Interval[]) =>
      list.map((x) => ({ start: Math.max(x.start, day.start), end: Math.min(x.end, day.end) })).filter((x) => x.end > x.start);
    plans.push({
      date: day.date,
      start: day.start,
      end: day.end,
      open: clip(openIntervals([day], input)),
      blocked: clip(mergeIntervals(input.exceptions.filter((e) => e.kind === "closed"))),
    });
    day = dayStartingAt(day.end, input.zone);
  }
  return plans;
}
