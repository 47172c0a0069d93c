import mongoose from "mongoose";
import { BookingModel } from "../db/models/booking.js";
import { CALENDAR_VERSION_ID, CalendarVersionModel, localCalendarChanges } from "../db/models/calendar-version.js";
import { ScheduleExceptionModel, WeeklyHoursModel } from "../db/models/schedule.js";
import { ServiceModel } from "../db/models/service.js";
import type { Interval, ScheduleException, WeeklyInterval } from "../domain/availability.js";
import { toServiceView, type ServiceView } from "./service-view.js";

const DAY = 24 * 60 * 60_000;

/** What availability is computed from, as plain data. */
export interface Calendar {
  weeklyHours: WeeklyInterval[];
  exceptions: ScheduleException[];
  /** Booked time: each confirmed booking up to its buffer's end, and a move's new time while it is made. */
  busy: Array<Interval & { booking: string }>;
  /** The active services in display order (services/catalog.ts). */
  services: ServiceView[];
}

/** The calendar's version stamps (db/models/calendar-version.ts). */
interface Version {
  stamp: string;
  /** Unchanged while only bookings change; "" when the database has none (it changes every time). */
  schedule: string;
}

interface Copy extends Version {
  database: string;
  /** When its schedule part was read (it may be older than the copy: see `keep` in loadCalendar). */
  scheduleReadAt: number;
  /** Nothing that ended before this instant was read. */
  from: number;
  readAt: number;
  /** When its stamp was last found current (taken before that lookup began), and this process's changes then. */
  confirmed: { at: number; changes: number };
  calendar: Calendar;
}

/**
 * Read again after this long even when the stamp says nothing changed: a safety net for writes
 * made outside this program's models (a hand edit in the database).
 */
const MAX_AGE_MS = 60_000;

/**
 * How long a copy whose stamp was found current serves what is only shown (`loadCalendar`'s
 * `shown`): the service, day and time pickers of a burst of customers then cost no lookup each.
 * A change made by this process is seen at once (localCalendarChanges); one made by another
 * process at most this much later, which a booking does not depend on: its confirm looks the
 * stamp up every time, and the slot claim is what prevents a double booking.
 */
export const SHOWN_FRESH_MS = 1_000;

let copy: Copy | undefined;
let reading: { database: string; stamp: string; from: number; promise: Promise<Copy> } | undefined;

/** The schedule part of a copy: what changes only with the `schedule` stamp. */
type Schedule = Pick<Calendar, "weeklyHours" | "exceptions" | "services">;

async function readSchedule(from: number): Promise<Schedule> {
  const [weekly, exceptions, services] = await Promise.all([
    WeeklyHoursModel.find({}, { weekday: 1, start: 1, end: 1 }).lean(),
    ScheduleExceptionModel.find({ end: { $gt: new Date(from) } }, { kind: 1, start: 1, end: 1 }).lean(),
    ServiceModel.find({ active: true }).sort({ sortOrder: 1, durationMinutes: 1 }).lean(),
  ]);
  return {
    weeklyHours: weekly.map((w) => ({ weekday: w.weekday, start: w.start, end: w.end })),
    exceptions: exceptions.map((e) => ({ kind: e.kind, start: e.start.getTime(), end: e.end.getTime() })),
    services: services.map(toServiceView),
  };
}

async function readBusy(from: number): Promise<Calendar["busy"]> {
  const bookings = await BookingModel.find({ status: "confirmed", bufferEnd: { $gt: new Date(from) } }, { start: 1, bufferEnd: 1, moveTo: 1 }).lean();
  const busy: Calendar["busy"] = [];
  for (const b of bookings) {
    const booking = b._id.toHexString();
    busy.push({ start: b.start.getTime(), end: b.bufferEnd.getTime(), booking });
    if (b.moveTo?.start && b.moveTo.bufferEnd) busy.push({ start: b.moveTo.start.getTime(), end: b.moveTo.bufferEnd.getTime(), booking });
  }
  return busy;
}

/** A new copy; the schedule part taken from `keep` when given (only bookings changed since it). */
async function read(
  database: string,
  version: Version,
  from: number,
  confirmed: Copy["confirmed"],
  keep?: { schedule: Schedule; readAt: number },
): Promise<Copy> {
  const readAt = performance.now();
  const [schedule, busy] = await Promise.all([keep?.schedule ?? readSchedule(from), readBusy(from)]);
  return { database, ...version, from, readAt, confirmed, scheduleReadAt: keep?.readAt ?? readAt, calendar: { ...schedule, busy } };
}

/**
 * The calendar from `from` on (without `from`: from whenever the copy at hand was read, or now),
 * with the catalogue of active services. Each call reads the calendar's version stamp (one lookup by
 * `_id`); the hours, exceptions and bookings themselves are read only when the stamp changed since
 * this process last read them, and callers that need the same new version share one read. Every
 * write through the models bumps the stamp (db/models/calendar-version.ts), whichever process
 * makes it, so what is returned is as fresh as a direct read. Free times shown from it are still
 * only an offer: the slot claim at confirm is what prevents a double booking. With `shown` (the
 * pickers), a copy found current less than SHOWN_FRESH_MS ago is returned without the lookup.
 */
export async function loadCalendar(from?: number, options: { shown?: boolean } = {}): Promise<Calendar> {
  const database = mongoose.connection.db?.databaseName ?? "";
  // A copy (or a read under way) of this database that reaches back to `from`.
  const covers = <C extends { database: string; from: number }>(c: C | undefined): c is C =>
    c !== undefined && c.database === database && (from === undefined || c.from <= from);
  const started = performance.now();
  const changes = localCalendarChanges();
  if (
    options.shown &&
    covers(copy) &&
    started >= copy.confirmed.at &&
    started - copy.confirmed.at < SHOWN_FRESH_MS &&
    copy.confirmed.changes === changes &&
    started - copy.readAt < MAX_AGE_MS
  ) {
    return copy.calendar;
  }
  const stored = await CalendarVersionModel.findById(CALENDAR_VERSION_ID, { stamp: 1, schedule: 1 }).lean();
  const stamp = stored?.stamp;
  const readFrom = (at: number) => Math.floor(at / DAY) * DAY - DAY;
  // Without a stamp (a database filled by hand) nothing tells when a copy goes out of date.
  const never = { at: -Infinity, changes };
  if (!stamp) return (await read(database, { stamp: "", schedule: "" }, from ?? Date.now(), never)).calendar;
  const version: Version = { stamp, schedule: stored.schedule ?? "" };
  // Found current only if nothing of this process's changed the calendar during the lookup.
  const confirmed = localCalendarChanges() === changes ? { at: started, changes } : never;
  const matches = (c: { database: string; stamp: string; from: number } | undefined) => covers(c) && c.stamp === stamp;
  if (matches(copy) && performance.now() - copy!.readAt < MAX_AGE_MS) {
    if (confirmed.at > copy!.confirmed.at) copy!.confirmed = confirmed;
    return copy!.calendar;
  }
  if (!matches(reading)) {
    // A day's margin, so that calls with slightly earlier "now"s (a retried update) still match.
    const start = readFrom(from ?? Date.now());
    // Only bookings changed since the copy at hand (its schedule stamp is the current one, and it
    // holds the exceptions from `start` on): the hours, exceptions and catalogue are kept.
    const keep =
      copy && copy.database === database && version.schedule !== "" && copy.schedule === version.schedule && copy.from <= start &&
      performance.now() - copy.scheduleReadAt < MAX_AGE_MS
        ? {
            schedule: { weeklyHours: copy.calendar.weeklyHours, exceptions: copy.calendar.exceptions, services: copy.calendar.services },
            readAt: copy.scheduleReadAt,
          }
        : undefined;
    const entry = { database, stamp, from: start, promise: read(database, version, start, confirmed, keep) };
    reading = entry;
    void entry.promise.then(
      (read) => {
        if (!copy || read.readAt >= copy.readAt) copy = read;
      },
      () => undefined,
    ).finally(() => {
      if (reading === entry) reading = undefined;
    });
  }
  return (await reading!.promise).calendar;
}
