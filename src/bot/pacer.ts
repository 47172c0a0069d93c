import { createRequire } from "node:module";

/**
 * Calls that put no message in anyone's chat, not counted against the limit: set-up, polling,
 * and the answer to a button press (it only stops the button's spinner; Telegram's 30-a-second
 * limit is on messages).
 */
const NOT_SENDING = new Set([
  "answerCallbackQuery",
  "sendChatAction",
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
 * One budget for everything the bot sends (O10, A6): at most `perWindow` Bot API requests in any
 * `windowMs` (each holds its place from its start until `windowMs` after its answer), across every Api the bot uses (its own, the one each conversation builds, the
 * broadcasts'). It paces the HTTP requests themselves (the Api clients' `fetch`), below
 * auto-retry, so every retry counts as the request it is, and below the conversations plugin, whose
 * replay answers a flow's earlier calls from its log without a request: those cost nothing. A
 * waiting interactive request (someone pressed a button) always goes before a waiting bulk one,
 * so a campaign using the whole budget delays a customer's answer by one slot at most.
 */
export function createSendPacer({ perWindow = 29, windowMs = 1000 } = {}) {
  /**
   * A request holds its place from its start until `windowMs` after its answer: Telegram counts a
   * request when it arrives, which is somewhere between the two, so however late a request reaches
   * it, no window there holds more than `perWindow`.
   */
  let inFlight = 0;
  /** When the finished requests still holding a place got their answers, oldest first. */
  const finished: number[] = [];
  const waiting: Record<Priority, Array<() => void>> = { interactive: [], bulk: [] };
  let timer: NodeJS.Timeout | undefined;

  function pump(): void {
    const now = performance.now();
    while (finished.length > 0 && finished[0]! <= now - windowMs) finished.shift();
    while (inFlight + finished.length < perWindow) {
      const next = waiting.interactive.shift() ?? waiting.bulk.shift();
      if (!next) return;
      inFlight++;
      next();
    }
    if (timer === undefined && finished.length > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        pump();
      }, Math.max(1, finished[0]! + windowMs - now));
    }
  }

  /** Waits for a free place in the window; the returned function gives it back once answered. */
  function acquire(priority: Priority): Promise<() => void> {
    return new Promise((resolve) => {
      waiting[priority].push(() =>
        resolve(() => {
          inFlight--;
          finished.push(performance.now());
          pump();
        }),
      );
      pump();
    });
  }

  return {
    acquire,
    /**
     * `base` (grammY's own node-fetch when not given) paced at `priority`: pass it as an Api's or
     * Bot's `client.fetch`. Conversations build their Apis from the bot's client options, so they
     * share it.
     */
    fetch(priority: Priority, base: PacedFetch = nodeFetch): ClientFetch {
      const paced: PacedFetch = async (url, init) => {
        const method = url.split("/").pop() ?? "";
        if (NOT_SENDING.has(method)) return base(url, init);
        const done = await acquire(priority);
        try {
          return await base(url, init);
        } finally {
          done();
        }
      };
      return paced as unknown as ClientFetch;
    },
  };
}

/** The fetch function grammY's Api client calls (`client.fetch`: node-fetch's signature). */
export type PacedFetch = (url: string, init?: { body?: unknown; headers?: unknown; [option: string]: unknown }) => Promise<unknown>;

/**
 * As grammY's client options take it (its own type names node-fetch's, whose types we do not
 * install; the web fetch type is what its options accept here, as in the tests' fakes).
 */
export type ClientFetch = typeof globalThis.fetch;

/** What grammY itself uses on Node.js when given no fetch: node-fetch (a dependency of ours too). */
const nodeFetch = createRequire(import.meta.url)("node-fetch") as PacedFetch;

export type SendPacer = ReturnType<typeof createSendPacer>;
