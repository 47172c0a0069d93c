import { Types } from "mongoose";
import type { Language } from "../domain/enums.js";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { ScheduleExceptionModel } from "../db/models/schedule.js";
import { agenda, type AgendaItem } from "./admin.js";
import { recordFreedTime } from "./freed-time.js";
import type { BookingLean } from "./bookings.js";

/*
 * The practitioner's week as the Mini App shows it (M2): bookings and blocked time side by side,
 * and one booking's particulars for its actions. Names and times only, as in /today and the
 * booking notifications; contact details stay behind admin.contactDetails, which audit-logs.
 */

/** Time off the practitioner blocked. Plain data. */
export interface BlockedTime {
  exceptionId: string;
  start: number;
  end: number;
}

/** Standing bookings that start in [from, to), and the time off that overlaps it. */
export async function weekView(from: number, to: number): Promise<{ bookings: AgendaItem[]; blocked: BlockedTime[] }> {
  const [bookings, blocked] = await Promise.all([
    agenda(from, to),
    ScheduleExceptionModel.find({ kind: "closed", start: { $lt: new Date(to) }, end: { $gt: new Date(from) } }, { start: 1, end: 1 })
      .sort({ start: 1 })
      .lean(),
  ]);
  return {
    bookings,
    blocked: blocked.map((b) => ({ exceptionId: b._id.toHexString(), start: b.start.getTime(), end: b.end.getTime() })),
  };
}

/**
 * Gives blocked time back to the calendar; false when there was no such block. Its time is
 * recorded as freed, so those waiting for it are offered it (W2).
 */
export async function removeTimeOff(exceptionId: string, now = Date.now()): Promise<boolean> {
  if (!Types.ObjectId.isValid(exceptionId)) return false;
  const block = await ScheduleExceptionModel.findOneAndDelete({ _id: exceptionId, kind: "closed" }).lean();
  if (!block) return false;
  await recordFreedTime(block.start, block.end, new Date(now));
  return true;
}

/** One booking as the practitioner's booking card shows it. Plain data. */
export interface BookingDetail extends AgendaItem {
  status: "confirmed" | "cancelled";
  priceCents: number;
}

/** A booking's particulars for the practitioner (no contact details), or undefined for an unknown id. */
export async function bookingDetail(bookingId: string): Promise<BookingDetail | undefined> {
  if (!Types.ObjectId.isValid(bookingId)) return undefined;
  const b = await BookingModel.findById(bookingId).lean<BookingLean>();
  if (!b) return undefined;
  const customer = await CustomerModel.findById(b.customerId, { firstName: 1, lastName: 1 }).lean();
  const serviceName: Record<Language, string> = { fi: b.service.name.fi, sv: b.service.name.sv, en: b.service.name.en };
  return {
    bookingId: b._id.toHexString(),
    start: b.start.getTime(),
    end: b.end.getTime(),
    serviceName,
    customerName: [customer?.firstName, customer?.lastName].filter(Boolean).join(" "),
    ...(b.attendance ? { attendance: b.attendance } : {}),
    status: b.status,
    priceCents: b.service.priceCents,
  };
}

/** Where a booking's customer can be told of a change the practice made: their chat and language. */
export async function bookingCustomerChat(bookingId: string): Promise<{ telegramId: number; language: Language } | undefined> {
  if (!Types.ObjectId.isValid(bookingId)) return undefined;
  const b = await BookingModel.findById(bookingId, { customerId: 1 }).lean();
  if (!b) return undefined;
  const customer = await CustomerModel.findById(b.customerId, { telegramId: 1, language: 1 }).lean();
  return customer?.telegramId ? { telegramId: customer.telegramId, language: customer.language } : undefined;
}
