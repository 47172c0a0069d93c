import { describe, expect, it } from "vitest";
import { endOfDay, inDayPart, parseDayRange } from "../../src/domain/waitlist.js";
import { at } from "../helpers/fixtures.js";

describe("waitlist days and parts of the day (W1)", () => {
  it("reads a typed day or range of days; a date without a year is the next one", () => {
    const today = "2026-11-30";
    expect(parseDayRange("1.12.", today)).toEqual({ fromDay: "2026-12-01", toDay: "2026-12-01" });
    expect(parseDayRange("1.12.–5.12.", today)).toEqual({ fromDay: "2026-12-01", toDay: "2026-12-05" });
    expect(parseDayRange("1.12.-5.12.", today)).toEqual({ fromDay: "2026-12-01", toDay: "2026-12-05" });
    expect(parseDayRange("2026-12-01 - 2026-12-05", today)).toEqual({ fromDay: "2026-12-01", toDay: "2026-12-05" });
    expect(parseDayRange("28.12.–3.1.", today)).toEqual({ fromDay: "2026-12-28", toDay: "2027-01-03" });
    expect(parseDayRange("15.11.", today)).toEqual({ fromDay: "2027-11-15", toDay: "2027-11-15" });
    for (const bad of ["", "huomenna", "31.2.", "5.12.–1.12.", "1.12.2025", "1.12.–2.12.–3.12."]) expect(parseDayRange(bad, today), bad).toBeUndefined();
  });

  it("parts of the day by local start time, on a DST day too; an entry ends at the end of its last local day", () => {
    const zone = "Europe/Helsinki";
    expect(inDayPart(at("2026-12-01T11:45"), "morning", zone)).toBe(true);
    expect(inDayPart(at("2026-12-01T12:00"), "morning", zone)).toBe(false);
    expect(inDayPart(at("2026-12-01T12:00"), "afternoon", zone)).toBe(true);
    expect(inDayPart(at("2026-12-01T17:00"), "evening", zone)).toBe(true);
    expect(inDayPart(at("2026-03-29T09:00"), "morning", zone)).toBe(true);
    expect(endOfDay("2026-10-25", zone)).toBe(at("2026-10-26T00:00"));
  });
});
