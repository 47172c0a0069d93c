import { createEvent } from "ics";

/** What a calendar entry for one appointment says. */
export interface CalendarEntry {
  uid: string;
  start: number;
  end: number;
  title: string;
  description: string;
  location: string;
  organizerName: string;
  organizerEmail: string;
}

/** Builds an iCalendar (.ics) file for one appointment, with times in UTC. */
export function buildIcs(entry: CalendarEntry): string {
  const toParts = (ms: number) => {
    const d = new Date(ms);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [
      number, number, number, number, number,
    ];
  };
  const { error, value } = createEvent({
    uid: entry.uid,
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
    status: "CONFIRMED",
    busyStatus: "BUSY",
    productId: "ajanvarausbotti",
  });
  if (error || !value) throw error ?? new Error("could not build calendar entry");
  return value;
}
