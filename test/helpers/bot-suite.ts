import { afterEach, beforeEach, vi } from "vitest";
import { seedDefaults } from "../../src/services/seed.js";
import { FakeTelegram } from "./fake-telegram.js";

/**
 * The common frame of a bot test file: the clock pinned at `now` (only `Date`; timers run), the
 * default services and hours seeded, and a fresh fake Telegram (`suite.tg`) for each test.
 */
export function useBotSuite(now: number | Date): { tg: FakeTelegram } {
  const suite = { tg: new FakeTelegram() };
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    await seedDefaults();
    suite.tg = new FakeTelegram();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return suite;
}
