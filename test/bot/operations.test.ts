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

async function withServer(fn: (base: string) => Promise<void>, healthy = () => Promise.resolve(true)) {
  const bot = createTestBot(suite.tg);
  const server = createWebhookServer({
    bot,
    secret: SECRET,
    path: "/telegram",
    maxBodyBytes: 10_000,
    trustProxy: false,
    healthy,
    logAccess: (ip, path, status) => logAccess(ip, path, status, new Date()),
    logger: createLogger("silent"),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const post = (url: string, body: unknown, secret?: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
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
      await new Promise((r) => setTimeout(r, 100));
      expect((await AccessLogModel.find().lean()).map((e) => e.status).sort()).toEqual([200, 401, 401]);
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
        await new Promise((r) => setTimeout(r, 100)); // access log writes happen after the response
        const entries = await AccessLogModel.find().lean();
        // Only requests to the webhook path are Telegram's; those are the access log.
        expect(entries.map((e) => e.status)).toEqual([413]);
        expect(entries.every((e) => e.ip === "127.0.0.1")).toBe(true);
      },
      () => Promise.resolve(dbUp),
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
