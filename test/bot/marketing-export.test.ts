import { describe, expect, it } from "vitest";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { neutraliseFormula, toCsv } from "../../src/domain/csv.js";
import { saveBookingDetails, touchCustomer } from "../../src/services/customers.js";
import { eraseByTelegramId, setMarketingConsent } from "../../src/services/privacy.js";
import { ADMIN_ID, createTestBot, TestCustomer } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at } from "../helpers/fixtures.js";

useTestDatabase();
const NOW = at("2026-12-01T08:00");
const suite = useBotSuite(NOW);

/** Parses RFC 4180 text: quoted fields with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') throw new Error(`unquoted field at ${i}`);
    let value = "";
    i++;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') {
        value += '"';
        i += 2;
      } else if (text[i] === '"') break;
      else value += text[i++];
    }
    i++;
    row.push(value);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    }
    else throw new Error(`bad separator at ${i}`);
  }
  return rows;
}

/** The CSV file inside the newest upload to the admin, as its bytes' text (BOM kept). */
function sentCsv(): { name: string; text: string } {
  const call = suite.tg.callsOf("sendDocument", ADMIN_ID).at(-1)!;
  const body = call.multipart!;
  const name = /filename="?([^"\r\n]+)"?/.exec(body)![1]!;
  const start = body.indexOf("\uFEFF");
  const end = body.indexOf("\r\n--", start);
  return { name, text: body.slice(start, end) };
}

async function customer(telegramId: number, firstName: string, lastName: string, phone?: string) {
  const now = new Date(NOW - 86_400_000);
  await touchCustomer(telegramId, "fi", "fi", now);
  const id = await saveBookingDetails(
    telegramId,
    { firstName, lastName, email: `a${telegramId}@example.com`, ...(phone ? { phone } : {}) },
    { privacyAcknowledged: true },
    now,
  );
  return id.toHexString();
}

describe("/export marketing (A16)", () => {
  it("sends a CSV of exactly the customers whose email or SMS consent stands, each audit-logged", async () => {
    const grant = new Date(at("2026-11-20T10:15"));
    const emailOnly = await customer(5001, "Äijä", "Öhman");
    await setMarketingConsent(5001, "email", true, "button", grant);
    const smsOnly = await customer(5002, "Sanna", "Bäck", "+358401234567");
    await setMarketingConsent(5002, "sms", true, "command", grant);
    const both = await customer(5003, "=HYPERLINK(\"x\")", "Ahonen, \"Aki\"", "+358409999999");
    await setMarketingConsent(5003, "email", true, "button", grant);
    await setMarketingConsent(5003, "sms", true, "button", new Date(at("2026-11-21T09:00")));
    const withdrawn = await customer(5004, "Veera", "Vetäytyjä", "+358401111111");
    await setMarketingConsent(5004, "email", true, "button", grant);
    await setMarketingConsent(5004, "email", false, "command", new Date(at("2026-11-22T09:00")));
    const telegramOnly = await customer(5005, "Teemu", "Telegram");
    await setMarketingConsent(5005, "telegram", true, "button", grant);
    await customer(5006, "Erkki", "Poistettu");
    await setMarketingConsent(5006, "email", true, "button", grant);
    await eraseByTelegramId(5006, new Date(at("2026-11-23T09:00")));
    const noConsent = await customer(5007, "Nelli", "Eilupaa");

    const admin = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language: "fi" });
    await admin.send("/export marketing");

    const file = sentCsv();
    expect(file.name).toBe("markkinointilista-2026-12-01.csv");
    expect(file.text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(file.text.slice(1));
    expect(rows).toEqual([
      ["Etunimi", "Sukunimi", "Sähköposti", "Sähköpostilupa annettu", "Sähköpostiluvan tekstin versio", "Puhelin", "Tekstiviestilupa annettu", "Tekstiviestiluvan tekstin versio"],
      ["'=HYPERLINK(\"x\")", "Ahonen, \"Aki\"", "a5003@example.com", "2026-11-20 10:15", "2026-11-26", "+358409999999", "2026-11-21 09:00", "2026-11-26"],
      ["Sanna", "Bäck", "", "", "", "+358401234567", "2026-11-20 10:15", "2026-11-26"],
      ["Äijä", "Öhman", "a5001@example.com", "2026-11-20 10:15", "2026-11-26", "", "", ""],
    ]);
    const caption = String(suite.tg.callsOf("sendDocument", ADMIN_ID).at(-1)!.payload.caption);
    expect(caption).toContain("3 asiakasta: sähköposti 2, tekstiviesti 2.");

    const entries = await AuditEntryModel.find({ action: "marketing-export" }).lean();
    expect(entries.map((e) => e.customerId.toHexString()).sort()).toEqual([emailOnly, smsOnly, both].sort());
    for (const e of entries) expect(e).toMatchObject({ actorKind: "admin", actorId: ADMIN_ID });
    const fieldsOf = (id: string) => entries.find((e) => e.customerId.toHexString() === id)!.fields;
    expect(fieldsOf(emailOnly)).toEqual(["firstName", "lastName", "email"]);
    expect(fieldsOf(smsOnly)).toEqual(["firstName", "lastName", "phone"]);
    expect(fieldsOf(both)).toEqual(["firstName", "lastName", "email", "phone"]);
    for (const id of [withdrawn, telegramOnly, noConsent]) expect(await AuditEntryModel.countDocuments({ customerId: id, actorKind: "admin" })).toBe(0);
  });

  it("answers a usage line without or with another argument, and says so when nobody is on the list", async () => {
    const admin = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language: "fi" });
    await admin.send("/export");
    expect(admin.lastText()).toContain("Käyttö: /export marketing");
    await admin.send("/export customers");
    expect(admin.lastText()).toContain("Käyttö: /export marketing");
    await admin.send("/export marketing");
    expect(admin.lastText()).toBe("Kenelläkään ei ole voimassa olevaa sähköposti- tai tekstiviestimarkkinoinnin lupaa.");
    expect(suite.tg.callsOf("sendDocument")).toHaveLength(0);
  });

  it("gives anyone else nothing: no file, no audit entry", async () => {
    await customer(5101, "Sanna", "Asiakas");
    await setMarketingConsent(5101, "email", true, "button", new Date(NOW));
    const stranger = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5101, language: "fi" });
    await stranger.send("/export marketing");
    expect(suite.tg.callsOf("sendDocument")).toHaveLength(0);
    expect(stranger.lastText()).toContain("En ymmärtänyt");
    expect(await AuditEntryModel.countDocuments({ action: "marketing-export" })).toBe(0);
    expect(await CustomerModel.countDocuments({ telegramId: 5101 })).toBe(1);
  });
});

describe("CSV rendering", () => {
  it("quotes every field, doubles quotes, neutralises formulas but keeps phone numbers, starts with a BOM", () => {
    expect(toCsv([["a", 'b"c', "d,e\r\nf"]])).toBe('\uFEFF"a","b""c","d,e\r\nf"\r\n');
    for (const v of ["=1+2", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", "+358 40"]) expect(neutraliseFormula(v)).toBe(`'${v}`);
    expect(neutraliseFormula("+358401234567")).toBe("+358401234567");
    expect(neutraliseFormula("Äijä")).toBe("Äijä");
  });
});
