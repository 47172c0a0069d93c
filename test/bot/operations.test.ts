import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { AccessLogModel } from "../../src/db/models/technical.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { createLogger } from "../../src/logger.js";
import { createWebhookServer } from "../../src/server.js";
import { logAccess } from "../../src/services/technical.js";
import { createTestBot, LogCapture, TestCustomer, testConfig } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { textUpdate } from "../helpers/fake-telegram.js";
import { at } from "../helpers/fixtures.js";

useTestDatabase();
const suite = useBotSuite(at("2026-12-01T08:00"));
const SECRET = "s3cret-token-for-tests-0123456789abcdef";

async function withServer(
  fn: (base: string) => Promise<void>,
  options: { healthy?: () => Promise<boolean>; trustedProxies?: number; logs?: LogCapture } = {},
) {
  const bot = createTestBot(suite.tg);
  const server = createWebhookServer({
    bot,
    secret: SECRET,
    path: "/telegram",
    maxBodyBytes: 10_000,
    trustedProxies: options.trustedProxies ?? 0,
    healthy: options.healthy ?? (() => Promise.resolve(true)),
    logAccess: (ip, path, status) => logAccess(ip, path, status, new Date()),
    logger: createLogger("info", options.logs ?? new LogCapture()),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The access log once it has `count` entries (they are written after each response). */
async function accessLog(count: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const entries = await AccessLogModel.find().sort({ _id: 1 }).lean();
    if (entries.length >= count || Date.now() > deadline) return entries;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const post = (url: string, body: unknown, secret?: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("webhook mode (O2, O8, P11)", () => {
  it("refuses requests without or with a wrong secret (401) and processes nothing", async () => {
    await withServer(async (base) => {
      const update = textUpdate(suite.tg, { id: 8101, language: "fi" }, "/start");
      expect((await post(`${base}/telegram`, update)).status).toBe(401);
      expect((await post(`${base}/telegram`, update, "wrong-secret")).status).toBe(401);
      expect(suite.tg.calls).toEqual([]);
      expect(await CustomerModel.countDocuments()).toBe(0);
      const ok = await post(`${base}/telegram`, update, SECRET);
      expect(ok.status).toBe(200);
      expect(suite.tg.lastText(8101)).toContain("Hei!");
      // Only the authenticated request is in the access log (the refused ones are counted: below).
      expect((await accessLog(1)).map((e) => e.status)).toEqual([200]);
    });
  });

  it("a request with the secret whose body is not an update gets 400, so Telegram does not send it again, and nothing is processed", async () => {
    await withServer(async (base) => {
      for (const body of ["{not json", "null", "[]", "42", '"text"', "{}", '{"update_id":"7"}']) {
        expect((await post(`${base}/telegram`, body, SECRET)).status, body).toBe(400);
      }
      expect(suite.tg.calls).toEqual([]);
      expect(await CustomerModel.countDocuments()).toBe(0);
      const update = textUpdate(suite.tg, { id: 8102, language: "fi" }, "/start");
      expect((await post(`${base}/telegram`, update, SECRET)).status).toBe(200);
      expect(suite.tg.lastText(8102)).toContain("Hei!");
      expect((await accessLog(8)).map((e) => e.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 200]);
    });
  });

  it("requests refused before authentication write nothing to the database: they are counted in the log, without addresses", async () => {
    const logs = new LogCapture();
    await withServer(
      async (base) => {
        const update = textUpdate(suite.tg, { id: 8103, language: "fi" }, "/start");
        for (let i = 0; i < 3; i++) expect((await post(`${base}/telegram`, update, "wrong-secret")).status).toBe(401);
        expect((await post(`${base}/telegram`, "x".repeat(20_000))).status).toBe(401);
        expect((await fetch(`${base}/telegram`)).status).toBe(401);
        expect((await post(`${base}/wp-login.php`, update)).status).toBe(404);
        expect((await fetch(`${base}/.env`)).status).toBe(404);
        // One authenticated request after them: once its entry is written, any of theirs would be.
        expect((await post(`${base}/telegram`, update, SECRET)).status).toBe(200);
        expect((await accessLog(1)).map((e) => e.status)).toEqual([200]);
        expect(await AccessLogModel.countDocuments()).toBe(1);
      },
      { logs },
    );
    // Closing the server logs the counts not yet reported.
    const reports = logs.lines.filter((l) => l.includes("refused before authentication")).map((l) => JSON.parse(l) as { refused: unknown });
    expect(reports.map((r) => r.refused)).toEqual([{ 401: 5, 404: 2 }]);
    expect(logs.lines.join("")).not.toContain("127.0.0.1");
  });

  it("behind trusted proxies the access log has the address the outermost trusted proxy saw, not what the client wrote", async () => {
    const update = () => textUpdate(suite.tg, { id: 8104, language: "fi" }, "hei");
    const forwarded = (value: string) => ({ "x-forwarded-for": value });
    await withServer(
      async (base) => {
        // The client wrote 6.6.6.6; the one proxy appended the address it saw.
        await post(`${base}/telegram`, update(), SECRET, forwarded("6.6.6.6, 203.0.113.7"));
        await post(`${base}/telegram`, update(), SECRET, forwarded("203.0.113.8"));
        await post(`${base}/telegram`, update(), SECRET); // the proxy did not say: its own address
        expect((await accessLog(3)).map((e) => e.ip)).toEqual(["203.0.113.7", "203.0.113.8", "127.0.0.1"]);
      },
      { trustedProxies: 1 },
    );
    await AccessLogModel.deleteMany({});
    await withServer(
      async (base) => {
        // Two proxies: a CDN saw 203.0.113.9 and the load balancer saw the CDN (10.0.0.2).
        await post(`${base}/telegram`, update(), SECRET, forwarded("6.6.6.6,203.0.113.9, 10.0.0.2"));
        await post(`${base}/telegram`, update(), SECRET, forwarded("203.0.113.10")); // fewer hops than proxies
        expect((await accessLog(2)).map((e) => e.ip)).toEqual(["203.0.113.9", "203.0.113.10"]);
      },
      { trustedProxies: 2 },
    );
    await AccessLogModel.deleteMany({});
    await withServer(async (base) => {
      // No trusted proxy: the header is the client's word and is ignored.
      await post(`${base}/telegram`, update(), SECRET, forwarded("6.6.6.6"));
      expect((await accessLog(1)).map((e) => e.ip)).toEqual(["127.0.0.1"]);
    });
  });

  it("refuses oversized bodies, answers health checks, and logs source addresses apart", async () => {
    let dbUp = true;
    await withServer(
      async (base) => {
        expect((await post(`${base}/telegram`, "x".repeat(20_000), SECRET)).status).toBe(413);
        expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
        const health = await fetch(`${base}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ status: "ok", database: "up" });
        dbUp = false;
        expect((await fetch(`${base}/healthz`)).status).toBe(503);
        const entries = await accessLog(1);
        // Only requests to the webhook path are Telegram's; those are the access log.
        expect(entries.map((e) => e.status)).toEqual([413]);
        expect(entries.every((e) => e.ip === "127.0.0.1")).toBe(true);
      },
      { healthy: () => Promise.resolve(dbUp) },
    );
  });
});

describe("duplicate updates and flood protection (O6)", () => {
  it("an update delivered twice is handled once", async () => {
    const bot = createTestBot(suite.tg);
    const update = textUpdate(suite.tg, { id: 8201, language: "fi" }, "/start");
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);
    expect(suite.tg.textsTo(8201)).toHaveLength(1);
  });

  it("past the per-user limit updates are dropped with one polite notice; others are unaffected", async () => {
    const logs = new LogCapture();
    const bot = createTestBot(suite.tg, testConfig({ RATE_LIMIT_PER_MINUTE: "5" }), logs);
    const flooder = new TestCustomer(bot, suite.tg, { id: 8301, language: "fi" });
    for (let i = 0; i < 12; i++) await flooder.send(`hei ${i}`);
    const texts = flooder.texts();
    expect(texts.filter((t) => t.includes("En ymmärtänyt"))).toHaveLength(5);
    expect(texts.filter((t) => t.includes("nopeammin kuin ehdin vastata"))).toHaveLength(1);
    const calm = new TestCustomer(bot, suite.tg, { id: 8302, language: "fi" });
    await calm.send("/start");
    expect(calm.lastText()).toContain("Hei!");
  });
});

describe("outgoing retries (O6)", () => {
  it("a booking goes on while the Bot API answers 429 and 502 now and then: every message arrives, none twice", async () => {
    let calls = 0;
    suite.tg.failWith = (call) => {
      if (!["sendMessage", "editMessageText"].includes(call.method)) return undefined;
      calls++;
      if (calls === 2) return { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } };
      if (calls === 5) return { error_code: 502, description: "Bad Gateway" };
      return undefined;
    };
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 8401, language: "fi" });
    await customer.send("/start");
    await customer.press("Varaa aika");
    await customer.press("60 min");
    await customer.press("ke 2.12.");
    expect(suite.tg.calls.filter((c) => c.failed)).toHaveLength(2);
    const delivered = customer.texts();
    expect(delivered).toHaveLength(4); // greeting, services, days, times: each once
    expect(delivered[1]).toBe("Minkä hoidon haluat varata?");
    expect(delivered[3]).toContain("valitse kellonaika");
  }, 30_000);
});
