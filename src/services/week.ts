import { DateTime } from "luxon";
import { Types } from "mongoose";
import type { BookingStatus, Language } from "../domain/enums.js";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { PaymentModel } from "../db/models/payment.js";
import { ScheduleExceptionModel, WeeklyHoursModel } from "../db/models/schedule.js";
import { dayPlans, mergeIntervals, subtractIntervals, type Interval } from "../domain/availability.js";
import type { BookingLean } from "./bookings.js";

/*
 * The practitioner's calendar at a glance (A13): for a run of local days, the bookings, the open,
 * blocked and free time. Like /today, this is the practitioner's own schedule: names and services
 * only, not logged as a view of each customer's record; contact details stay behind a press
 * (services/admin.ts contactDetails, audit-logged).
 */

/** One standing booking in the week view. Plain data. */
export interface CalendarBooking {
  bookingId: string;
  start: number;
  end: number;
  serviceName: Record<Language, string>;
  priceCents: number;
  customerName: string;
  attendance?: "attended" | "no-show";
  /** What was paid against it, in receipt order; empty when nothing is recorded. */
  payments: Array<{ receiptNumber: number; amountCents: number }>;
}

/** One local day of the view. */
export interface CalendarDay {
  /** yyyy-mm-dd in the practice's zone. */
  date: string;
  start: number;
  end: number;
  /** Open time (weekly hours, extra hours, minus time off). */
  open: Interval[];
  /** Time off. */
  blocked: Interval[];
  /** Open time nothing is booked in (buffers count as booked), from `now` on: bookable by the practitioner. */
  free: Interval[];
  bookings: CalendarBooking[];
}

function fullName(c: { firstName?: string | null; lastName?: string | null } | undefined): string {
  return [c?.firstName, c?.lastName].filter(Boolean).join(" ");
}

async function namesOf(ids: Types.ObjectId[]): Promise<Map<string, string>> {
  const customers = await CustomerModel.find({ _id: { $in: ids } }, { firstName: 1, lastName: 1 }).lean();
  return new Map(customers.map((c) => [c._id.toHexString(), fullName(c)]));
}

async function paymentsOf(ids: Types.ObjectId[]): Promise<Map<string, CalendarBooking["payments"]>> {
  const payments = await PaymentModel.find({ bookingId: { $in: ids } }, { bookingId: 1, receiptNumber: 1, amountCents: 1 })
    .sort({ receiptNumber: 1 })
    .lean();
  const byBooking = new Map<string, CalendarBooking["payments"]>();
  for (const p of payments) {
    const key = p.bookingId.toHexString();
    byBooking.set(key, [...(byBooking.get(key) ?? []), { receiptNumber: p.receiptNumber, amountCents: p.amountCents }]);
  }
  return byBooking;
}

function toCalendarBooking(b: BookingLean, names: Map<string, string>, payments: Map<string, CalendarBooking["payments"]>): CalendarBooking {
  const id = b._id.toHexString();
  return {
    bookingId: id,
    start: b.start.getTime(),
    end: b.end.getTime(),
    serviceName: { fi: b.service.name.fi, sv: b.service.name.sv, en: b.service.name.en },
    priceCents: b.service.priceCents,
    customerName: names.get(b.customerId.toHexString()) ?? "",
    ...(b.attendance ? { attendance: b.attendance } : {}),
    payments: payments.get(id) ?? [],
  };
}

/**
 * `count` local days from `firstDate` (yyyy-mm-dd) in `zone`: each day's standing bookings (by
 * start), open and blocked time, and free time from `now` on. Read straight from the database (not
 * the free-times copy in calendar.ts, which holds only what is still ahead).
 */
export async function calendarDays(zone: string, firstDate: string, count: number, now: number): Promise<CalendarDay[]> {
  const first = DateTime.fromISO(firstDate, { zone }).startOf("day");
  const from = first.toMillis();
  const to = first.plus({ days: count }).toMillis();
  const [weekly, exceptions, bookings] = await Promise.all([
    WeeklyHoursModel.find({}, { weekday: 1, start: 1, end: 1 }).lean(),
    ScheduleExceptionModel.find({ end: { $gt: new Date(from) }, start: { $lt: new Date(to) } }, { kind: 1, start: 1, end: 1 }).lean(),
    // A booking late the evening before can run (with its buffer) into the first day.
    BookingModel.find({ status: "confirmed", start: { $lt: new Date(to) }, bufferEnd: { $gt: new Date(from) } })
      .sort({ start: 1 })
      .lean<BookingLean[]>(),
  ]);
  const plans = dayPlans(firstDate, count, {
    zone,
    weeklyHours: weekly.map((w) => ({ weekday: w.weekday, start: w.start, end: w.end })),
    exceptions: exceptions.map((e) => ({ kind: e.kind, start: e.start.getTime(), end: e.end.getTime() })),
  });
  const ids = bookings.map((b) => b._id);
  const [names, payments] = await Promise.all([namesOf(bookings.map((b) => b.customerId)), paymentsOf(ids)]);
  const busy = mergeIntervals(bookings.map((b) => ({ start: b.start.getTime(), end: b.bufferEnd.getTime() })));
  return plans.map((plan) => ({
    ...plan,
    free: subtractIntervals(subtractIntervals(plan.open, busy), [{ start: Number.MIN_SAFE_INTEGER, end: now }]),
    bookings: bookings
      .filter((b) => b.start.getTime() >= plan.start && b.start.getTime() < plan.end)
      .map((b) => toCalendarBooking(b, names, payments)),
  }));
}

/** One booking as its card in the week view shows it, any status. Plain data. */
export interface BookingCard extends CalendarBooking {
  status: BookingStatus;
}

/** A booking's card for the practitioner (the press on a booking in /week): no contact details. */
export async function bookingCard(bookingId: string): Promise<BookingCard | undefined> {
  if (!Types.ObjectId.isValid(bookingId)) return undefined;
  const booking = await BookingModel.findById(bookingId).lean<BookingLean>();
  if (!booking) return undefined;
  const [names, payments] = await Promise.all([namesOf([booking.customerId]), paymentsOf([booking._id])]);
  return { ...toCalendarBooking(booking, names, payments), status: booking.status };
}
