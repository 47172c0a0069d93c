import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { FakeTelegram } from "./fake-telegram.js";

/**
 * The fake Bot API over loopback, for a bot running as a separate process: it answers every
 * method like FakeTelegram, and serves `getUpdates` from a queue with Telegram's offset rules
 * (an update is dropped once a later offset confirms it, and redelivered until then).
 */
export class BotApiServer {
  readonly tg = new FakeTelegram();
  private readonly queue: Update[] = [];
  private readonly waiting = new Set<() => void>();
  /** When each update was first handed to the bot (performance.now()), by update id. */
  readonly deliveredAt = new Map<number, number>();
  private server: Server | undefined;
  /**
   * Calls for which this returns true get no answer (until `stop`): the bot waits on them, as it
   * would on a stalled network, so a test can kill it at a known point.
   */
  hold: ((method: string, payload: Record<string, unknown>) => boolean) | undefined;
  private nextId = 1;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c)).on("end", () => {
        void this.answer(req.url ?? "", Buffer.concat(chunks).toString("utf8")).then((body) => {
          res.writeHead(200, { "content-type": "application/json" }).end(body);
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiting) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Queues an update (its id assigned here and returned) for the bot to fetch. */
  push(update: Omit<Update, "update_id">): number {
    const id = this.nextId++;
    this.queue.push({ ...update, update_id: id });
    for (const wake of this.waiting) wake();
    return id;
  }

  private async answer(url: string, body: string): Promise<string> {
    const method = url.split("/").pop() ?? "";
    if (method !== "getUpdates") {
      const payload = (body.startsWith("{") ? JSON.parse(body) : {}) as Record<string, unknown>;
      if (this.hold?.(method, payload)) return new Promise<string>(() => undefined);
      return (await this.tg.fetch(url, { body })).text();
    }
    const params = (body.startsWith("{") ? JSON.parse(body) : {}) as { offset?: number; timeout?: number };
    const offset = params.offset ?? 0;
    while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    if (this.queue.length === 0 && (params.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiting.delete(wake);
          resolve();
        };
        this.waiting.add(wake);
        setTimeout(wake, Math.min(params.timeout ?? 0, 2) * 1000);
      });
    }
    const batch = this.queue.slice(0, 100);
    const now = performance.now();
    for (const update of batch) if (!this.deliveredAt.has(update.update_id)) this.deliveredAt.set(update.update_id, now);
    return JSON.stringify({ ok: true, result: batch });
  }
}
