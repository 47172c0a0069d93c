import { createEvent } from "ics";

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
  return value;
}
