import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../src/logger.js";
import { createScheduler } from "../src/scheduler.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("the scheduler (one for every periodic job)", () => {
  it("runs each job at start or after its first delay, then every period; a failed round does not stop it; stop ends all", async () => {
    vi.useFakeTimers();
    const scheduler = createScheduler(createLogger("silent"));
    const rounds = { sweep: 0, backup: 0, failing: 0 };
    scheduler.start({ name: "sweep", everyMs: 1000, round: () => Promise.resolve(void rounds.sweep++) });
    scheduler.start({ name: "backup", everyMs: 5000, firstAfterMs: 5000, round: () => Promise.resolve(void rounds.backup++) });
    scheduler.start({
      name: "failing",
      everyMs: 1000,
      round: () => {
        rounds.failing++;
        return Promise.reject(new Error("down"));
      },
    });
    scheduler.start(undefined); // a job switched off
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toEqual({ sweep: 1, backup: 0, failing: 1 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(rounds).toEqual({ sweep: 6, backup: 1, failing: 6 });
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rounds).toEqual({ sweep: 6, backup: 1, failing: 6 });
  });

  it("stop waits for a round in progress", async () => {
    const scheduler = createScheduler(createLogger("silent"));
    let finish!: () => void;
    let finished = false;
    scheduler.start({
      name: "slow",
      everyMs: 1000,
      round: () =>
        new Promise<void>((resolve) => {
          finish = () => {
            finished = true;
            resolve();
          };
        }),
    });
    const stopped = scheduler.stop();
    finish();
    await stopped;
    expect(finished).toBe(true);
  });
});
