import type { Logger } from "./logger.js";

/** A periodic job: started once, stopped on shutdown. */
export interface PeriodicJob {
  /** Stops scheduling rounds and waits for the current one to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `round` now and then `everyMs` after each round ends (rounds never overlap), until stopped.
 * A failed round is logged under `name` and the next one comes as usual. Every job of the bot is
 * safe to run on several instances at once; the jobs themselves take the leases they need.
 */
export function runPeriodically(name: string, everyMs: number, round: () => Promise<unknown>, logger: Logger): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = round()
      .catch((error: unknown) => logger.error({ err: error, job: name }, "periodic job failed"))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(tick, everyMs);
          timer.unref();
        }
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
