import { Schema, model, type InferSchemaType } from "mongoose";
import { LANGUAGES } from "../../domain/enums.js";

/**
 * A practitioner's private calendar subscription (A14): one per practitioner, keyed by a random
 * public id that is part of the feed's address together with a secret token. Only the token's
 * SHA-256 is stored, so the database (or a backup) does not give the address away; renewing
 * replaces the record, revoking deletes it.
 */
const calendarFeedSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The practitioner's Telegram id (one of ADMIN_IDS). */
    adminId: { type: Number, required: true, unique: true },
    tokenHash: { type: String, required: true },
    /** The language of the events' titles: the practitioner's when she made or changed the feed. */
    language: { type: String, enum: LANGUAGES, required: true },
    /** True: events say the service only, not the customer's name. */
    hideNames: { type: Boolean, required: true, default: false },
    createdAt: { type: Date, required: true },
  },
  { collection: "calendar_feeds", versionKey: false },
);

/**
 * One fetch of a calendar feed: the audit record of an admin's view of customers' bookings through
 * her calendar app (P8). One entry per fetch, naming the feed and the window it covered, rather than
 * one per customer: the customers concerned are those with a booking in the window, and /audit
 * works them out from here. Kept AUDIT_RETENTION_DAYS like the audit log.
 */
const calendarFeedFetchSchema = new Schema(
  {
    feedId: { type: String, required: true },
    adminId: { type: Number, required: true },
    at: { type: Date, required: true, index: true },
    /** Whether customers' names were in it. */
    names: { type: Boolean, required: true },
    /** The bookings it held started in [from, to). */
    from: { type: Date, required: true },
    to: { type: Date, required: true },
    /** How many bookings it held. */
    bookings: { type: Number, required: true },
  },
  { collection: "calendar_feed_fetches", versionKey: false },
);

export type CalendarFeedFields = InferSchemaType<typeof calendarFeedSchema>;
export const CalendarFeedModel = model("CalendarFeed", calendarFeedSchema);
export const CalendarFeedFetchModel = model("CalendarFeedFetch", calendarFeedFetchSchema);
