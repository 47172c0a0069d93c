import { setTimeout as sleep } from "node:timers/promises";
import { LockModel } from "../db/models/lock.js";
import { isDuplicateKey } from "../db/errors.js";

/** Raised when a lock stays held by someone else for longer than the caller will wait. */
export class LockBusyError extends Error {
  constructor(readonly key: string) {
    super(`lock ${key} is busy`);
    this.name = "LockBusyError";
  }
}

/**
 * Takes the lease `key` if it is free or its holder's lease (`leaseMs`) has run out; returns the
 * lease's timestamp, or undefined when someone else holds it.
 */
export async function tryLease(key: string, leaseMs: number): Promise<Date | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const at = new Date();
    try {
      await LockModel.create({ _id: key, at });
      return at;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const held = await LockModel.findById(key).lean();
    if (held && held.at.getTime() > Date.now() - leaseMs) return undefined;
    // Expired (its holder died): remove exactly that lease, then race for a new one by insert.
    if (held) await LockModel.deleteOne({ _id: key, at: held.at });
  }
  return undefined;
}

/** Gives a lease back, if it is still the one taken at `at`. */
export async function releaseLease(key: string, at: Date): Promise<void> {
  await LockModel.deleteOne({ _id: key, at });
}

/**
 * Runs `fn` while holding the lock `key`, waiting up to `waitMs` for it. Changes to one booking
 * (cancel, move) run under "booking:<id>", so they happen one after another in any number of
 * processes.
 */
export async function withLock<T>(key: string, fn: () => Promise<T>, { leaseMs = 30_000, waitMs = 5_000 } = {}): Promise<T> {
  const deadline = performance.now() + waitMs;
  let at = await tryLease(key, leaseMs);
  while (!at) {
    if (performance.now() > deadline) throw new LockBusyError(key);
    await sleep(20 + Math.random() * 30);
    at = await tryLease(key, leaseMs);
  }
  try {
    return await fn();
  } finally {
    await releaseLease(key, at);
  }
}
