import type { Types } from "mongoose";
import { BookingModel } from "../db/models/booking.js";
import { CLAIM_CELL_MINUTES, SlotClaimModel } from "../db/models/slot-claim.js";
import { isDuplicateKey } from "../db/errors.js";

const MINUTE = 60_000;
/** A hold or move older than this was left by a process that died halfway. */
export const STALE_CLAIM_MS = 2 * MINUTE;

const CELL_MS = CLAIM_CELL_MINUTES * MINUTE;

/** The start of the claim cell that contains `instant`. */
function cellStart(instant: number): number {
  return Math.floor(instant / CELL_MS) * CELL_MS;
}

/** The claim cells covering [start, end): every cell-aligned instant from start's cell to end. */
export function claimCells(start: number, end: number): Date[] {
  const cells: Date[] = [];
  for (let t = cellStart(start); t < end; t += CELL_MS) cells.push(new Date(t));
  return cells;
}

type BulkError = { writeErrors?: Array<{ index?: number; err?: { index?: number } }> };

/** How many documents an ordered insert wrote before it failed, if the error says. */
function insertedBeforeFailure(error: unknown): number | undefined {
  const first = (error as BulkError).writeErrors?.[0];
  return first?.index ?? first?.err?.index;
}

/**
 * Claims cells for a booking. Every cell is a unique `_id`, so of several bookings wanting a
 * shared cell exactly one succeeds, whichever process it runs in. On a conflict the cells this
 * call inserted are released again and false is returned.
 */
export async function claimCellsFor(bookingId: Types.ObjectId, cells: Date[]): Promise<boolean> {
  if (cells.length === 0) return true;
  try {
    await SlotClaimModel.insertMany(
      cells.map((cell) => ({ _id: cell, bookingId })),
      { ordered: true },
    );
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // An ordered insert stops at the first conflict: release exactly what it wrote before it.
    // (Cells the same booking already held through another operation must stay.)
    const written = insertedBeforeFailure(error);
    const ours = written === undefined ? cells : cells.slice(0, written);
    if (ours.length > 0) await SlotClaimModel.deleteMany({ bookingId, _id: { $in: ours } });
    return false;
  }
}

/** Claims [start, end) for a booking; see claimCellsFor. */
export async function claimSlot(bookingId: Types.ObjectId, start: number, end: number): Promise<boolean> {
  return claimCellsFor(bookingId, claimCells(start, end));
}

/** Frees all the time a booking holds. */
export async function releaseSlot(bookingId: Types.ObjectId): Promise<void> {
  await SlotClaimModel.deleteMany({ bookingId });
}

/**
 * Puts the claims back in line with the bookings after a crash: frees the cells of bookings that
 * were never written (a process died between claiming and writing; such a claim is left alone
 * while it is younger than STALE_CLAIM_MS, as another process may be writing its booking right
 * now) or were cancelled, and the cells a booking holds outside its own time (an interrupted
 * move). Safe to run at any time, from any process. Returns how many cells it freed.
 */
export async function repairClaims(now: number): Promise<number> {
  const staleBefore = new Date(now - STALE_CLAIM_MS);
  let freed = 0;
  const owners: Types.ObjectId[] = await SlotClaimModel.distinct("bookingId", { _id: { $gte: new Date(now - 24 * 60 * MINUTE) } });
  for (const bookingId of owners) {
    const booking = await BookingModel.findById(bookingId, { status: 1, start: 1, bufferEnd: 1, moveTo: 1 }).lean();
    if (!booking ? bookingId.getTimestamp() < staleBefore : booking.status === "cancelled") {
      freed += (await SlotClaimModel.deleteMany({ bookingId })).deletedCount;
      continue;
    }
    if (!booking) continue;
    if (booking.moveTo?.at && booking.moveTo.at > staleBefore) continue; // a move in progress
    const outside = await SlotClaimModel.deleteMany({
      bookingId,
      $or: [{ _id: { $lt: new Date(cellStart(booking.start.getTime())) } }, { _id: { $gte: booking.bufferEnd } }],
    });
    freed += outside.deletedCount;
    if (booking.moveTo?.at) await BookingModel.updateOne({ _id: bookingId }, { $unset: { moveTo: 1 } });
  }
  return freed;
}
