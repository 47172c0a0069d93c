import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  availableSlots,
  groupSlotsByDay,
  isAmbiguousLocalTime,
  mergeIntervals,
  subtractIntervals,
  type AvailabilityInput,
} from "../../src/domain/availability.js";

const zone = "Europe/Helsinki";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm");
const everyDay = (start: string, end: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

function input(overrides: Partial<AvailabilityInput>): AvailabilityInput {
  return {
    now: at("2026-12-01T00:00"),
    zone,
    weeklyHours: everyDay("09:00", "17:00"),
    exceptions: [],
    busy: [],
    durationMinutes: 60,
    bufferAfterMinutes: 0,
    granularityMinutes: 15,
    minNoticeMinutes: 0,
    horizonDays: 60,
    ...overrides,
  };
}

function slotsOn(day: string, overrides: Partial<AvailabilityInput>): string[] {
  return availableSlots(input(overrides))
    .map(local)
    .filter((s) => s.startsWith(day))
    .map((s) => s.slice(11));
}

describe("availableSlots (B2)", () => {
  it("offers every granularity step whose whole duration fits the working hours", () => {
    const times = slotsOn("2026-12-02", { durationMinutes: 60 });
    expect(times[0]).toBe("09:00");
    expect(times.at(-1)).toBe("16:00");
    expect(times).toHaveLength(29);
    expect(times).toContain("09:15");
  });

  it("respects breaks between intervals of one weekday", () => {
    const times = slotsOn("2026-12-02", {
      weeklyHours: [{ weekday: 3, start: "09:00", end: "12:00" }, { weekday: 3, start: "12:30", end: "17:00" }],
      durationMinutes: 60,
    });
    expect(times).toContain("11:00");
    expect(times).not.toContain("11:15");
    expect(times).not.toContain("12:00");
    expect(times).toContain("12:30");
  });

  it("keeps a buffer after each booking and before an existing one", () => {
    const busy = [{ start: at("2026-12-02T12:00"), end: at("2026-12-02T13:15") }];
    const times = slotsOn("2026-12-02", { busy, durationMinutes: 30, bufferAfterMinutes: 15 });
    expect(times).toContain("11:15"); // 11:15–11:45, buffer to 12:00
    expect(times).not.toContain("11:30"); // buffer would run into 12:00
    expect(times).not.toContain("13:00");
    expect(times).toContain("13:15");
  });

  it("blocks every slot overlapping a longer booking", () => {
    const busy = [{ start: at("2026-12-02T10:00"), end: at("2026-12-02T11:00") }];
    const times = slotsOn("2026-12-02", { busy, durationMinutes: 30 });
    expect(times).toEqual(expect.arrayContaining(["09:30", "11:00"]));
    for (const t of ["09:45", "10:00", "10:15", "10:30", "10:45"]) expect(times).not.toContain(t);
  });

  it("honours the minimum notice to the minute", () => {
    const now = at("2026-12-02T08:50");
    const withNotice = slotsOn("2026-12-02", { now, minNoticeMinutes: 70 });
    expect(withNotice[0]).toBe("10:00"); // 09:45 is 55 min away, 10:00 is exactly 70
    const exact = slotsOn("2026-12-02", { now: at("2026-12-02T08:45"), minNoticeMinutes: 60 });
    expect(exact[0]).toBe("09:45");
  });

  it("offers nothing past the horizon's last local day", () => {
    const slots = availableSlots(input({ now: at("2026-12-01T10:00"), horizonDays: 2 }));
    const days = [...groupSlotsByDay(slots, zone).keys()];
    expect(days).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
  });

  it("closes time off and opens extra hours from exceptions", () => {
    const exceptions = [
      { kind: "closed" as const, start: at("2026-12-02T00:00"), end: at("2026-12-03T00:00") },
      { kind: "open" as const, start: at("2026-12-05T18:00"), end: at("2026-12-05T20:00") },
      { kind: "closed" as const, start: at("2026-12-04T12:00"), end: at("2026-12-04T13:00") },
    ];
    expect(slotsOn("2026-12-02", { exceptions })).toEqual([]);
    expect(slotsOn("2026-12-05", { exceptions })).toContain("19:00");
    const fri = slotsOn("2026-12-04", { exceptions });
    expect(fri).toContain("11:00");
    expect(fri).not.toContain("11:15");
    expect(fri).toContain("13:00");
  });

  it("returns no slots when there are no working hours", () => {
    expect(availableSlots(input({ weeklyHours: [] }))).toEqual([]);
  });

  it("computes 60 days with 2,000 busy intervals", () => {
    const busy = Array.from({ length: 2000 }, (_, i) => {
      const start = at("2026-12-01T09:00") + i * 43 * 60_000;
      return { start, end: start + 30 * 60_000 };
    });
    const slots = availableSlots(input({ busy }));
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) {
      expect(busy.some((b) => s < b.end && b.start < s + 60 * 60_000)).toBe(false);
    }
  });
});

describe("daylight saving time (Europe/Helsinki)", () => {
  it("2026-03-29, a 23-hour day: working hours keep their wall-clock times", () => {
    const now = at("2026-03-27T00:00");
    const before = slotsOn("2026-03-28", { now });
    const dstDay = slotsOn("2026-03-29", { now });
    expect(before[0]).toBe("09:00");
    expect(dstDay[0]).toBe("09:00");
    expect(dstDay).toEqual(before);
    // 09:00 is 07:00Z before the change (UTC+2) and 06:00Z after it (UTC+3).
    const slots = availableSlots(input({ now }));
    expect(slots).toContain(Date.UTC(2026, 2, 28, 7, 0));
    expect(slots).toContain(Date.UTC(2026, 2, 29, 6, 0));
  });

  it("2026-03-29: never offers a time that does not exist (03:00–03:59)", () => {
    const now = at("2026-03-28T00:00");
    const times = slotsOn("2026-03-29", {
      now,
      weeklyHours: [{ weekday: 7, start: "00:00", end: "08:00" }],
      durationMinutes: 30,
    });
    expect(times.some((t) => t.startsWith("03:"))).toBe(false);
    expect(times).toContain("02:45");
    expect(times).toContain("04:00");
    // 00:00–08:00 local is only seven real hours that night: 7 h / 15 min - 1 = 27 starts.
    expect(times).toHaveLength(27);
  });

  it("2026-10-25, a 25-hour day: working hours keep their wall-clock times", () => {
    const now = at("2026-10-23T00:00");
    const dstDay = availableSlots(input({ now, weeklyHours: [{ weekday: 7, start: "09:00", end: "17:00" }] }));
    expect(dstDay.map(local).filter((s) => s.startsWith("2026-10-25"))).toHaveLength(29);
    expect(dstDay).toContain(Date.UTC(2026, 9, 25, 7, 0)); // 09:00 at UTC+2
  });

  it("2026-10-25: never offers an ambiguous time (03:00–03:59 happens twice)", () => {
    const now = at("2026-10-24T00:00");
    const slots = availableSlots(
      input({ now, weeklyHours: [{ weekday: 7, start: "00:00", end: "08:00" }], durationMinutes: 30 }),
    );
    const onDay = slots.filter((s) => local(s).startsWith("2026-10-25"));
    expect(onDay.some((s) => isAmbiguousLocalTime(s, zone))).toBe(false);
    expect(onDay.map(local).some((s) => s.slice(11).startsWith("03:"))).toBe(false);
    const times = onDay.map((s) => local(s).slice(11));
    expect(new Set(times).size).toBe(times.length); // every shown time names one instant
    expect(times).toContain("02:45");
    expect(times).toContain("04:00");
  });

  it("a booking across the change keeps its real length", () => {
    const now = at("2026-10-24T00:00");
    const busy = [{ start: Date.UTC(2026, 9, 24, 23, 0), end: Date.UTC(2026, 9, 25, 1, 0) }]; // 02:00 to 03:00 (second)
    const slots = availableSlots(
      input({ now, busy, weeklyHours: [{ weekday: 7, start: "00:00", end: "08:00" }], durationMinutes: 30 }),
    );
    const taken = slots.filter((s) => s >= busy[0]!.start - 30 * 60_000 && s < busy[0]!.end);
    expect(taken.filter((s) => s > busy[0]!.start - 30 * 60_000)).toEqual([]);
  });
});

describe("asking for part of the horizon", () => {
  // Working hours with a night stretch over midnight, time off, extra hours, bookings and both
  // clock changes of 2026: a window or the first start per day must give exactly what the whole
  // horizon gives there.
  const cases: Array<[string, Partial<AvailabilityInput>]> = [
    ["ordinary weeks", { busy: [{ start: at("2026-12-02T10:00"), end: at("2026-12-02T11:10") }, { start: at("2026-12-03T09:00"), end: at("2026-12-03T17:00") }] }],
    [
      "open over midnight, time off and extra hours",
      {
        weeklyHours: [...everyDay("09:00", "12:00"), ...everyDay("20:00", "24:00"), ...everyDay("00:00", "02:00")],
        exceptions: [
          { kind: "closed", start: at("2026-12-04T10:00"), end: at("2026-12-06T00:00") },
          { kind: "open", start: at("2026-12-06T13:07"), end: at("2026-12-06T18:00") },
        ],
        busy: [{ start: at("2026-12-01T23:30"), end: at("2026-12-02T00:45") }],
        minNoticeMinutes: 185,
        now: at("2026-12-01T08:55"),
      },
    ],
    ["spring clock change", { now: at("2026-03-20T12:00"), weeklyHours: everyDay("00:00", "24:00"), granularityMinutes: 30, durationMinutes: 90 }],
    ["autumn clock change", { now: at("2026-10-20T12:00"), weeklyHours: everyDay("01:00", "06:00"), bufferAfterMinutes: 10 }],
  ];

  for (const [name, overrides] of cases) {
    it(`${name}: a window gives the whole horizon's starts inside it`, () => {
      const all = availableSlots(input(overrides));
      const now = overrides.now ?? at("2026-12-01T00:00");
      for (const [offsetHours, lengthHours] of [[0, 48], [30, 24], [55, 3], [24 * 9 + 1, 47], [-24, 30]] as const) {
        const window = { start: now + offsetHours * 3_600_000, end: now + (offsetHours + lengthHours) * 3_600_000 };
        const expected = all.filter((s) => s >= window.start && s < window.end);
        expect(availableSlots(input({ ...overrides, window }))).toEqual(expected);
      }
    });

    it(`${name}: the first start of each day names the same days`, () => {
      const byDay = groupSlotsByDay(availableSlots(input(overrides)), zone);
      const first = availableSlots(input({ ...overrides, firstPerDay: true }));
      expect(first).toEqual([...byDay.values()].map((slots) => slots[0]));
    });
  }
});

describe("grouping slots by local date", () => {
  it("puts every slot on its Helsinki date across both clock changes, as luxon dates each one", () => {
    for (const [from, days] of [["2026-03-27T00:00", 5], ["2026-10-23T00:00", 5], ["2026-12-30T20:00", 3]] as const) {
      const start = DateTime.fromISO(from, { zone }).toMillis();
      // Every 15 minutes, day and night, so the slots straddle each midnight and each clock change.
      const slots = Array.from({ length: days * 96 }, (_, i) => start + i * 15 * 60_000);
      const expected = new Map<string, number[]>();
      for (const slot of slots) {
        const date = DateTime.fromMillis(slot, { zone }).toISODate()!;
        expected.set(date, [...(expected.get(date) ?? []), slot]);
      }
      expect(groupSlotsByDay(slots, zone)).toEqual(expected);
    }
    // 23 and 25 hours of quarter-hours on the two change days.
    const march = groupSlotsByDay(Array.from({ length: 400 }, (_, i) => DateTime.fromISO("2026-03-28T00:00", { zone }).toMillis() + i * 15 * 60_000), zone);
    expect(march.get("2026-03-29")).toHaveLength(92);
    const october = groupSlotsByDay(Array.from({ length: 400 }, (_, i) => DateTime.fromISO("2026-10-24T00:00", { zone }).toMillis() + i * 15 * 60_000), zone);
    expect(october.get("2026-10-25")).toHaveLength(100);
  });
});

describe("interval helpers", () => {
  it("merges overlapping and touching intervals", () => {
    expect(mergeIntervals([{ start: 5, end: 7 }, { start: 1, end: 3 }, { start: 3, end: 4 }, { start: 6, end: 9 }])).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 9 },
    ]);
  });
  it("subtracts intervals", () => {
    expect(subtractIntervals([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 8, end: 12 }])).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 8 },
    ]);
  });
});
