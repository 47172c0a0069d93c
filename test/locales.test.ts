import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../src/config.js";
import { LOCALES_DIR } from "../src/bot/i18n.js";

function load(language: string) {
  const source = readFileSync(path.join(LOCALES_DIR, `${language}.ftl`), "utf8");
  const resource = new FluentResource(source);
  const bundle = new FluentBundle(language, { useIsolating: false });
  const errors = bundle.addResource(resource);
  const ids = resource.body.filter((entry) => "id" in entry && !String(entry.id).startsWith("-")).map((e) => String((e as { id: string }).id));
  return { bundle, errors, ids, source };
}

/** Names of the variables a message's pattern uses. */
function variablesOf(pattern: unknown): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const n = node as { type?: string; name?: string };
      if (n.type === "var" && n.name) names.add(n.name);
      Object.values(node).forEach(visit);
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
        for (const name of Object.keys(args)) expect(text, `${language}:${id}`).toContain(`<${name}>`);
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
});
