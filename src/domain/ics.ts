import { createEvent, createEvents } from "ics";

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

/**
 * Builds an iCalendar (.ics) file for one appointment, with times in UTC: the appointment as a
 * published event, or (`cancelled`) its cancellation, `METHOD:CANCEL` and `STATUS:CANCELLED`
 * with the same UID, which is how iTIP (RFC 5546) withdraws a published event.
 */
export function buildIcs(entry: CalendarEntry): string {
  const toParts = (ms: number) => {
    const d = new Date(ms);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [
      number, number, number, number, number,
    ];
  };
  const { error, value } = createEvent({
    uid: entry.uid,
    sequence: entry.sequence,
    method: entry.cancelled ? "CANCEL" : "PUBLISH",
    start: toParts(entry.start),
    startInputType: "utc",
    startOutputType: "utc",
    end: toParts(entry.end),
    endInputType: "utc",
    endOutputType: "utc",
    title: entry.title,
    description: entry.description,
    location: entry.location,
    organizer: { name: entry.organizerName, email: entry.organizerEmail },
    status: entry.cancelled ? "CANCELLED" : "CONFIRMED",
    busyStatus: entry.cancelled ? "FREE" : "BUSY",
    productId: "ajanvarausbotti",
  });
  if (error || !value) throw error ?? new Error("could not build calendar entry");
  return foldOctets(value);
}

/**
 * Folds every line of an iCalendar text at 75 octets, as RFC 5545 (3.1) asks: the `ics` package
 * folds at 75 characters, which with "ä" or "ö" in a name makes lines of up to twice that many
 * octets. Unfolds first, then folds between characters (never inside one), continuation lines
 * starting with a space.
 */
export function foldOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = "";
      let octets = 0;
      for (const char of line) {
        const size = Buffer.byteLength(char, "utf8");
        // The first line holds 75 octets; each continuation 74 after its leading space.
        if (octets + size > (parts.length === 0 ? 75 : 74)) {
          parts.push(current);
          current = "";
          octets = 0;
        }
        current += char;
        octets += size;
      }
      parts.push(current);
      return parts.join("\r\n ");
    })
    .join("\r\n");
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

const dateArray = (iso: string) => iso.split("-").map(Number) as [number, number, number];

/**
 * A whole calendar for subscription (RFC 5545, METHOD:PUBLISH): its events with times in UTC
 * (whole days as dates), stable UIDs and sequences, the refresh interval, lines folded at 75 octets.
 * An event no longer in it (a cancelled booking) is removed by the app at its next fetch.
 */
export function buildCalendarFeed(feed: CalendarFeed): string {
  const toParts = (ms: number) => {
    const d = new Date(ms);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number];
  };
  const { error, value } = createEvents(
    feed.events.map((e) => ({
      uid: e.uid,
      sequence: e.sequence,
      title: e.title,
      timestamp: feed.now,
      ...(e.allDay
        ? { start: dateArray(e.allDay.startDate), end: dateArray(e.allDay.endDate) }
        : {
            start: toParts(e.start),
            startInputType: "utc" as const,
            startOutputType: "utc" as const,
            end: toParts(e.end),
            endInputType: "utc" as const,
            endOutputType: "utc" as const,
          }),
      ...(e.lastModified !== undefined ? { lastModified: toParts(e.lastModified) } : {}),
      status: "CONFIRMED" as const,
      transp: "OPAQUE" as const,
    })),
    // The package escapes events' text but not the calendar's name.
    { productId: "ajanvarausbotti", method: "PUBLISH", calName: feed.name.replace(/[\\,;]/g, (c) => `\\${c}`) },
  );
  if (error || !value) throw error ?? new Error("could not build the calendar feed");
  const ttl = `PT${feed.refreshMinutes}M`;
  // The package writes a fixed X-PUBLISHED-TTL of an hour; ours, with the standard property beside it.
  const header = `REFRESH-INTERVAL;VALUE=DURATION:${ttl}\r\nX-PUBLISHED-TTL:${ttl}\r\n`;
  return foldOctets(value.replace("X-PUBLISHED-TTL:PT1H\r\n", header));
}
