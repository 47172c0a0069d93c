import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../src/domain/enums.js";
import { AUDIT_FIELDS, renderReceipt } from "../src/bot/features/admin.js";
import { createI18n, LOCALES_DIR } from "../src/bot/i18n.js";
import { AUDIT_ACTIONS } from "../src/db/models/audit.js";
import { testConfig } from "./helpers/bot.js";

function load(language: string) {
  const source = readFileSync(path.join(LOCALES_DIR, `${language}.ftl`), "utf8");
  const resource = new FluentResource(source);
  const bundle = new FluentBundle(language, { useIsolating: false });
  const errors = bundle.addResource(resource);
  const ids = resource.body.filter((entry) => "id" in entry && !String(entry.id).startsWith("-")).map((e) => String((e as { id: string }).id));
  return { bundle, errors, ids, source };
}

/**
 * Names of the variables a message's pattern uses; with `placedOnly`, only those printed in the
 * text (a count that only chooses a plural variant, as in "[one] Peru tämä varaus", is not printed).
 */
function variablesOf(pattern: unknown, placedOnly = false): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const n = node as { type?: string; name?: string; variants?: unknown };
      if (n.type === "var" && n.name) names.add(n.name);
      if (n.type === "select" && placedOnly) visit(n.variants);
      else Object.values(node).forEach(visit);
    }
  };
  visit(pattern);
  return [...names];
}

describe("locales", () => {
  const loaded = Object.fromEntries(LANGUAGES.map((l) => [l, load(l)]));

  it("parse without errors", () => {
    for (const language of LANGUAGES) expect(loaded[language]!.errors).toEqual([]);
  });

  it("have exactly the same keys in fi, sv and en", () => {
    const fi = [...loaded.fi!.ids].sort();
    expect([...loaded.sv!.ids].sort()).toEqual(fi);
    expect([...loaded.en!.ids].sort()).toEqual(fi);
  });

  it("render every message in every language without errors", () => {
    for (const language of LANGUAGES) {
      const { bundle, ids } = loaded[language]!;
      for (const id of ids) {
        const message = bundle.getMessage(id);
        expect(message?.value, `${language}:${id}`).toBeTruthy();
        const args = Object.fromEntries(variablesOf(message!.value).map((name) => [name, `<${name}>`]));
        const errors: Error[] = [];
        const text = bundle.formatPattern(message!.value!, args, errors);
        expect(errors, `${language}:${id}`).toEqual([]);
        expect(text.trim().length, `${language}:${id}`).toBeGreaterThan(0);
        for (const name of variablesOf(message!.value, true)) expect(text, `${language}:${id}`).toContain(`<${name}>`);
      }
    }
  });

  it("use the same variables for a key in every language", () => {
    for (const id of loaded.fi!.ids) {
      const fi = variablesOf(loaded.fi!.bundle.getMessage(id)?.value).sort();
      for (const language of ["sv", "en"]) {
        expect(variablesOf(loaded[language]!.bundle.getMessage(id)?.value).sort(), `${language}:${id}`).toEqual(fi);
      }
    }
  });

  it("cover every key the code uses", () => {
    const sources = readdirSync(path.join(LOCALES_DIR, "..", "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(path.join(LOCALES_DIR, "..", "src", f), "utf8"))
      .join("\n");
    const used = new Set([
      ...[...sources.matchAll(/\bt\("([a-z][\w-]*)"/g)].map((m) => m[1]!),
      ...[...sources.matchAll(/\b(?:i18n\.t|translate)\([^,()]+, "([a-z][\w-]*)"/g)].map((m) => m[1]!),
    ]);
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(loaded.fi!.ids, key).toContain(key);
    for (const field of ["firstName", "lastName", "email", "phone"]) expect(loaded.fi!.ids).toContain(`booking-ask-${field}`);
    for (const field of ["name", "email", "phone"]) {
      for (const reason of ["empty", "too-long", "invalid"]) expect(loaded.fi!.ids).toContain(`invalid-${field}-${reason}`);
    }
    for (const name of ["start", "book", "mybookings", "privacy", "language", "help", "cancel"]) {
      expect(loaded.fi!.ids).toContain(`command-${name}`);
    }
  });

  it("carry no hand-made plurals such as varaus(ta), bokning(ar) or booking(s): Fluent chooses the form", () => {
    for (const language of LANGUAGES) {
      const lines = loaded[language]!.source.split("\n").filter((line) => !line.startsWith("#"));
      const handMade = lines.filter((line) => /\p{L}\(\p{L}{1,3}\)/u.test(line));
      expect(handMade, language).toEqual([]);
    }
  });

  it("agree a counted word with its number in every language", () => {
    const render = (language: string, id: string, args: Record<string, string | number>) => {
      const { bundle } = loaded[language]!;
      const errors: Error[] = [];
      const text = bundle.formatPattern(bundle.getMessage(id)!.value!, args, errors);
      expect(errors, `${language}:${id}`).toEqual([]);
      return text;
    };
    const cases: Array<[string, string, Record<string, string | number>, string]> = [
      ["fi", "admin-agenda-title", { day: "ti 1.12.2026", count: 1 }, "ti 1.12.2026: 1 varaus"],
      ["fi", "admin-agenda-title", { day: "ti 1.12.2026", count: 3 }, "ti 1.12.2026: 3 varausta"],
      ["sv", "admin-agenda-title", { day: "tis 1.12.2026", count: 1 }, "tis 1.12.2026: 1 bokning"],
      ["sv", "admin-agenda-title", { day: "tis 1.12.2026", count: 2 }, "tis 1.12.2026: 2 bokningar"],
      ["en", "admin-agenda-title", { day: "Tue 1 Dec 2026", count: 1 }, "Tue 1 Dec 2026: 1 booking"],
      ["en", "admin-agenda-title", { day: "Tue 1 Dec 2026", count: 2 }, "Tue 1 Dec 2026: 2 bookings"],
      ["fi", "button-admin-cancel-inside", { count: 1 }, "Peru tämä varaus ja ilmoita asiakkaalle"],
      ["fi", "button-admin-cancel-inside", { count: 2 }, "Peru nämä 2 varausta ja ilmoita asiakkaille"],
      ["sv", "button-admin-cancel-inside", { count: 1 }, "Avboka den här bokningen och meddela kunden"],
      ["en", "button-admin-cancel-inside", { count: 4 }, "Cancel these 4 bookings and tell the customers"],
      ["fi", "admin-off-cancelled", { count: 1 }, "Peruttu 1 varaus; asiakkaalle on ilmoitettu."],
      ["sv", "admin-off-cancelled", { count: 2 }, "2 bokningar avbokade; kunderna har meddelats."],
      ["en", "admin-off-cancelled", { count: 0 }, "Nothing was cancelled."],
      ["sv", "admin-broadcast-started", { count: 1 }, "Skickar till 1 kund. Jag rapporterar hur det går."],
      ["en", "admin-broadcast-started", { count: 1 }, "Sending to 1 customer. I will report progress."],
    ];
    for (const [language, id, args, expected] of cases) expect(render(language, id, args), `${language}:${id}`).toBe(expected);
    const contains: Array<[string, string, Record<string, string | number>, string]> = [
      ["fi", "deleteme-done", { cancelled: 0, payments: 1 }, "Yksi maksutieto säilytetään"],
      ["fi", "deleteme-done", { cancelled: 0, payments: 2 }, "2 maksutietoa säilytetään"],
      ["sv", "deleteme-done", { cancelled: 0, payments: 1 }, "En betalningsuppgift sparas"],
      ["en", "deleteme-done", { cancelled: 0, payments: 3 }, "3 payment records are kept"],
      ["fi", "change-past-cutoff", { hours: 1, phone: "p", email: "e" }, "viimeistään tuntia ennen sen alkua"],
      ["fi", "change-past-cutoff", { hours: 24, phone: "p", email: "e" }, "viimeistään 24 tuntia ennen sen alkua"],
      ["sv", "change-past-cutoff", { hours: 1, phone: "p", email: "e" }, "senast en timme före start"],
      ["en", "change-past-cutoff", { hours: 1, phone: "p", email: "e" }, "until one hour before"],
      ["en", "retention-question", { business: "b", years: 1, days: 30 }, "for a year."],
      ["sv", "retention-question", { business: "b", years: 3, days: 1 }, "inom en dag raderas"],
    ];
    for (const [language, id, args, expected] of contains) expect(render(language, id, args), `${language}:${id}`).toContain(expected);
  });

  it("have a text for every audit action, actor and field name the practitioner's /audit shows", () => {
    const sources = readdirSync(path.join(LOCALES_DIR, "..", "src", "services"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(path.join(LOCALES_DIR, "..", "src", "services", f), "utf8"))
      .join("\n");
    const recorded = [...sources.matchAll(/fields: \[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/"(\w+)"/g)].map((f) => f[1]!));
    expect(recorded.length).toBeGreaterThan(5);
    for (const field of recorded) expect(AUDIT_FIELDS, field).toContain(field);
    const ids = loaded.fi!.ids;
    for (const action of AUDIT_ACTIONS) expect(ids).toContain(`audit-action-${action}`);
    for (const field of AUDIT_FIELDS) expect(ids).toContain(`audit-field-${field}`);
    for (const actor of ["customer", "system", "admin"]) expect(ids).toContain(`audit-actor-${actor}`);
  });

  it("print a receipt number and a year as written, and a VAT rate with the language's decimal sign", () => {
    const i18n = createI18n("fi");
    const config = { zone: "Europe/Helsinki", business: testConfig().business };
    const receipt = {
      receiptNumber: 1234,
      paidAt: Date.UTC(2026, 11, 1, 8),
      customerName: "Testi Asiakas",
      serviceName: "Klassinen hieronta 60 min",
      amountCents: 5500,
      vatTreatment: "standard" as const,
      vatRatePercent: 25.5,
      vatCents: 1118,
      method: "card",
    };
    const render = (language: "fi" | "sv" | "en") => renderReceipt(language, receipt, (key, vars) => i18n.t(language, key, vars), config);
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
    expect(plain(render("fi"))).toContain("KUITTI nro 1234\n");
    expect(plain(render("fi"))).toContain("Päivämäärä: 1.12.2026\n");
    expect(plain(render("fi"))).toContain("Sisältää ALV 25,5 %: 11,18 €");
    expect(plain(render("sv"))).toContain("KVITTO nr 1234\n");
    expect(plain(render("sv"))).toContain("Inklusive moms 25,5 %: 11,18 €");
    expect(render("en")).toContain("RECEIPT no. 1234\n");
    expect(render("en")).toContain("Date: 1 Dec 2026\n");
    expect(render("en")).toContain("Includes VAT 25.5%: €11.18");
  });
});
