import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODELS } from "../src/db/connect.js";

/** collection → fields, from the inventory table of docs/processing-record.md. */
function documentedFields(): Map<string, Set<string>> {
  const text = readFileSync(new URL("../docs/processing-record.md", import.meta.url), "utf8");
  const inventory = text.slice(text.indexOf("## Field inventory"));
  const fields = new Map<string, Set<string>>();
  for (const match of inventory.matchAll(/^\| ([a-z_]+) \| (\w+) \| [PCTB] \|/gm)) {
    const set = fields.get(match[1]!) ?? new Set<string>();
    set.add(match[2]!);
    fields.set(match[1]!, set);
  }
  return fields;
}

/** collection → top-level stored fields, from the Mongoose models. */
function modelFields(): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  for (const model of MODELS) {
    const names = Object.keys(model.schema.paths)
      .map((path) => path.split(".")[0]!)
      .filter((name) => name !== "_id" && name !== "__v");
    fields.set(model.collection.collectionName, new Set(names));
  }
  return fields;
}

describe("record of processing activities (P12)", () => {
  it("lists every stored field of every model, and nothing that is not stored", () => {
    const documented = documentedFields();
    const stored = modelFields();
    for (const [collection, names] of stored) {
      for (const name of names) expect(documented.get(collection)?.has(name), `${collection}.${name} is not in docs/processing-record.md`).toBe(true);
    }
    for (const [collection, names] of documented) {
      for (const name of names) expect(stored.get(collection)?.has(name), `${collection}.${name} is documented but not stored`).toBe(true);
    }
  });

  it("keeps the data minimal: no identity code and no health, treatment or free-text fields about customers (P2)", () => {
    const forbidden = /^(hetu|ssn|identityCode|personalIdentityCode|dateOfBirth|birthDate|health.*|treatment.*|diagnos.*|symptom.*|medical.*|notes?|comment.*|message.*)$/i;
    const stored = modelFields();
    for (const collection of ["customers", "bookings", "payments", "consent_records", "audit_entries", "data_requests"]) {
      for (const name of stored.get(collection) ?? []) expect(name, `${collection}.${name}`).not.toMatch(forbidden);
    }
    expect(forbidden.test("treatmentNotes")).toBe(true);
  });
});
