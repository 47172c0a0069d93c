import ical, { ICalCalendarMethod, ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from "ical-generator";

/**
 * The UID of a booking's calendar event: the same in every file sent to the customer and in the
 * practitioner's subscription, so each calendar holds one event per booking whatever changes.
 */
export function bookingUid(ref: string): string {
  return `${ref}@ajanvarausbotti`;
}

/** What a calendar entry for one appointment says. */
export interface CalendarEntry {
  /** The same for every file about one booking, so calendar apps treat them as one event. */
  uid: string;
  /** Grows with every change of the event (move, cancel); an app replaces what it holds with a higher one. */
  sequence: number;
  /** A cancellation of the event rather than the event itself. */
  cancelled: boolean;
  start: number;
  end: number;
  title: string;
  description: string;
  location: string;
  organizerName: string;
  organizerEmail: string;
}

/** PRODID: who made the file (RFC 5545, 3.7.3). */
const PRODUCT = { company: "ajanvarausbotti", product: "ajanvarausbotti", language: "FI" };

/**
 * The package folds lines at 75 octets (RFC 5545, 3.1) but leaves the last line without its line
 * break, which the standard asks of every content line.
 */
const lines = (text: string) => (text.endsWith("\r\n") ? text : `${text}\r\n`);

/**
 * Builds an iCalendar (.ics) file for one appointment, with times in UTC: the appointment as a
 * published event, or (`cancelled`) its cancellation, `METHOD:CANCEL` and `STATUS:CANCELLED`
 * with the same UID, which is how iTIP (RFC 5546) withdraws a published event.
 */
export function buildIcs(entry: CalendarEntry): string {
  const calendar = ical({ prodId: PRODUCT, method: entry.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH });
  calendar.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    start: new Date(entry.start),
    end: new Date(entry.end),
    summary: entry.title,
    description: entry.description,
    location: entry.location,
    organizer: { name: entry.organizerName, email: entry.organizerEmail },
    status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    busystatus: entry.cancelled ? ICalEventBusyStatus.FREE : ICalEventBusyStatus.BUSY,
    transparency: entry.cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
  });
  return lines(calendar.toString());
}

/** One event of a calendar subscription: a booking or blocked time. */
export interface FeedEvent {
  /** The same as in every calendar file sent about the same booking. */
  uid: string;
  sequence: number;
  title: string;
  /** Instants, written in UTC; or, for `allDay`, local dates (yyyy-mm-dd), the end exclusive. */
  start: number;
  end: number;
  allDay?: { startDate: string; endDate: string };
  /** When the event last changed, if known. */
  lastModified?: number;
}

/** A calendar subscription (A14): what Google Calendar and Apple Calendar fetch and keep in step. */
export interface CalendarFeed {
  /** X-WR-CALNAME: the name the calendar app shows for the subscription. */
  name: string;
  /** DTSTAMP of every event: when this copy was made. */
  now: number;
  /** How often apps should fetch it again (REFRESH-INTERVAL, RFC 7986, and X-PUBLISHED-TTL). */
  refreshMinutes: number;
  events: FeedEvent[];
}

/**
 * A whole calendar for subscription (RFC 5545, METHOD:PUBLISH): its events with times in UTC
 * (whole days as dates), stable UIDs and sequences, the refresh interval, lines folded at 75 octets.
 * An event no longer in it (a cancelled booking) is removed by the app at its next fetch.
 */
export function buildCalendarFeed(feed: CalendarFeed): string {
  const calendar = ical({
    prodId: PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    // The package escapes events' text but writes the calendar's name as given.
    name: feed.name.replace(/[\\,;]/g, (c) => `\\${c}`),
    // REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL, in seconds.
    ttl: feed.refreshMinutes * 60,
  });
  const stamp = new Date(feed.now);
  for (const e of feed.events) {
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      summary: e.title,
      stamp,
      // Whole days as dates (yyyy-mm-dd, read as such), the end exclusive; other times as instants in UTC.
      ...(e.allDay ? { allDay: true, start: e.allDay.startDate, end: e.allDay.endDate } : { start: new Date(e.start), end: new Date(e.end) }),
      ...(e.lastModified !== undefined ? { lastModified: new Date(e.lastModified) } : {}),
      status: ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  return lines(calendar.toString());
}
