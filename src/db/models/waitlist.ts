import { Schema, model, type InferSchemaType } from "mongoose";
import { DAY_PARTS } from "../../domain/waitlist.js";

/**
 * A customer's wish to be told when a time opens (W1): a service, the local days it may be on
 * (`fromDay`–`toDay`, yyyy-mm-dd in the practice's zone) and optionally a part of the day. It is
 * the customer's own request, so offers for it need no marketing consent. Dropped after
 * `expiresAt` (the end of its last day), when the customer removes it or books from it.
 */
const waitlistEntrySchema = new Schema(
  {
    customerId: { type: Schema.Types.ObjectId, ref: "Customer", required: true, index: true },
    serviceId: { type: Schema.Types.ObjectId, ref: "Service", required: true },
    fromDay: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    toDay: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    part: { type: String, enum: DAY_PARTS, required: true },
    /**
     * Set when the customer asked while moving a booking: a time taken from an offer moves this
     * booking instead of making a new one. The entry ends at the booking's change deadline.
     */
    bookingId: { type: Schema.Types.ObjectId, ref: "Booking" },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { collection: "waitlist_entries", versionKey: false },
);

/**
 * A time offered to a waiting customer (W2). `_id` is "<customer>:<start ms>" and the offer is
 * inserted before it is sent: the unique `_id` is what makes each customer offered a given time
 * once, across processes and restarts. `sentAt` is set (under the entry's lease) before the
 * message goes out, so an offer is sent at most once. When someone books time overlapping
 * [start, end), `goneAt` is set (services/freed-time.ts), and the waitlist job edits the offer
 * message (`messageId`) so its button for this time is gone; `goneShownAt` says that was done.
 */
const waitlistOfferSchema = new Schema(
  {
    _id: { type: String, required: true },
    entryId: { type: Schema.Types.ObjectId, required: true, index: true },
    customerId: { type: Schema.Types.ObjectId, ref: "Customer", required: true, index: true },
    start: { type: Date, required: true, index: true },
    /** The end of the time a booking at `start` would hold (the service and its buffer). */
    end: { type: Date },
    /** The longest-waiting customer's offers go out at once; others' after the head start (W3). */
    sendAfter: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date },
    /** The offer message in the customer's chat (one message holds an entry's times). */
    messageId: { type: Number },
    /** Someone booked time overlapping this one. */
    goneAt: { type: Date },
    /** The offer message was edited to say so. */
    goneShownAt: { type: Date },
  },
  { collection: "waitlist_offers", versionKey: false },
);

/**
 * Time that became free (a cancellation, a move's old time, claims released, hours opened),
 * written where it was freed and taken by the waitlist job, which deletes it once its offers
 * exist. Nothing about who freed it.
 */
const freedTimeSchema = new Schema(
  {
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    at: { type: Date, required: true, index: true },
  },
  { collection: "freed_times", versionKey: false },
);

export type WaitlistEntryFields = InferSchemaType<typeof waitlistEntrySchema>;
export const WaitlistEntryModel = model("WaitlistEntry", waitlistEntrySchema);
export const WaitlistOfferModel = model("WaitlistOffer", waitlistOfferSchema);
export const FreedTimeModel = model("FreedTime", freedTimeSchema);
