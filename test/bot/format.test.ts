import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatCountry,
  formatDate,
  formatDateTime,
  formatDay,
  formatDayShort,
  formatDecimal,
  formatList,
  formatPercent,
  formatPrice,
  formatTime,
  formatTimeRange,
} from "../../src/bot/format.js";

const zone = "Europe/Helsinki";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
/** Intl separates groups and units with no-break spaces; the expectations are written with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("dates and times as they are written in Finland (rule 1)", () => {
  it("Finnish: ti 1.12.2026 klo 9.00, receipts 1.12.2026, day buttons ti 1.12.", () => {
    expect(formatDateTime(at("2026-12-01T09:00"), "fi", zone)).toBe("ti 1.12.2026 klo 9.00");
    expect(formatDateTime(at("2026-12-31T23:45"), "fi", zone)).toBe("to 31.12.2026 klo 23.45");
    expect(formatDay("2026-12-01", "fi")).toBe("ti 1.12.2026");
    expect(formatDayShort("2026-12-01", "fi")).toBe("ti 1.12.");
    expect(formatDate(at("2026-12-01T09:00"), "fi", zone)).toBe("1.12.2026");
    expect(formatTime(at("2026-12-01T09:00"), "fi", zone)).toBe("9.00");
    expect(formatTimeRange(at("2026-12-01T09:00"), at("2026-12-01T10:30"), "fi", zone)).toBe("9.00–10.30");
    expect(formatClock("09:00", "fi")).toBe("9.00");
    expect(formatClock("17:30", "fi")).toBe("17.30");
  });

  it("Finland-Swedish: tis 1.12.2026 kl. 9.00, receipts 1.12.2026, day buttons with the final dot", () => {
    expect(formatDateTime(at("2026-12-01T09:00"), "sv", zone)).toBe("tis 1.12.2026 kl. 9.00");
    expect(formatDateTime(at("2026-12-06T14:15"), "sv", zone)).toBe("sön 6.12.2026 kl. 14.15");
    expect(formatDay("2026-12-03", "sv")).toBe("tors 3.12.2026");
    expect(formatDayShort("2026-12-01", "sv")).toBe("tis 1.12.");
    expect(formatDate(at("2026-12-01T09:00"), "sv", zone)).toBe("1.12.2026");
    expect(formatTime(at("2026-12-01T09:00"), "sv", zone)).toBe("9.00");
  });

  it("English: Tue 1 Dec 2026 at 09:00, receipts 1 Dec 2026, day buttons Tue 1 Dec", () => {
    expect(formatDateTime(at("2026-12-01T09:00"), "en", zone)).toBe("Tue 1 Dec 2026 at 09:00");
    expect(formatDay("2026-12-01", "en")).toBe("Tue 1 Dec 2026");
    expect(formatDayShort("2026-12-01", "en")).toBe("Tue 1 Dec");
    expect(formatDate(at("2026-12-01T09:00"), "en", zone)).toBe("1 Dec 2026");
    expect(formatTime(at("2026-12-01T09:00"), "en", zone)).toBe("09:00");
    expect(formatClock("9:05", "en")).toBe("09:05");
  });

  it("uses the practice's zone, across a change of daylight saving time", () => {
    // On 2026-10-25 the clocks go back from 4.00 to 3.00 (01:00Z): 02:00Z is 4.00 winter time.
    expect(formatDateTime(Date.UTC(2026, 9, 25, 0, 30), "fi", zone)).toBe("su 25.10.2026 klo 3.30");
    expect(formatDateTime(Date.UTC(2026, 9, 25, 2, 0), "fi", zone)).toBe("su 25.10.2026 klo 4.00");
    expect(formatDateTime(Date.UTC(2026, 9, 24, 21, 59), "fi", zone)).toBe("su 25.10.2026 klo 0.59");
    expect(formatDate(Date.UTC(2026, 11, 31, 22, 30), "fi", zone)).toBe("1.1.2027");
  });
});

describe("numbers that are not counts (rules 3 and 4)", () => {
  it("amounts, VAT rates and shares with each language's decimal sign", () => {
    expect(plain(formatPrice(5500, "fi"))).toBe("55,00 €");
    expect(plain(formatPrice(123456, "sv"))).toBe("1 234,56 €");
    expect(formatPrice(5500, "en")).toBe("€55.00");
    expect(formatDecimal(25.5, "fi")).toBe("25,5");
    expect(formatDecimal(25.5, "sv")).toBe("25,5");
    expect(formatDecimal(25.5, "en")).toBe("25.5");
    expect(formatDecimal(24, "fi")).toBe("24");
    expect(plain(formatPercent(0.125, "fi"))).toBe("13 %");
    expect(plain(formatPercent(1, "sv"))).toBe("100 %");
    expect(formatPercent(0.5, "en")).toBe("50%");
  });

  it("lists and country names in the reader's language", () => {
    expect(formatList(["Telegram", "sähköposti", "tekstiviesti"], "fi")).toBe("Telegram, sähköposti ja tekstiviesti");
    expect(formatList(["Telegram", "e-post"], "sv")).toBe("Telegram och e-post");
    expect(formatList(["email"], "en")).toBe("email");
    expect(formatCountry("FI", "fi")).toBe("Suomi");
    expect(formatCountry("FI", "sv")).toBe("Finland");
    expect(formatCountry("DE", "en")).toBe("Germany");
  });
});
