import { Types } from "mongoose";
import { BookingModel } from "../db/models/booking.js";
import { CLAIM_CELL_MINUTES, SlotClaimModel } from "../db/models/slot-claim.js";
import { recordFreedTime } from "./freed-time.js";
import { isDuplicateKey } from "../db/errors.js";
import type { Interval } from "../domain/availability.js";

const MINUTE = 60_000;
/**
 * The lease of a claim: a claim whose booking does not exist this long after it was made, or a
 * move marked this long ago, was left by a process that died halfway, and is freed.
 */
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

/** The outcome of a claim: the time is ours, or it is taken, with what another booking holds there. */
export type ClaimResult = { ok: true } | { ok: false; taken: Interval[] };

type BulkError = { writeErrors?: Array<{ index?: number; err?: { index?: number } }> };

/** How many documents an ordered insert wrote before it failed, if the error says. */
function insertedBeforeFailure(error: unknown): number | undefined {
  const first = (error as BulkError).writeErrors?.[0];
  return first?.index ?? first?.err?.index;
}

/** Inserts the cells for a booking in one ordered insert; false (having freed what it wrote) on a conflict. */
async function insertCells(bookingId: Types.ObjectId, cells: Date[], now: Date): Promise<boolean> {
  try {
    // Lean: the cells are typed here, so Mongoose's casting and validation of each (0.4 ms of the
    // bot's CPU for a booking's 14 cells) would add nothing.
    await SlotClaimModel.insertMany(
      cells.map((cell) => ({ _id: cell, bookingId, claimedAt: now })),
      { ordered: true, lean: true },
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

/**
 * The time other bookings hold around `cells`: each owner's claimed cells within a day of them,
 * merged into intervals. Told to a customer who lost a time, so the fresh times shown leave out
 * the winner's booking even before it is written.
 */
async function takenAround(bookingId: Types.ObjectId, cells: Date[]): Promise<Interval[]> {
  const first = cells[0]!.getTime();
  const last = cells.at(-1)!.getTime();
  const near = await SlotClaimModel.find(
    { _id: { $gte: new Date(first - 24 * 60 * MINUTE), $lt: new Date(last + 24 * 60 * MINUTE) } },
    { bookingId: 1 },
  ).lean();
  const requested = new Set(cells.map((c) => c.getTime()));
  const winners = new Set(
    near.filter((c) => requested.has(c._id.getTime()) && !c.bookingId.equals(bookingId)).map((c) => c.bookingId.toHexString()),
  );
  const taken: Interval[] = [];
  const held = near
    .filter((c) => winners.has(c.bookingId.toHexString()))
    .map((c) => c._id.getTime())
    .sort((a, b) => a - b);
  for (const cell of held) {
    const open = taken.at(-1);
    if (open && open.end === cell) open.end = cell + CELL_MS;
    else taken.push({ start: cell, end: cell + CELL_MS });
  }
  return taken;
}

/**
 * Claims cells for a booking. Every cell is a unique `_id`, so of several bookings wanting a
 * shared cell exactly one succeeds, whichever process it runs in. On a conflict the cells this
 * call inserted are released again and the time others hold there is returned.
 *
 * Cells this booking already holds among `cells` (claimed by an attempt whose process died before
 * the booking was written, and pressed again after a restart) are claimed afresh: freed, then
 * inserted again with a new lease, so the sweep cannot free them under the booking being written.
 */
export async function claimCellsFor(bookingId: Types.ObjectId, cells: Date[], now = new Date()): Promise<ClaimResult> {
  if (cells.length === 0) return { ok: true };
  if (await insertCells(bookingId, cells, now)) return { ok: true };
  const ownEarlier = await SlotClaimModel.deleteMany({ bookingId, _id: { $in: cells } });
  if (ownEarlier.deletedCount > 0 && (await insertCells(bookingId, cells, now))) return { ok: true };
  return { ok: false, taken: await takenAround(bookingId, cells) };
}

/** Claims [start, end) for a booking; see claimCellsFor. */
export async function claimSlot(bookingId: Types.ObjectId, start: number, end: number, now = new Date()): Promise<ClaimResult> {
  return claimCellsFor(bookingId, claimCells(start, end), now);
}

/** Frees all the time a booking holds. */
export async function releaseSlot(bookingId: Types.ObjectId): Promise<void> {
  await SlotClaimModel.deleteMany({ bookingId });
}

/**
 * Puts the claims back in line with the bookings: frees the cells of bookings that were never
 * written (a process died between claiming and writing; a claim is left alone for its lease,
 * STALE_CLAIM_MS, as its booking may be being written right now) or were cancelled, and the cells
 * a booking holds outside its own time (an interrupted move, once its mark is older than the
 * lease). Runs at start and then every minute on every instance (main.ts): each step is safe to
 * run at any time from any process. One read of the claims and one of their bookings; writes only
 * where something is to be freed. Returns how many cells it freed.
 */
export async function repairClaims(now: number): Promise<number> {
  const staleBefore = now - STALE_CLAIM_MS;
  const claims = await SlotClaimModel.find({ _id: { $gte: new Date(now - 24 * 60 * MINUTE) } }, { bookingId: 1, claimedAt: 1 }).lean();
  const byOwner = new Map<string, Array<{ cell: Date; claimedAt: number }>>();
  for (const c of claims) {
    const key = c.bookingId.toHexString();
    const claimedAt = c.claimedAt?.getTime() ?? c.bookingId.getTimestamp().getTime();
    byOwner.set(key, [...(byOwner.get(key) ?? []), { cell: c._id, claimedAt }]);
  }
  if (byOwner.size === 0) return 0;
  const owners = [...byOwner.keys()].map((id) => new Types.ObjectId(id));
  const bookings = new Map(
    (await BookingModel.find({ _id: { $in: owners } }, { status: 1, start: 1, bufferEnd: 1, moveTo: 1 }).lean()).map((b) => [
      b._id.toHexString(),
      b,
    ]),
  );
  let freed = 0;
  // The span of time freed, for the waitlist (W2): one record for the sweep.
  let span: { start: number; end: number } | undefined;
  const note = (cells: readonly Date[], count: number) => {
    if (count === 0 || cells.length === 0) return;
    const times = cells.map((c) => c.getTime());
    const start = Math.min(...times);
    const end = Math.max(...times) + CELL_MS;
    span = span ? { start: Math.min(span.start, start), end: Math.max(span.end, end) } : { start, end };
  };
  for (const bookingId of owners) {
    const cells = byOwner.get(bookingId.toHexString())!;
    const booking = bookings.get(bookingId.toHexString());
    if (!booking) {
      // Only cells whose lease ran out; the filter on claimedAt keeps a cell claimed afresh
      // meanwhile (claimCellsFor) from being freed.
      const stale = cells.filter((c) => c.claimedAt < staleBefore).map((c) => c.cell);
      if (stale.length === 0) continue;
      const count = (
        await SlotClaimModel.deleteMany({
          bookingId,
          _id: { $in: stale },
          $or: [{ claimedAt: { $lt: new Date(staleBefore) } }, { claimedAt: { $exists: false } }],
        })
      ).deletedCount;
      note(stale, count);
      freed += count;
      continue;
    }
    if (booking.status === "cancelled") {
      const count = (await SlotClaimModel.deleteMany({ bookingId })).deletedCount;
      note(
        cells.map((c) => c.cell),
        count,
      );
      freed += count;
      continue;
    }
    if (booking.moveTo?.at && booking.moveTo.at.getTime() > staleBefore) continue; // a move in progress
    const from = cellStart(booking.start.getTime());
    const to = booking.bufferEnd.getTime();
    const outside = cells.filter((c) => c.cell.getTime() < from || c.cell.getTime() >= to).map((c) => c.cell);
    if (outside.length > 0) {
      const count = (await SlotClaimModel.deleteMany({ bookingId, _id: { $in: outside } })).deletedCount;
      note(outside, count);
      freed += count;
    }
    if (booking.moveTo?.at) await BookingModel.updateOne({ _id: bookingId }, { $unset: { moveTo: 1 } });
  }
  if (span) await recordFreedTime(span.start, span.end, new Date(now));
  return freed;
}
