import type { Transformer } from "grammy";

/** Calls that send nothing to anyone's chat: set-up and polling, not counted against the limit. */
const NOT_SENDING = new Set([
  "getUpdates",
  "getMe",
  "getFile",
  "setWebhook",
  "deleteWebhook",
  "getWebhookInfo",
  "setMyCommands",
  "deleteMyCommands",
  "getMyCommands",
  "setChatMenuButton",
  "close",
  "logOut",
]);

/** Who is waiting: a person in a chat, or a campaign that can wait a little. */
export type Priority = "interactive" | "bulk";

/**
 * One budget for everything the bot sends (O10, A6): at most `perWindow` Bot API calls start in
 * any `windowMs`, across every Api the bot uses (its own, the one each conversation builds, the
 * broadcasts'). It is installed as the innermost transformer, below auto-retry, so every retry
 * counts as the call it is. A waiting interactive call (someone pressed a button) always goes
 * before a waiting bulk one, so a campaign using the whole budget delays a customer's answer by
 * one slot at most.
 */
export function createSendPacer({ perWindow = 29, windowMs = 1000 } = {}) {
  /** Start times of the calls in the current window, oldest first. */
  const started: number[] = [];
  const waiting: Record<Priority, Array<() => void>> = { interactive: [], bulk: [] };
  let timer: NodeJS.Timeout | undefined;

  function pump(): void {
    const now = performance.now();
    while (started.length > 0 && started[0]! <= now - windowMs) started.shift();
    while (started.length < perWindow) {
      const next = waiting.interactive.shift() ?? waiting.bulk.shift();
      if (!next) return;
      started.push(now);
      next();
    }
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        pump();
      }, Math.max(1, started[0]! + windowMs - now));
    }
  }

  /** Waits for a free place in the window. */
  function acquire(priority: Priority): Promise<void> {
    return new Promise((resolve) => {
      waiting[priority].push(resolve);
      pump();
    });
  }

  return {
    acquire,
    /** The transformer for one Api; install it before any other (innermost). */
    transformer(priority: Priority): Transformer {
      return async (prev, method, payload, signal) => {
        if (!NOT_SENDING.has(method)) await acquire(priority);
        return prev(method, payload, signal);
      };
    },
  };
}

export type SendPacer = ReturnType<typeof createSendPacer>;
