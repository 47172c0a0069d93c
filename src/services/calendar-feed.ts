import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Projected } from "../db/models/projected.js";
import { DateTime } from "luxon";
import type { Types } from "mongoose";
import type { Language } from "../domain/enums.js";
import { BookingModel, type BookingFields } from "../db/models/booking.js";
import { CalendarFeedFetchModel, CalendarFeedModel } from "../db/models/calendar-feed.js";
import { CustomerModel } from "../db/models/customer.js";
import { ScheduleExceptionModel } from "../db/models/schedule.js";
import type { BookingLean } from "./bookings.js";
import { withLock } from "./locks.js";

/*
 * The practitioner's calendar subscription (A14). Its address is /calendar/<feed id>/<token>.ics:
 * the id finds the record, the token (32 random bytes) proves the right to read it. Only the
 * token's SHA-256 is stored and it is compared in constant time; a token of that strength needs
 * no slow hash. A wrong address costs one read by `_id` and writes nothing.
 */

/** How far back the feed reaches: last month's visits stay in her calendar. */
export const FEED_PAST_DAYS = 30;
/** How far ahead at least: a year, or the booking horizon if longer (she may book further ahead than customers). */
export const FEED_AHEAD_DAYS = 365;

const FEED_ID = /^[0-9a-f]{16}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest();

/** A feed just made: the only moment its token exists outside the practitioner's calendar app. */
export interface IssuedFeed {
  feedId: string;
  token: string;
  hideNames: boolean;
}

/** A feed's settings and use, for /calendarfeed. Plain data. */
export interface FeedStatus {
  feedId: string;
  hideNames: boolean;
  createdAt: number;
  /** The latest fetch, if any. */
  lastFetchAt?: number;
  /** Fetches in the last seven days. */
  recentFetches: number;
}

/** A feed whose address was right: whose it is and how it is written. */
export interface FeedAccess {
  feedId: string;
  adminId: number;
  language: Language;
  hideNames: boolean;
}

/**
 * Makes the practitioner a new feed address, replacing any she had (the old one stops working at
 * once); the names setting carries over. Under a lock, so two presses leave one working address,
 * the one the later answer shows.
 */
export async function issueFeed(adminId: number, language: Language, now: Date): Promise<IssuedFeed> {
  return withLock(`calendar-feed:${adminId}`, async () => {
    const previous = await CalendarFeedModel.findOne({ adminId }, { hideNames: 1 }).lean();
    await CalendarFeedModel.deleteMany({ adminId });
    const feedId = randomBytes(8).toString("hex");
    const token = randomBytes(32).toString("base64url");
    const hideNames = previous?.hideNames ?? false;
    await CalendarFeedModel.create({ _id: feedId, adminId, tokenHash: hashToken(token).toString("hex"), language, hideNames, createdAt: now });
    return { feedId, token, hideNames };
  });
}

/** Deletes the practitioner's feed: its address answers "not found" from now on. False when she had none. */
export async function revokeFeed(adminId: number): Promise<boolean> {
  return (await CalendarFeedModel.deleteMany({ adminId })).deletedCount > 0;
}

/** Shows or hides customers' names in the practitioner's feed (and writes it in `language`). False when she has none. */
export async function setFeedNames(adminId: number, hideNames: boolean, language: Language): Promise<boolean> {
  const result = await withLock(`calendar-feed:${adminId}`, () => CalendarFeedModel.updateOne({ adminId }, { $set: { hideNames, language } }));
  return result.matchedCount > 0;
}

/** The practitioner's feed, if she has one. */
export async function feedStatus(adminId: number, now: number): Promise<FeedStatus | undefined> {
  const feed = await CalendarFeedModel.findOne({ adminId }).lean();
  if (!feed) return undefined;
  const [last, recentFetches] = await Promise.all([
    CalendarFeedFetchModel.findOne({ feedId: feed._id }, { at: 1 }).sort({ at: -1 }).lean(),
    CalendarFeedFetchModel.countDocuments({ feedId: feed._id, at: { $gte: new Date(now - 7 * 86_400_000) } }),
  ]);
  return {
    feedId: feed._id,
    hideNames: feed.hideNames,
    createdAt: feed.createdAt.getTime(),
    ...(last ? { lastFetchAt: last.at.getTime() } : {}),
    recentFetches,
  };
}

/**
 * The feed an address names, if its token is right and it belongs to one of `adminIds` (someone
 * removed from ADMIN_IDS loses it at once). Reads one record; writes nothing.
 */
export async function authenticateFeed(feedId: string, token: string, adminIds: readonly number[]): Promise<FeedAccess | undefined> {
  if (!FEED_ID.test(feedId) || !TOKEN.test(token)) return undefined;
  const feed = await CalendarFeedModel.findById(feedId).lean();
  if (!feed) return undefined;
  const stored = Buffer.from(feed.tokenHash, "hex");
  const given = hashToken(token);
  if (stored.length !== given.length || !timingSafeEqual(stored, given)) return undefined;
  if (!adminIds.includes(feed.adminId)) return undefined;
  return { feedId: feed._id, adminId: feed.adminId, language: feed.language, hideNames: feed.hideNames };
}

/** One booking as the feed holds it. Plain data. */
export interface FeedBooking {
  ref: string;
  icsSequence: number;
  start: number;
  end: number;
  updatedAt?: number;
  serviceName: Record<Language, string>;
  /** Absent when names are hidden. */
  customerName?: string;
}

/** Blocked time as the feed holds it. */
export interface FeedBlock {
  id: string;
  start: number;
  end: number;
  updatedAt?: number;
}

/** What one fetch of the feed shows: standing bookings starting in [from, to) and the time off around them. */
export interface FeedContent {
  from: number;
  to: number;
  bookings: FeedBooking[];
  blocks: FeedBlock[];
}

/** The window a fetch at `now` covers: FEED_PAST_DAYS back, a year or the horizon ahead. */
export function feedWindow(now: number, zone: string, horizonDays: number): { from: number; to: number } {
  const today = DateTime.fromMillis(now, { zone }).startOf("day");
  return { from: today.minus({ days: FEED_PAST_DAYS }).toMillis(), to: today.plus({ days: Math.max(FEED_AHEAD_DAYS, horizonDays) + 1 }).toMillis() };
}

/**
 * The feed's content for `access` and records the fetch as the admin's view of those bookings
 * (one entry, see CalendarFeedFetchModel) before anything is handed out: a fetch that cannot be
 * recorded fails.
 */
export async function fetchFeed(access: FeedAccess, window: { from: number; to: number }, now: Date): Promise<FeedContent> {
  const [bookings, blocks] = await Promise.all([
    BookingModel.find({ status: "confirmed", start: { $gte: new Date(window.from), $lt: new Date(window.to) } })
      .sort({ start: 1 })
      .lean<Array<BookingLean & { updatedAt?: Date }>>(),
    ScheduleExceptionModel.find({ kind: "closed", end: { $gt: new Date(window.from) }, start: { $lt: new Date(window.to) } }).sort({ start: 1 }).lean(),
  ]);
  const names = new Map<string, string>();
  if (!access.hideNames) {
    const customers = await CustomerModel.find({ _id: { $in: bookings.map((b) => b.customerId) } }, { firstName: 1, lastName: 1 }).lean();
    for (const c of customers) names.set(c._id.toHexString(), [c.firstName, c.lastName].filter(Boolean).join(" "));
  }
  await CalendarFeedFetchModel.create({
    feedId: access.feedId,
    adminId: access.adminId,
    at: now,
    names: !access.hideNames,
    from: new Date(window.from),
    to: new Date(window.to),
    bookings: bookings.length,
  });
  return {
    ...window,
    bookings: bookings.map((b) => {
      const name = names.get(b.customerId.toHexString());
      return {
        ref: b.ref,
        icsSequence: b.icsSequence ?? 0,
        start: b.start.getTime(),
        end: b.end.getTime(),
        ...(b.updatedAt ? { updatedAt: b.updatedAt.getTime() } : {}),
        serviceName: { fi: b.service.name.fi, sv: b.service.name.sv, en: b.service.name.en },
        ...(name ? { customerName: name } : {}),
      };
    }),
    blocks: blocks.map((e) => ({
      id: e._id.toHexString(),
      start: e.start.getTime(),
      end: e.end.getTime(),
      ...(e.updatedAt ? { updatedAt: e.updatedAt.getTime() } : {}),
    })),
  };
}

/** How a practitioner's feed showed one customer's bookings by name: how many fetches, first and last. */
export interface FeedViews {
  adminId: number;
  fetches: number;
  first: number;
  last: number;
}

/**
 * The fetches of any practitioner's feed that showed a booking of this customer with their name
 * (A8): those made while the booking stood (after it was made, before it was cancelled) with its
 * start inside the fetch's window. Grouped per practitioner, for /audit.
 */
export async function feedViewsOf(customerId: Types.ObjectId): Promise<FeedViews[]> {
  const bookings = await BookingModel.find({ customerId }, { start: 1, createdAt: 1, cancelledAt: 1 }).lean<
    Array<Projected<BookingFields, "start" | "cancelledAt"> & { createdAt?: Date }>
  >();
  if (bookings.length === 0) return [];
  const spans = bookings.map((b) => ({
    start: b.start.getTime(),
    from: b.createdAt?.getTime() ?? 0,
    until: b.cancelledAt?.getTime() ?? Number.MAX_SAFE_INTEGER,
  }));
  const earliest = Math.min(...spans.map((s) => s.from));
  const fetches = await CalendarFeedFetchModel.find({ names: true, at: { $gte: new Date(earliest) } }, { adminId: 1, at: 1, from: 1, to: 1 })
    .sort({ at: 1 })
    .lean();
  const byAdmin = new Map<number, FeedViews>();
  for (const f of fetches) {
    const at = f.at.getTime();
    const shown = spans.some((s) => s.from <= at && at < s.until && s.start >= f.from.getTime() && s.start < f.to.getTime());
    if (!shown) continue;
    const views = byAdmin.get(f.adminId) ?? { adminId: f.adminId, fetches: 0, first: at, last: at };
    views.fetches++;
    views.last = at;
    byAdmin.set(f.adminId, views);
  }
  return [...byAdmin.values()];
}
