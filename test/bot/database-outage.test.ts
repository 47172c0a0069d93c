import { randomBytes } from "node:crypto";
import net from "node:net";
import type { AddressInfo } from "node:net";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureIndexes } from "../../src/db/connect.js";
import { seedDefaults } from "../../src/services/seed.js";
import { createTestBot, LogCapture, TestCustomer } from "../helpers/bot.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";

/** A TCP relay to the test database that can be cut and restored, as a network outage would. */
function relay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))),
    cut() {
      up = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      up = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const target = new URL(inject("mongodbUri"));
const proxy = relay({ host: target.hostname, port: Number(target.port || 27017) });
const name = `t_${randomBytes(6).toString("hex")}`;

beforeAll(async () => {
  const port = await proxy.listen();
  const url = new URL(target.toString());
  url.host = `127.0.0.1:${port}`;
  url.pathname = `/${name}`;
  mongoose.set("bufferTimeoutMS", 1500);
  await mongoose.connect(url.toString(), { serverSelectionTimeoutMS: 1500, heartbeatFrequencyMS: 500 });
  await ensureIndexes();
  await seedDefaults();
});
afterAll(async () => {
  proxy.restore();
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
  await proxy.close();
});

describe("database outage (O5)", () => {
  it("apologises in the customer's language while the database is away, never crashes, and recovers", async () => {
    const tg = new FakeTelegram();
    const logs = new LogCapture();
    const customer = new TestCustomer(createTestBot(tg, undefined, logs), tg, { id: 8801, language: "sv" });
    await customer.send("/start");
    expect(customer.lastText()).toContain("Hej!");

    proxy.cut();
    await customer.send("/book");
    expect(customer.lastText()).toBe("Förlåt, något gick fel hos oss. Försök igen om en stund.");
    await customer.pressData("menu:book", 1);
    expect(customer.lastText()).toBe("Förlåt, något gick fel hos oss. Försök igen om en stund.");
    expect(logs.lines.some((l) => l.includes('"level":50') && l.includes('"update_id"'))).toBe(true);

    proxy.restore();
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      await new Promise((r) => setTimeout(r, 250));
      await customer.send("/book");
      recovered = customer.lastText() === "Vilken behandling vill du boka?";
    }
    expect(recovered).toBe(true);
    await customer.press("60 min");
    expect(customer.lastText()).toContain("välj en dag");
  }, 60_000);
});
