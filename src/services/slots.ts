import { DateTime } from "luxon";
import { Types } from "mongoose";
import type { BookingRules } from "../config.js";
import { BookingModel } from "../db/models/booking.js";
import { availableSlots, groupSlotsByDay, type Interval } from "../domain/availability.js";
import { loadCalendar, type Calendar } from "./calendar.js";
import { findActiveService } from "./catalog.js";
import { findCustomerByTelegram } from "./customers.js";

/*
 * Free times: what can be booked, for a new booking or a move. Booking (services/booking.ts) and
 * changing a booking (services/manage-booking.ts) both ask here, so neither imports the other
 * for it.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Where and how the practice books: its zone and rules. */
export interface BookingSettings {
  zone: string;
  rules: BookingRules;
}

/** How long a slot must be: the treatment and the buffer after it. */
export interface SlotShape {
  durationMinutes: number;
  bufferAfterMinutes: number;
  /** A booking whose own time counts as free (when moving it). */
  excludeBookingId?: Types.ObjectId;
  /** Time taken that the calendar copy may not show yet (see SlotQuery). */
  alsoBusy?: Interval[];
}

/** Which free starts are wanted: those `within` a window (default: up to the horizon), or each day's first. */
export interface SlotScope {
  within?: Interval;
  firstPerDay?: boolean;
}

/**
 * Every free start instant for a slot shape from `now` to the horizon (B2), or those `scope`
 * asks for; from `calendar` when the caller has just loaded it (one version lookup for the whole
 * question).
 */
export async function freeSlots(settings: BookingSettings, shape: SlotShape, now: number, scope: SlotScope = {}, calendar?: Calendar): Promise<number[]> {
  const { within, firstPerDay } = scope;
  const horizonEnd = DateTime.fromMillis(now, { zone: settings.zone })
    .startOf("day")
    .plus({ days: settings.rules.horizonDays + 2 })
    .toMillis();
  // Only the bookings that can touch the asked window count: one day's worth for the time picker
  // (the slots outside the window are not used).
  const from = within ? Math.max(now, within.start) : now;
  const to = within ? Math.min(horizonEnd, within.end) : horizonEnd;
  const { weeklyHours, exceptions, busy } = calendar ?? (await loadCalendar(now));
  const exclude = shape.excludeBookingId?.toHexString();
  return availableSlots({
    now,
    zone: settings.zone,
    weeklyHours,
    exceptions,
    busy: [...busy.filter((b) => b.booking !== exclude), ...(shape.alsoBusy ?? [])].filter((b) => b.start < to && b.end > from),
    durationMinutes: shape.durationMinutes,
    bufferAfterMinutes: shape.bufferAfterMinutes,
    granularityMinutes: settings.rules.granularityMinutes,
    minNoticeMinutes: settings.rules.minNoticeMinutes,
    horizonDays: settings.rules.horizonDays,
    ...(within ? { window: within } : {}),
    ...(firstPerDay ? { firstPerDay } : {}),
  });
}

/** True when `start` is among the free slots; looks only at the bookings around it. */
export async function isOffered(settings: BookingSettings, shape: SlotShape, start: number, now: number, calendar?: Calendar): Promise<boolean> {
  const within = { start: start - DAY, end: start + DAY };
  return (await freeSlots(settings, shape, now, { within }, calendar)).includes(start);
}

/**
 * What the customer is picking a time for: a new booking of a service, or a move of one of
 * their own bookings (which keeps its booked length); or, for the practitioner, a move of any
 * booking by its id. `alsoBusy` is time known to be taken that the calendar may not show yet (a
 * booking that won a race and is being written).
 */
export type SlotQuery = ({ serviceId: string } | { telegramId: number; ref: string } | { bookingId: string }) & { alsoBusy?: Interval[] };

async function shapeOf(query: SlotQuery, calendar: Calendar): Promise<SlotShape | undefined> {
  if ("serviceId" in query) {
    const service = await findActiveService(query.serviceId, calendar);
    return service && { ...service, ...(query.alsoBusy ? { alsoBusy: query.alsoBusy } : {}) };
  }
  let booking;
  if ("bookingId" in query) {
    if (!Types.ObjectId.isValid(query.bookingId)) return undefined;
    booking = await BookingModel.findOne({ _id: query.bookingId, status: "confirmed" }).lean();
  } else {
    const customer = await findCustomerByTelegram(query.telegramId, { _id: 1 });
    if (!customer) return undefined;
    booking = await BookingModel.findOne({ ref: query.ref, customerId: customer._id, status: "confirmed" }).lean();
  }
  if (!booking) return undefined;
  return {
    durationMinutes: booking.service.durationMinutes,
    bufferAfterMinutes: (booking.bufferEnd.getTime() - booking.end.getTime()) / MINUTE,
    excludeBookingId: booking._id,
    ...(query.alsoBusy ? { alsoBusy: query.alsoBusy } : {}),
  };
}

/** Local dates (yyyy-mm-dd) that have at least one free slot; for showing (see loadCalendar's `shown`). */
export async function availableDays(settings: BookingSettings, query: SlotQuery, now: number): Promise<string[]> {
  const calendar = await loadCalendar(now, { shown: true });
  const shape = await shapeOf(query, calendar);
  if (!shape) return [];
  return [...groupSlotsByDay(await freeSlots(settings, shape, now, { firstPerDay: true }, calendar), settings.zone).keys()];
}

/** Free start instants on one local date; for showing (see loadCalendar's `shown`). */
export async function slotsOnDay(settings: BookingSettings, query: SlotQuery, day: string, now: number): Promise<number[]> {
  const calendar = await loadCalendar(now, { shown: true });
  const shape = await shapeOf(query, calendar);
  if (!shape) return [];
  const dayStart = DateTime.fromISO(day, { zone: settings.zone });
  if (!dayStart.isValid) return [];
  // The day itself and the next one: a slot late in the day keeps its buffer clear of what follows.
  const within = { start: dayStart.toMillis(), end: dayStart.plus({ days: 2 }).toMillis() };
  return groupSlotsByDay(await freeSlots(settings, shape, now, { within }, calendar), settings.zone).get(day) ?? [];
}

/** When a booking's reminder is due, or undefined when it gets none (see .env.example). */
export function reminderDueAt(rules: BookingRules, start: number, now: number): Date | undefined {
  if (rules.reminderOffsetMinutes <= 0) return undefined;
  const due = start - rules.reminderOffsetMinutes * MINUTE;
  return due > now ? new Date(due) : undefined;
}
