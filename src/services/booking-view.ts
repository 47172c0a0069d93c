import type { Language } from "../domain/enums.js";

/** A booking as shown to people: plain data. */
export interface BookingView {
  id: string;
  ref: string;
  start: number;
  end: number;
  serviceName: Record<Language, string>;
  durationMinutes: number;
  priceCents: number;
  customerFirstName: string;
  customerLastName: string;
  /** The SEQUENCE its calendar file carries (bookings.icsSequence). */
  icsSequence: number;
}
