import type { Logger } from "./logger.js";

/** A periodic job: started once, stopped on shutdown. */
export interface PeriodicJob {
  /** Stops scheduling rounds and waits for the current one to finish. */
  stop(): Promise<void>;
}

/**
 * What the scheduler runs: a named round, repeated `everyMs` after each round ends. The first
 * round comes at start, or `firstAfterMs` later for jobs that need not run on every restart.
 */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  firstAfterMs?: number;
  round(): Promise<unknown>;
}

/**
 * Runs `round` now (or `firstAfterMs` from now) and then `everyMs` after each round ends (rounds
 * never overlap), until stopped. A failed round is logged under `name` and the next one comes as
 * usual. Every job of the bot is safe to run on several instances at once; the jobs themselves
 * take the leases they need.
 */
export function runPeriodically(
  name: string,
  everyMs: number,
  round: () => Promise<unknown>,
  logger: Logger,
  { firstAfterMs = 0 }: { firstAfterMs?: number } = {},
): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    running = round()
      .catch((error: unknown) => logger.error({ err: error, job: name }, "periodic job failed"))
      .finally(() => {
        if (!stopped) schedule(everyMs);
      });
  };
  if (firstAfterMs > 0) schedule(firstAfterMs);
  else tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** The process's periodic jobs, started one by one and stopped together on shutdown. */
export interface Scheduler {
  /** Starts `job` (nothing for `undefined`: a job switched off by configuration). */
  start(job: ScheduledJob | undefined): void;
  /** Stops every job started, waiting for rounds in progress. */
  stop(): Promise<void>;
}

/** One scheduler for the claim sweep, reminders, retention, backups and the daily agenda (instead of a timer loop each). */
export function createScheduler(logger: Logger): Scheduler {
  const running: PeriodicJob[] = [];
  return {
    start(job) {
      if (!job) return;
      running.push(runPeriodically(job.name, job.everyMs, () => job.round(), logger, job.firstAfterMs ? { firstAfterMs: job.firstAfterMs } : {}));
    },
    async stop() {
      await Promise.all(running.splice(0).map((j) => j.stop()));
    },
  };
}
