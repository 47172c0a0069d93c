import { DateTime } from "luxon";
import { Types } from "mongoose";
import type { Language } from "../domain/enums.js";
import { BookingModel } from "../db/models/booking.js";
import { validatePhone } from "../domain/contact.js";
import { CustomerModel } from "../db/models/customer.js";
import { DataRequestModel } from "../db/models/data-request.js";
import { PaymentModel } from "../db/models/payment.js";
import { PAYMENT_METHODS } from "../domain/enums.js";
import { ScheduleExceptionModel, WeeklyHoursModel } from "../db/models/schedule.js";
import { mergeIntervals, subtractIntervals } from "../domain/availability.js";
import { recordFreedTime } from "./freed-time.js";
import type { BookingSettings } from "./slots.js";
import { auditTrail, recordAudit, type Actor, type AuditView } from "./audit.js";
import type { BookingView } from "./booking-view.js";
import { currentMarketingConsents, type ConsentState } from "./consents.js";
import { reveal } from "./customers.js";
import { fieldCrypto } from "./field-crypto.js";
import { withLock } from "./locks.js";
import { cancelBooking, toBookingView, type BookingLean, type Cancellation } from "./bookings.js";
import { buildExport, type CustomerExport } from "./data-export.js";
import { dataRequestLock, toProfileView, withdrawAllFor } from "./privacy.js";

const admin = (telegramId: number): Actor => ({ kind: "admin", telegramId });

/** One line of the practitioner's agenda. Plain data. */
export interface AgendaItem {
  bookingId: string;
  start: number;
  end: number;
  serviceName: Record<Language, string>;
  customerName: string;
  attendance?: "attended" | "no-show";
}

async function namesOf(ids: Types.ObjectId[]): Promise<Map<string, string>> {
  const customers = await CustomerModel.find({ _id: { $in: ids } }, { firstName: 1, lastName: 1 }).lean();
  return new Map(customers.map((c) => [c._id.toHexString(), [c.firstName, c.lastName].filter(Boolean).join(" ")]));
}

// --- Agenda (A1) -----------------------------------------------------------------------------

/** Standing bookings that start in [from, to), in time order. */
export async function agenda(from: number, to: number): Promise<AgendaItem[]> {
  const bookings = await BookingModel.find({ status: "confirmed", start: { $gte: new Date(from), $lt: new Date(to) } })
    .sort({ start: 1 })
    .lean();
  const names = await namesOf(bookings.map((b) => b.customerId));
  return bookings.map((b) => ({
    bookingId: b._id.toHexString(),
    start: b.start.getTime(),
    end: b.end.getTime(),
    serviceName: { fi: b.service.name.fi, sv: b.service.name.sv, en: b.service.name.en },
    customerName: names.get(b.customerId.toHexString()) ?? "",
    ...(b.attendance ? { attendance: b.attendance } : {}),
  }));
}

// --- Booking actions (A2) --------------------------------------------------------------------

async function loadBooking(bookingId: string): Promise<BookingLean | null> {
  if (!Types.ObjectId.isValid(bookingId)) return null;
  return BookingModel.findById(bookingId).lean();
}

/** Who to tell, in which language, when the practitioner cancels a booking. */
export type AdminCancellation = Cancellation;

/**
 * Cancels a booking on the practitioner's side (A2, and /off over bookings), with a reason the
 * customer is told, through the one cancel every actor uses (bookings.ts).
 */
export async function cancelByAdmin(adminId: number, bookingId: string, reason: string, now: Date): Promise<AdminCancellation | undefined> {
  if (!Types.ObjectId.isValid(bookingId)) return undefined;
  const outcome = await cancelBooking(new Types.ObjectId(bookingId), admin(adminId), now, { reason });
  return outcome.ok ? outcome.cancellation : undefined;
}

/** A customer's contact details for the practitioner; every look is audit-logged (B5, A2). */
export async function contactDetails(
  adminId: number,
  ref: { bookingId: string } | { customerId: string },
  now: Date,
): Promise<{ name: string; email?: string; phone?: string } | undefined> {
  let customerId: string | undefined;
  if ("bookingId" in ref) customerId = (await loadBooking(ref.bookingId))?.customerId.toHexString();
  else if (Types.ObjectId.isValid(ref.customerId)) customerId = ref.customerId;
  if (!customerId) return undefined;
  const customer = await CustomerModel.findById(customerId).lean();
  if (!customer) return undefined;
  await recordAudit(customer._id, admin(adminId), "view", now, { fields: ["email", "phone"] });
  return {
    name: [customer.firstName, customer.lastName].filter(Boolean).join(" "),
    ...(customer.email ? { email: reveal(customer.email) } : {}),
    ...(customer.phone ? { phone: reveal(customer.phone) } : {}),
  };
}

// --- Schedule (A3) ---------------------------------------------------------------------------

export interface HoursInterval {
  weekday: number;
  start: string;
  end: string;
}

/** The weekly hours, by weekday then start. */
export async function weeklyHours(): Promise<HoursInterval[]> {
  const rows = await WeeklyHoursModel.find().lean();
  return rows
    .map((r) => ({ weekday: r.weekday, start: r.start, end: r.end }))
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

/**
 * Replaces one weekday's intervals (empty = closed). Availability uses them at once. With the
 * practice's settings, hours added are recorded as freed time on that weekday's upcoming dates
 * within the booking horizon, for the waitlist (W2).
 */
export async function setWeekdayHours(
  weekday: number,
  intervals: Array<{ start: string; end: string }>,
  opened?: { settings: BookingSettings; now: number },
): Promise<void> {
  const minutes = (hhmm: string) => {
    const [h = 0, m = 0] = hhmm.split(":").map(Number);
    return h * 60 + m;
  };
  const before = await withLock("weekly-hours", async () => {
    const old = await WeeklyHoursModel.find({ weekday }).lean();
    await WeeklyHoursModel.deleteMany({ weekday });
    if (intervals.length > 0) await WeeklyHoursModel.insertMany(intervals.map((i) => ({ weekday, ...i })));
    return old;
  });
  if (!opened) return;
  const toMinutes = (list: ReadonlyArray<{ start: string; end: string }>) => mergeIntervals(list.map((i) => ({ start: minutes(i.start), end: minutes(i.end) })));
  const added = subtractIntervals(toMinutes(intervals), toMinutes(before));
  if (added.length === 0) return;
  const { settings, now } = opened;
  const today = DateTime.fromMillis(now, { zone: settings.zone }).startOf("day");
  // Wall-clock minutes of a local day as an instant (so a DST day gets its own offsets).
  const instant = (day: DateTime, minute: number) =>
    minute >= 24 * 60 ? day.plus({ days: 1 }).startOf("day").toMillis() : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
  for (let d = 0; d <= settings.rules.horizonDays; d++) {
    const day = today.plus({ days: d });
    if (day.weekday !== weekday) continue;
    for (const a of added) await recordFreedTime(instant(day, a.start), instant(day, a.end), new Date(now));
  }
}

/** Blocks [start, end) as time off; returns the standing bookings already inside it. */
export async function addTimeOff(start: number, end: number, note?: string): Promise<{ exceptionId: string; inside: AgendaItem[] }> {
  const exception = await ScheduleExceptionModel.create({ kind: "closed", start: new Date(start), end: new Date(end), ...(note ? { note } : {}) });
  const inside = (await agenda(start - 24 * 3_600_000, end)).filter((b) => b.end > start && b.start < end);
  return { exceptionId: exception._id.toHexString(), inside };
}

/**
 * Gives [start, end) back to the calendar (A3): each stretch of time off overlapping it loses that
 * part: removed when inside it, shortened at an edge, split in two around it. The time is recorded
 * as freed, so those waiting for it are offered it (W2). False when no time off was there.
 */
export async function freeTimeOff(start: number, end: number, now: number): Promise<boolean> {
  if (!(end > start)) return false;
  const overlapping = await ScheduleExceptionModel.find({ kind: "closed", start: { $lt: new Date(end) }, end: { $gt: new Date(start) } }).lean();
  if (overlapping.length === 0) return false;
  for (const block of overlapping) {
    const keepsBefore = block.start.getTime() < start;
    const keepsAfter = block.end.getTime() > end;
    if (!keepsBefore && !keepsAfter) await ScheduleExceptionModel.deleteOne({ _id: block._id });
    else if (!keepsAfter) await ScheduleExceptionModel.updateOne({ _id: block._id }, { $set: { end: new Date(start) } });
    else if (!keepsBefore) await ScheduleExceptionModel.updateOne({ _id: block._id }, { $set: { start: new Date(end) } });
    else {
      await ScheduleExceptionModel.create({ kind: "closed", start: new Date(end), end: block.end, ...(block.note ? { note: block.note } : {}) });
      await ScheduleExceptionModel.updateOne({ _id: block._id }, { $set: { end: new Date(start) } });
    }
  }
  const freed = mergeIntervals(overlapping.map((b) => ({ start: Math.max(b.start.getTime(), start), end: Math.min(b.end.getTime(), end) })));
  for (const f of freed) await recordFreedTime(f.start, f.end, new Date(now));
  return true;
}

// --- Customers (A4, A8) ----------------------------------------------------------------------

export interface CustomerHit {
  customerId: string;
  name: string;
  /** False for a customer the practice created who has not linked Telegram (A10). */
  onTelegram: boolean;
}

/**
 * Finds customers by name (part of first or last name), email or phone (exact, through the
 * keyed hashes: contact details are encrypted). Each customer shown is audit-logged as viewed.
 */
export async function findCustomers(adminId: number, query: string, now: Date): Promise<CustomerHit[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const crypto = fieldCrypto();
  const or: object[] = [{ emailHash: crypto.lookupHash(q) }];
  const phone = validatePhone(q);
  if (phone.ok) or.push({ phoneHash: crypto.lookupHash(phone.value) });
  const escaped = q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const part of escaped.split(/\s+/)) {
    or.push({ firstName: { $regex: part, $options: "i" } }, { lastName: { $regex: part, $options: "i" } });
  }
  const found = await CustomerModel.find({ $or: or }, { firstName: 1, lastName: 1, telegramId: 1 }).limit(20).lean();
  for (const c of found) await recordAudit(c._id, admin(adminId), "view", now, { fields: ["firstName", "lastName"] });
  return found.map((c) => ({
    customerId: c._id.toHexString(),
    name: [c.firstName, c.lastName].filter(Boolean).join(" ") || "–",
    onTelegram: typeof c.telegramId === "number",
  }));
}

/** Everything the practitioner's customer card shows. Plain data. */
export interface CustomerCard {
  customerId: string;
  /** Absent for a customer the practice created who has not linked Telegram (A10, A11). */
  telegramId?: number;
  name: string;
  email?: string;
  phone?: string;
  address?: string;
  gender?: string;
  birthYear?: number;
  language: Language;
  lastSeenAt: number;
  consents: ConsentState;
  bookings: Array<BookingView & { status: string; attendance?: string }>;
  payments: Array<{ receiptNumber: number; amountCents: number; method: string; paidAt: number }>;
}

/** The customer card (A4); the view is audit-logged with the admin's id. */
export async function customerCard(adminId: number, customerId: string, now: Date): Promise<CustomerCard | undefined> {
  if (!Types.ObjectId.isValid(customerId)) return undefined;
  const c = await CustomerModel.findById(customerId).lean();
  if (!c) return undefined;
  const [consents, bookings, payments] = await Promise.all([
    currentMarketingConsents(c._id),
    BookingModel.find({ customerId: c._id, status: { $in: ["confirmed", "cancelled"] } }).sort({ start: -1 }).limit(20).lean(),
    PaymentModel.find({ customerId: c._id }).sort({ paidAt: -1 }).lean(),
  ]);
  await recordAudit(c._id, admin(adminId), "view", now, { fields: ["profile", "consents", "bookings", "payments"] });
  const { firstName, lastName, ...profile } = toProfileView(c);
  return {
    customerId: c._id.toHexString(),
    ...(typeof c.telegramId === "number" ? { telegramId: c.telegramId } : {}),
    name: [firstName, lastName].filter(Boolean).join(" "),
    ...profile,
    lastSeenAt: c.lastSeenAt.getTime(),
    consents,
    bookings: bookings.map((b) => ({ ...toBookingView(b, c), status: b.status, ...(b.attendance ? { attendance: b.attendance } : {}) })),
    payments: payments.map((p) => ({ receiptNumber: p.receiptNumber, amountCents: p.amountCents, method: p.method, paidAt: p.paidAt.getTime() })),
  };
}

/** Who viewed and changed a customer's data (A8). Viewing the trail is itself logged. */
export async function customerAudit(adminId: number, customerId: string, now: Date): Promise<AuditView[] | undefined> {
  if (!Types.ObjectId.isValid(customerId)) return undefined;
  const id = new Types.ObjectId(customerId);
  if (!(await CustomerModel.exists({ _id: id }))) return undefined;
  const trail = await auditTrail(id);
  await recordAudit(id, admin(adminId), "view", now, { fields: ["audit"] });
  return trail;
}

// --- Data requests (A7) ----------------------------------------------------------------------

export interface PendingRequest {
  requestId: string;
  customerId: string;
  customerName: string;
  requestedAt: number;
  dueAt: number;
}

/** Data requests waiting for the practitioner, soonest due first. */
export async function pendingRequests(): Promise<PendingRequest[]> {
  const rows = await DataRequestModel.find({ status: "pending" }).sort({ dueAt: 1 }).lean();
  const names = await namesOf(rows.map((r) => r.customerId));
  return rows.map((r) => ({
    requestId: r._id.toHexString(),
    customerId: r.customerId.toHexString(),
    customerName: names.get(r.customerId.toHexString()) ?? "–",
    requestedAt: r.requestedAt.getTime(),
    dueAt: r.dueAt.getTime(),
  }));
}

/** Who an answered request's export goes to. Plain data. */
export interface RequestRecipient {
  telegramId: number;
  language: Language;
}

export type RequestAnswer =
  | { status: "answered" }
  /** Already answered, or the customer is gone. */
  | { status: "gone" }
  /** `deliver` failed: the request is still pending. */
  | { status: "not-delivered"; error: unknown };

/**
 * Answers a pending access request (A7): builds the customer's export and hands it to
 * `deliver`; only once that returned is the request marked answered and the export audit-logged,
 * so a failed send leaves it pending for another try. Every other access request the customer
 * has pending is answered by the same export. Runs under the customer's "data-request" lock, so
 * two presses at once send the file once.
 */
export async function answerRequest(
  adminId: number,
  requestId: string,
  now: Date,
  deliver: (recipient: RequestRecipient, data: CustomerExport) => Promise<void>,
): Promise<RequestAnswer> {
  if (!Types.ObjectId.isValid(requestId)) return { status: "gone" };
  const found = await DataRequestModel.findById(requestId, { customerId: 1 }).lean();
  if (!found) return { status: "gone" };
  return withLock(dataRequestLock(found.customerId), async (): Promise<RequestAnswer> => {
    const request = await DataRequestModel.findOne({ _id: requestId, status: "pending" }).lean();
    if (!request) return { status: "gone" };
    const customer = await CustomerModel.findById(request.customerId).lean();
    if (!customer) return { status: "gone" };
    // Only a customer in the chat can make a request that waits here (/mydata).
    if (typeof customer.telegramId !== "number") return { status: "not-delivered", error: new Error("the customer is not on Telegram") };
    const data = await buildExport(customer, now);
    try {
      await deliver({ telegramId: customer.telegramId, language: customer.language }, data);
    } catch (error) {
      return { status: "not-delivered", error };
    }
    const answered = await DataRequestModel.find({ customerId: customer._id, kind: "access", status: "pending" }, { _id: 1 }).lean();
    for (const r of answered) {
      await DataRequestModel.updateOne({ _id: r._id }, { $set: { status: "answered", answeredAt: now } });
      await recordAudit(customer._id, admin(adminId), "export", now, { subjectId: r._id });
    }
    return { status: "answered" };
  });
}

// --- Statistics (A9) -------------------------------------------------------------------------

export interface PeriodStats {
  from: number;
  to: number;
  /** Bookings that stand (not cancelled). */
  bookings: number;
  /** Bookings cancelled, by the customer or the practice; not among `bookings`. */
  cancellations: number;
  attended: number;
  noShows: number;
  /** No-shows among bookings whose attendance was marked, 0–1. */
  noShowRate: number;
  revenueCents: number;
  /** Revenue per payment method, only the methods paid with in the period, in PAYMENT_METHODS order. */
  revenueByMethod: Array<{ method: (typeof PAYMENT_METHODS)[number]; cents: number }>;
}

async function periodStats(from: Date, to: Date): Promise<PeriodStats> {
  const window = { $gte: from, $lt: to };
  const [bookings, cancellations, attended, noShows, payments] = await Promise.all([
    BookingModel.countDocuments({ status: "confirmed", start: window }),
    BookingModel.countDocuments({ status: "cancelled", start: window }),
    BookingModel.countDocuments({ status: "confirmed", attendance: "attended", start: window }),
    BookingModel.countDocuments({ status: "confirmed", attendance: "no-show", start: window }),
    PaymentModel.find({ paidAt: window }, { amountCents: 1, method: 1 }).lean(),
  ]);
  const marked = attended + noShows;
  return {
    from: from.getTime(),
    to: to.getTime(),
    bookings,
    cancellations,
    attended,
    noShows,
    noShowRate: marked === 0 ? 0 : noShows / marked,
    revenueCents: payments.reduce((sum, p) => sum + p.amountCents, 0),
    revenueByMethod: PAYMENT_METHODS.map((method) => ({
      method,
      cents: payments.filter((p) => p.method === method).reduce((sum, p) => sum + p.amountCents, 0),
    })).filter((m) => payments.some((p) => p.method === m.method)),
  };
}

/** This week's and this month's figures in the practice's zone (A9). */
export async function stats(now: number, zone: string): Promise<{ week: PeriodStats; month: PeriodStats }> {
  const local = DateTime.fromMillis(now, { zone });
  const week = local.startOf("week");
  const month = local.startOf("month");
  return {
    week: await periodStats(week.toJSDate(), week.plus({ weeks: 1 }).toJSDate()),
    month: await periodStats(month.toJSDate(), month.plus({ months: 1 }).toJSDate()),
  };
}

/** Standing bookings inside a time-off exception (for cancelling them). */
export async function bookingsInException(exceptionId: string): Promise<AgendaItem[]> {
  if (!Types.ObjectId.isValid(exceptionId)) return [];
  const exception = await ScheduleExceptionModel.findById(exceptionId).lean();
  if (!exception) return [];
  const start = exception.start.getTime();
  const end = exception.end.getTime();
  return (await agenda(start - 24 * 3_600_000, end)).filter((b) => b.end > start && b.start < end);
}

/** Records the customer's refusal of all marketing, received outside the bot (e.g. by email). */
export async function withdrawMarketingForCustomer(adminId: number, customerId: string, now: Date): Promise<number | undefined> {
  if (!Types.ObjectId.isValid(customerId) || !(await CustomerModel.exists({ _id: customerId }))) return undefined;
  return (await withdrawAllFor(new Types.ObjectId(customerId), "admin", admin(adminId), now)).length;
}
