import { Schema, model, type InferSchemaType, type HydratedDocument } from "mongoose";
import { BOOKING_STATUSES } from "../../domain/enums.js";
import { bumpsCalendar } from "./calendar-version.js";

const serviceNameSchema = new Schema(
  {
    fi: { type: String, required: true },
    sv: { type: String, required: true },
    en: { type: String, required: true },
  },
  { _id: false },
);

const bookedServiceSchema = new Schema(
  {
    name: { type: serviceNameSchema, required: true },
    durationMinutes: { type: Number, required: true },
    priceCents: { type: Number, required: true },
    vatTreatment: { type: String, enum: ["exempt", "standard"], required: true },
    vatRatePercent: { type: Number, required: true },
  },
  { _id: false },
);

/**
 * An appointment. Every change of an existing booking happens under its lock
 * ("booking:<id>", see services/locks.ts): FerretDB rewrites whole documents, so two unlocked
 * updates of different fields could lose one of them. A booking is written only after its time
 * is claimed (services/booking.ts, claims.ts);
 * `bufferEnd` is `end` plus the service's buffer, the instant the next booking may start.
 * The service's name, duration and price are copied in, so later edits of the service do not
 * rewrite what the customer booked.
 */
const bookingSchema = new Schema(
  {
    ref: { type: String, required: true, unique: true },
    customerId: { type: Schema.Types.ObjectId, required: true, index: true },
    serviceId: { type: Schema.Types.ObjectId, required: true },
    service: { type: bookedServiceSchema, required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    bufferEnd: { type: Date, required: true },
    status: { type: String, enum: BOOKING_STATUSES, required: true },
    cancelledAt: { type: Date },
    cancelledBy: { type: String, enum: ["customer", "admin", "system"] },
    /** The practitioner's reason when they cancelled; it was sent to the customer. */
    cancelReason: { type: String, maxlength: 500 },
    /** Whether the customer came (a visit) or not, as the practitioner marked it. */
    attendance: { type: String, enum: ["attended", "no-show"] },
    /** A move in progress: the range being claimed (see moveBooking); cleared when done. */
    moveTo: {
      start: { type: Date },
      bufferEnd: { type: Date },
      at: { type: Date },
    },
    /**
     * The latest completed move: its identity (chosen by the flow before the confirm button was
     * shown) and the time it moved from, so the same move confirmed again is recognised as done.
     */
    lastMove: {
      moveId: { type: String },
      fromStart: { type: Date },
      fromEnd: { type: Date },
    },
    /** When the reminder is due; unset when the booking gets none (booked inside the window). */
    reminderDueAt: { type: Date },
    reminderSentAt: { type: Date },
    /**
     * The SEQUENCE of the booking's calendar event: 0 when booked, one more at every move and
     * cancel (under the booking's lock), so calendar apps replace the event instead of adding one.
     */
    icsSequence: { type: Number, default: 0 },
  },
  { timestamps: true, collection: "bookings" },
);
bookingSchema.index({ start: 1 });
bookingSchema.index({ bufferEnd: 1 }); // the calendar reads the bookings not yet over
bookingSchema.index({ reminderDueAt: 1 });
// What makes a booking take time; a reminder marked sent or an attendance leaves free times as they are.
bumpsCalendar(bookingSchema, "bookings", ["status", "start", "end", "bufferEnd", "moveTo"]);

export type BookingFields = InferSchemaType<typeof bookingSchema>;
export type BookingDocument = HydratedDocument<BookingFields>;
export const BookingModel = model("Booking", bookingSchema);
