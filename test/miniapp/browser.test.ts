import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { createServices } from "../../src/services/index.js";
import { seedDefaults } from "../../src/services/seed.js";
import { ADMIN_ID, TEST_ENV, testConfig } from "../helpers/bot.js";
import { useTestDatabase } from "../helpers/db.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { at, bookFor, SETTINGS } from "../helpers/fixtures.js";
import { initDataFor, startWebApp } from "../helpers/webapp.js";

/*
 * The Mini App in a real browser (M1–M5): Debian's Chromium, headless, driven by playwright-core
 * as a person would use it, on a 360 px wide phone screen, against the bot's HTTP server with the
 * real services and database. Telegram's script is replaced by a stand-in `window.Telegram.WebApp`
 * carrying initData signed with the test bot's token, and the theme Telegram would pass.
 *
 * Screenshots go to a temporary folder, or to docs/ with UPDATE_SCREENSHOTS=1.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Mini App browser tests SKIPPED: no Chromium at ${CHROMIUM} (install Debian's chromium package, or set CHROMIUM_PATH).`);
}

/** Monday 30 November 2026, 10.00 in Helsinki: the server's clock (the browser's runs free). */
const NOW = at("2026-11-30T10:00");
const THEMES = {
  light: { bg_color: "#ffffff", text_color: "#000000", hint_color: "#999999", link_color: "#2481cc", button_color: "#2481cc", button_text_color: "#ffffff", secondary_bg_color: "#efeff3" },
  dark: { bg_color: "#17212b", text_color: "#f5f5f5", hint_color: "#708499", link_color: "#6ab3f3", button_color: "#5288c1", button_text_color: "#ffffff", secondary_bg_color: "#232e3c" },
};

useTestDatabase();

describe.skipIf(!hasChromium)("the Mini App in headless Chromium", () => {
  const tg = new FakeTelegram();
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebApp>>;
  let built = "";
  let shots = "";

  beforeAll(async () => {
    built = await mkdtemp(path.join(tmpdir(), "webapp-build-"));
    await build({ configFile: path.resolve("webapp/vite.config.ts"), build: { outDir: built, emptyOutDir: true }, logLevel: "error" });
    shots = process.env.UPDATE_SCREENSHOTS ? path.resolve("docs/screenshots") : await mkdtemp(path.join(tmpdir(), "webapp-shots-"));
    await mkdir(shots, { recursive: true });
    server = await startWebApp(tg, { staticDir: built, now: () => NOW });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(built, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await seedDefaults();
  });

  /** Opens the app as Telegram would for `userId`: a phone-sized page with the WebApp stand-in. */
  async function open(userId: number, options: { scheme?: "light" | "dark"; initData?: string; stub?: boolean } = {}): Promise<{ page: Page; bytes: () => number }> {
    const scheme = options.scheme ?? "light";
    const context = await browser.newContext({ viewport: { width: 360, height: 760 }, deviceScaleFactor: 2, colorScheme: scheme, locale: "fi-FI" });
    // Telegram's script is not fetched: the stand-in below is what it would have set up.
    await context.route("https://telegram.org/**", (route) => route.abort());
    if (options.stub !== false) await context.addInitScript(
      ({ initData, themeParams, colorScheme }) => {
        const noop = () => undefined;
        (globalThis as unknown as { Telegram: unknown }).Telegram = { WebApp: { initData, themeParams, colorScheme, ready: noop, expand: noop, onEvent: noop } };
      },
      { initData: options.initData ?? initDataFor(userId, { language: "fi" }), themeParams: THEMES[scheme], colorScheme: scheme },
    );
    const page = await context.newPage();
    let bytes = 0;
    page.on("requestfinished", (request) => {
      request
        .sizes()
        .then((s) => (bytes += s.responseBodySize + s.responseHeadersSize))
        .catch(() => undefined); // the page was closed meanwhile
    });
    return { page, bytes: () => bytes };
  }

  /**
   * Opens the app, waits for the treatments, picks one with the keyboard (the step's heading has
   * the focus; Tab walks the treatments, Enter picks one) and waits for its calendar: the two
   * waits in ms, the time the person takes left out.
   */
  async function untilCalendar(page: Page): Promise<{ treatments: number; calendar: number }> {
    const started = performance.now();
    await page.goto(server.app);
    await page.getByRole("button", { name: /Klassinen hieronta 60 min/ }).waitFor();
    const treatments = Math.round(performance.now() - started);
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toContain("60 min");
    const picked = performance.now();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "ti 1.12.2026" }).waitFor();
    if (process.env.WEBAPP_TIMING) {
      console.log(await page.evaluate("JSON.stringify(performance.getEntries().map((e) => [e.name.split('/').slice(-2).join('/'), Math.round(e.startTime), Math.round(e.duration)]))"));
    }
    return { treatments, calendar: Math.round(performance.now() - picked) };
  }

  it("a customer books a time in the calendar with the keyboard and the mouse, and cancels it; the database follows", async () => {
    const { page, bytes } = await open(7901);
    const cold = await untilCalendar(page);
    const firstDay = page.getByRole("button", { name: "ti 1.12.2026" });
    await firstDay.click();
    await page.getByRole("button", { name: "ti 1.12.2026 klo 10.00" }).waitFor();
    await page.screenshot({ path: path.join(shots, "webapp-calendar-fi-light.png") });

    await page.getByRole("button", { name: "ti 1.12.2026 klo 10.00" }).click();
    await page.getByLabel("Etunimi").fill("Testi");
    await page.getByLabel("Sukunimi").fill("Selain");
    await page.getByRole("textbox", { name: "Sähköposti" }).fill("testi.selain@example.com");
    await page.getByLabel("Olen lukenut tietosuojaselosteen").check();
    await page.getByRole("button", { name: "Jatka" }).click();
    await page.getByText("Tarkista varauksesi").waitFor();
    await page.getByRole("button", { name: "✅ Vahvista varaus" }).click();
    await page.getByText("Aikasi on varattu").waitFor();

    const booking = await BookingModel.findOne({ status: "confirmed" }).lean();
    expect(booking?.start.getTime()).toBe(at("2026-12-01T10:00"));
    expect(await CustomerModel.findOne({ telegramId: 7901 }, { firstName: 1, lastName: 1, _id: 0 }).lean()).toEqual({ firstName: "Testi", lastName: "Selain" });
    expect(tg.callsOf("sendDocument", 7901)).toHaveLength(1);

    await page.getByRole("tab", { name: "Varaukseni" }).click();
    await page.getByText("ti 1.12.2026 klo 10.00").waitFor();
    await page.getByRole("button", { name: "✖ Peru" }).click();
    await page.getByRole("button", { name: "Kyllä, peru" }).click();
    await page.getByText("Varauksesi on peruttu").waitFor();
    expect(await BookingModel.findById(booking!._id, { status: 1, _id: 0 }).lean()).toEqual({ status: "cancelled" });
    await page.context().close();
    // A later visit, as most are: the server has served one before.
    const later = await open(7906);
    const warm = await untilCalendar(later.page);
    await later.page.context().close();

    const assets = await readdir(path.join(built, "assets"));
    let gzipped = 0;
    for (const name of assets.filter((n) => /\.(js|css)$/.test(n))) gzipped += gzipSync(await readFile(path.join(built, "assets", name)), { level: 9 }).length;
    console.log(
      `Mini App: JS+CSS ${(gzipped / 1024).toFixed(1)} KB gzipped; the whole booking visit downloaded ${(bytes() / 1024).toFixed(1)} KB. ` +
        `Opening to the treatments, and a treatment picked to its calendar (loopback, headless Chromium): ` +
        `first visit after the server started ${cold.treatments} + ${cold.calendar} ms, a later visit ${warm.treatments} + ${warm.calendar} ms`,
    );
    expect(gzipped).toBeLessThan(100 * 1024);
  });

  it("the practitioner sees the booking in her week, light and dark, and marks it attended", async () => {
    const booked = await bookFor(7902, 60, at("2026-12-01T13:00"), NOW, SETTINGS);
    await bookFor(7903, 45, at("2026-12-03T09:00"), NOW, SETTINGS);
    for (const scheme of ["dark", "light"] as const) {
      const { page } = await open(ADMIN_ID, { scheme });
      await page.goto(server.app);
      await page.getByRole("tab", { name: "Viikko" }).click();
      const line = page.getByRole("button", { name: /13\.00–14\.00.*Testi Asiakas7902/ });
      await line.waitFor();
      await page.screenshot({ path: path.join(shots, `webapp-week-fi-${scheme}.png`) });
      if (scheme === "dark") {
        await page.getByRole("tab", { name: "Varaa" }).click();
        await page.getByRole("button", { name: /Klassinen hieronta 60 min/ }).click();
        await page.getByRole("button", { name: "ke 2.12.2026" }).click();
        await page.getByRole("button", { name: "ke 2.12.2026 klo 10.00" }).waitFor();
        await page.screenshot({ path: path.join(shots, "webapp-calendar-fi-dark.png") });
        await page.context().close();
        continue;
      }
      await line.click();
      await page.getByRole("button", { name: "✓ Kävi" }).click();
      await page.getByRole("status").getByText("✓ kävi").waitFor();
      await page.context().close();
    }
    expect(await BookingModel.findById(booked.id, { attendance: 1, _id: 0 }).lean()).toEqual({ attendance: "attended" });
  });

  it("the practitioner books for a phone customer and again for the same one found by phone; both appear in her week, with who waits", async () => {
    // Someone waits for Wednesday (W4): her week says how many, not who.
    const services = createServices(testConfig());
    await CustomerModel.create({ telegramId: 7907, language: "fi", firstName: "Jonottaja", lastSeenAt: new Date(NOW) });
    const [service] = await services.listServices();
    expect((await services.waitlist.join(7907, { serviceId: service!.id, fromDay: "2026-12-02", toDay: "2026-12-02", part: "any" }, NOW)).ok).toBe(true);

    const { page } = await open(ADMIN_ID);
    // A step that does not come says which, well before the test's own time runs out.
    page.setDefaultTimeout(10_000);
    await page.goto(server.app);
    await page.getByRole("tab", { name: "Viikko" }).click();
    await page.getByRole("region", { name: "ke 2.12.2026" }).getByText("⏳ Jonossa 1 asiakas").waitFor();
    expect(await page.getByText("Jonottaja").count()).toBe(0);

    // A new customer who phoned: name and number, checked as the chat checks them.
    await page.getByRole("button", { name: "📅 Varaa asiakkaalle" }).click();
    await page.getByRole("button", { name: "➕ Uusi asiakas" }).click();
    await page.getByLabel("Etunimi").fill("Paula");
    await page.getByLabel("Sukunimi").fill("Puhelin");
    await page.getByLabel("Puhelin (vapaaehtoinen)").fill("12");
    await page.getByRole("button", { name: "Jatka" }).click();
    await page.getByRole("alert").getByText("ei näytä puhelinnumerolta", { exact: false }).waitFor();
    await page.getByLabel("Puhelin (vapaaehtoinen)").fill("040 111 2222");
    await page.getByRole("button", { name: "Jatka" }).click();
    await page.getByRole("button", { name: /Klassinen hieronta 60 min/ }).click();
    // Her rules: today is offered (customers need 12 hours' notice).
    await page.getByRole("button", { name: "ma 30.11.2026" }).click();
    await page.getByRole("button", { name: "ma 30.11.2026 klo 14.00" }).click();
    await page.getByText("Varataanko Klassinen hieronta 60 min asiakkaalle Paula Puhelin ma 30.11.2026 klo 14.00?").waitFor();
    await page.getByRole("button", { name: "✅ Vahvista varaus" }).click();
    await page.getByRole("status").getByText("Asiakas ei ole Telegramissa", { exact: false }).waitFor();
    await page.getByRole("button", { name: /14\.00–15\.00.*Paula Puhelin/ }).waitFor();

    // Found again by her number, typed another way; booked on Wednesday.
    await page.getByRole("button", { name: "📅 Varaa asiakkaalle" }).click();
    await page.getByLabel("Nimi, puhelinnumero tai sähköposti").fill("+358 40 111 2222");
    await page.getByRole("button", { name: "Hae" }).click();
    await page.getByRole("button", { name: "Paula Puhelin (ei Telegramissa)" }).click();
    await page.getByRole("button", { name: /Klassinen hieronta 60 min/ }).click();
    // Her calendar opens at today's month; December is the next.
    await page.getByRole("button", { name: "Seuraava kuukausi" }).click();
    await page.getByRole("button", { name: "ke 2.12.2026" }).click();
    await page.getByRole("button", { name: "ke 2.12.2026 klo 10.00" }).click();
    await page.getByRole("button", { name: "✅ Vahvista varaus" }).click();
    await page.getByRole("button", { name: /10\.00–11\.00.*Paula Puhelin/ }).waitFor();
    await page.screenshot({ path: path.join(shots, "webapp-book-for-fi-light.png") });
    await page.context().close();

    const paula = await CustomerModel.find({ firstName: "Paula" }).lean();
    expect(paula).toHaveLength(1);
    expect(paula[0]!.telegramId ?? undefined).toBeUndefined();
    const bookings = await BookingModel.find({ customerId: paula[0]!._id }, { start: 1, status: 1, _id: 0 }).sort({ start: 1 }).lean();
    expect(bookings).toEqual([
      { start: new Date(at("2026-11-30T14:00")), status: "confirmed" },
      { start: new Date(at("2026-12-02T10:00")), status: "confirmed" },
    ]);
  });

  it("a customer sees no practitioner's tabs; forged initData opens nothing and stores nothing", async () => {
    // Launched as Telegram launches it when its script cannot run: the data in the URL's fragment.
    const customer = await open(7904, { stub: false });
    const fragment = new URLSearchParams({ tgWebAppData: initDataFor(7904, { language: "fi" }), tgWebAppThemeParams: JSON.stringify(THEMES.dark) });
    await customer.page.goto(`${server.app}#${fragment.toString()}`);
    await customer.page.getByRole("tab", { name: "Varaa" }).waitFor();
    expect(await customer.page.getByRole("tab").allTextContents()).toEqual(["Varaa", "Varaukseni"]);
    expect(await customer.page.evaluate("document.documentElement.dataset.scheme")).toBe("dark");
    await customer.page.context().close();

    const forged = await open(7905, { initData: initDataFor(7905, { token: `${TEST_ENV.BOT_TOKEN!}x` }) });
    await forged.page.goto(server.app);
    await forged.page.getByText("Avaa kalenteri botin valikkopainikkeesta Telegramissa.").waitFor();
    expect(await forged.page.getByRole("tab").count()).toBe(0);
    await forged.page.context().close();
    expect(await CustomerModel.exists({ telegramId: 7905 })).toBeNull();
  });
});
