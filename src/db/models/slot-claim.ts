import { Schema, model } from "mongoose";

/** Length of one claim cell. Service durations and buffers are multiples of it. */
export const CLAIM_CELL_MINUTES = 5;

/**
 * One five-minute cell of the practitioner's time, owned by one booking. The cell's start instant
 * is the `_id`, so the database's own unique `_id` index makes a double booking impossible:
 * two bookings whose time ranges overlap by even one cell cannot both insert it (B4).
 */
const slotClaimSchema = new Schema(
  {
    _id: { type: Date, required: true },
    bookingId: { type: Schema.Types.ObjectId, required: true, index: true },
    /**
     * When the cell was claimed: a claim whose booking is still missing after a lease
     * (services/claims.ts, STALE_CLAIM_MS) was left by a process that died, and is freed.
     * Cells claimed before this field existed have none; their booking id's time stands in.
     */
    claimedAt: { type: Date },
  },
  { collection: "slot_claims", versionKey: false },
);

export const SlotClaimModel = model("SlotClaim", slotClaimSchema);
