import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { validate } from "@telegram-apps/init-data-node";
import mongoose from "mongoose";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_TOKEN } from "../../src/demo/sample.js";
import { until } from "../helpers/bot-process.js";

/**
 * `npm run demo` as the README tells a newcomer to run it (its `predemo` builds), driven in a real
 * headless Chromium: a customer books through the page by pressing its buttons and typing, the
 * practitioner's chat shows the notification, and both chats are saved as the README's
 * screenshots (docs/demo-customer.png, docs/demo-practitioner.png). The demo's database is a
 * database of its own on the tests' server (MONGODB_URI), so no second FerretDB is built.
 */
const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(import.meta.dirname, "../..");
const hasChromium = existsSync(CHROMIUM);
const SKIPPED = `skipped: ${CHROMIUM} is missing (on Debian: apt-get install -y chromium)`;
if (!hasChromium) console.warn(`test/demo/demo-browser.test.ts ${SKIPPED}`);

/** A running demo: its page's address, and how to stop it (once) and drop its database. */
interface Demo {
  url: string;
  stop(): Promise<void>;
}
const demos: Demo[] = [];
let browser: Browser | undefined;
let page: Page;

/**
 * Starts the demo (`npm run demo`, or another command) with the tests' database server, a free
 * port and a temporary folder, and waits until the bot polls.
 */
async function startDemo(command: string[], env: Record<string, string> = {}): Promise<Demo> {
  const base = new URL(inject("mongodbUri"));
  base.pathname = `/t_${randomBytes(6).toString("hex")}`;
  const dir = await mkdtemp(path.join(tmpdir(), "ajb-demo-"));
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, MONGODB_URI: base.toString(), DEMO_PORT: "0", DEMO_DIR: dir, DEMO_OPEN: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it reaches npm and the demo as a Ctrl-C would.
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let stopped = false;
  const demo: Demo = {
    url: "",
    async stop() {
      if (stopped) return;
      stopped = true;
      // As Ctrl-C would; whatever is left after 30 s is killed.
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, "SIGINT");
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // gone already
          }
        }, 30_000);
        await exited;
        clearTimeout(timer);
      }
      // The demo keeps to a database of its own on that server: the URI's name + "_demo".
      const connection = await mongoose.createConnection(`${base.toString()}_demo`).asPromise();
      await connection.dropDatabase();
      await connection.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  demos.push(demo);
  await until(() => /The bot is running/.test(output) || child.exitCode !== null, 280_000, () => `the demo did not start:\n${output}`);
  expect(child.exitCode, output).toBeNull();
  demo.url = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
  return demo;
}

beforeAll(async () => {
  if (!hasChromium) return;
  browser = await chromium.launch({ executablePath: CHROMIUM });
  page = await browser.newPage({ viewport: { width: 1280, height: 960 }, acceptDownloads: true });
  page.setDefaultTimeout(60_000);
});

afterAll(async () => {
  await browser?.close();
  for (const demo of demos) await demo.stop();
}, 90_000);

/** The newest message in a chat whose text matches (waits for it). */
async function shown(chat: Locator, text: string | RegExp): Promise<Locator> {
  const message = chat.locator(".message", { has: page.locator(".text", { hasText: text }) }).last();
  await message.waitFor();
  return message;
}

/** Presses a button (by label, or the first) of the newest message whose text matches. */
async function press(chat: Locator, prompt: string | RegExp, label?: string | RegExp): Promise<void> {
  const message = await shown(chat, prompt);
  const buttons = message.locator(".inline-button");
  await (label === undefined ? buttons.first() : buttons.filter({ hasText: label }).first()).click();
}

/** Types a message into the chat's text field and sends it. */
async function type(chat: Locator, text: string): Promise<void> {
  await chat.locator(".composer-input").fill(text);
  await chat.locator(".composer .send").click();
}

/** A download's content, started by clicking `link`. */
async function download(link: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path()), "utf8") };
}

describe("npm run demo in a browser", () => {
  it.skipIf(!hasChromium)(
    hasChromium ? "a customer books through the page and the practitioner's chat shows it" : `a customer books through the page (${SKIPPED})`,
    { timeout: 300_000 },
    async () => {
      const demo = await startDemo(["npm", "run", "demo"]);
      await page.goto(demo.url);
      const customer = page.locator('.chat[data-role="customer"]').first();
      const practitioner = page.locator('.chat[data-role="practitioner"]');
      await page.locator("#status.running").waitFor();
      expect(await page.locator("#notice").textContent()).toMatch(/fictional practice/);

      // The customer's Telegram speaks English; the menu the bot registered follows at once.
      await customer.locator("select.language").selectOption("en");
      await customer.locator(".start-button").click();
      await press(customer, "Hello! I book appointments", "Book an appointment");
      await press(customer, "Which treatment", "60 min");
      await press(customer, /choose a day/);
      await press(customer, /choose a time/);
      await shown(customer, "first name");
      await type(customer, "Matti");
      await shown(customer, "last name");
      await type(customer, "Meikäläinen");
      await shown(customer, "email address");
      await type(customer, "matti@example.com");
      await shown(customer, "phone number");
      await type(customer, "040 123 4567");
      await press(customer, "Before your first booking", "I have read");
      await press(customer, "May ", "Continue");
      await press(customer, "Please check your booking", "Confirm booking");
      await shown(customer, "Your appointment is booked");
      const ics = customer.locator("a.document", { hasText: ".ics" }).last();
      await ics.waitFor();

      // The practitioner (Finnish) is told at once, with the booking's actions.
      const notification = await shown(practitioner, "Uusi varaus");
      expect(await notification.locator(".text").textContent()).toContain("Matti Meikäläinen");
      expect(await notification.locator(".inline-button").allTextContents()).toContain("✓ Kävi");
      // Her buttons work too: contact details only on demand.
      await notification.locator(".inline-button", { hasText: "Yhteystiedot" }).click();
      await shown(practitioner, "Sähköposti: matti@example.com");

      // The README's screenshots are renewed on request (SCREENSHOTS=docs); otherwise they go to a
      // temporary folder, so a test run leaves the working tree as it was.
      const shots = process.env.SCREENSHOTS === "docs" ? path.join(ROOT, "docs") : tmpdir();
      await customer.screenshot({ path: path.join(shots, "demo-customer.png") });
      await practitioner.screenshot({ path: path.join(shots, "demo-practitioner.png") });

      // Documents download: the calendar file, and the /mydata export.
      const calendar = await download(ics);
      expect(calendar.name).toMatch(/\.ics$/);
      expect(calendar.text).toContain("BEGIN:VCALENDAR");
      await type(customer, "/mydata");
      const exportLink = customer.locator("a.document", { hasText: ".json" }).last();
      await exportLink.waitFor();
      const exported = await download(exportLink);
      expect(exported.name).toBe("my-data.json");
      expect(JSON.stringify((JSON.parse(exported.text) as { profile: unknown }).profile)).toContain("matti@example.com");

      // The command menu per chat: the practitioner's has the admin commands, the customer's not.
      await practitioner.locator(".menu").click();
      expect(await practitioner.locator(".menu-command").allTextContents()).toContain("/today");
      await customer.locator(".menu").click();
      const customerMenu = await customer.locator(".menu-item").allTextContents();
      expect(customerMenu.some((item) => item.includes("/book") && item.includes("Book an appointment"))).toBe(true);
      expect(customerMenu.some((item) => item.includes("/today"))).toBe(false);
      await customer.locator(".menu").click();

      // What people type is shown as text, never run as HTML.
      const hostile = `<img src=x onerror="document.body.dataset.hacked='yes'"><b>bold</b>`;
      await type(customer, hostile);
      const echoed = await shown(customer, "<b>bold</b>");
      expect(await echoed.locator(".text").textContent()).toBe(hostile);
      expect(await customer.locator(".messages img, .messages b").count()).toBe(0);
      expect(await page.locator("body").getAttribute("data-hacked")).toBeNull();

      // Another customer gets a chat of their own.
      await page.locator("#add-customer").click();
      await page.locator('.chat[data-role="customer"]').nth(1).waitFor();
      expect(await page.locator(".chat").count()).toBe(3);

      // The demo serves the Mini App too (issue 15): the panel opens it, signed by the demo token,
      // and it shows the practice's treatments.
      await customer.locator(".webapp-open").click();
      await page.locator("#webapp-panel").waitFor();
      let app: ReturnType<typeof page.frames>[number] | undefined;
      await until(() => (app = page.frames().find((f) => /\/app\/#/.test(f.url()))) !== undefined, 30_000, () => "the Mini App did not open");
      await app!.getByText("60 min").first().waitFor({ timeout: 30_000 });
      await demo.stop();
    },
  );

  it.skipIf(!hasChromium)(
    hasChromium ? "with WEBAPP_URL, a chat opens the Mini App in a panel with initData signed by the demo's token" : `the Mini App panel (${SKIPPED})`,
    { timeout: 300_000 },
    async () => {
      // Stands in for the Mini App (issue 15).
      const miniApp = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Mini App</title><p>Mini App"));
      await new Promise<void>((resolve) => miniApp.listen(0, "127.0.0.1", resolve));
      try {
        const webAppUrl = `http://127.0.0.1:${(miniApp.address() as AddressInfo).port}/app/`;
        // Built by the test above (or by `npm run build`): the compiled demo, as `npm run demo` runs it.
        const demo = await startDemo([process.execPath, "dist/demo/main.js"], { WEBAPP_URL: webAppUrl });
        await page.goto(demo.url);
        const customer = page.locator('.chat[data-role="customer"]').first();
        await customer.locator("select.language").selectOption("en");
        await customer.locator(".webapp-open").click();
        await page.locator("#webapp-panel").waitFor();
        await until(() => page.frames().some((f) => f.url().startsWith(`${webAppUrl}#`)), 30_000, () => "the Mini App did not open");
        const launch = new URL(page.frames().find((f) => f.url().startsWith(`${webAppUrl}#`))!.url());
        const initData = new URLSearchParams(launch.hash.slice(1)).get("tgWebAppData")!;
        expect(() => validate(initData, DEMO_TOKEN)).not.toThrow();
        expect(JSON.parse(new URLSearchParams(initData).get("user")!)).toMatchObject({ id: 2001, first_name: "Matti", language_code: "en" });
        await page.locator("#webapp-close").click();
        expect(await page.locator("#webapp-panel").isHidden()).toBe(true);
        await demo.stop();
      } finally {
        miniApp.close();
      }
    },
  );
});
