import { describe, expect, it } from "vitest";
import { adminSurface } from "../../src/bot/commands.js";
import { buttons, OBJECT_ID } from "../../src/bot/buttons.js";
import { customerButtons, receiptButtons, requestButtons, timeOffButtons } from "../../src/bot/features/admin.js";
import { bookForAnyoneButton, bookForCardButton } from "../../src/bot/features/book-for.js";
import { feedButtons } from "../../src/bot/features/calendar-feed.js";
import { customerRecordButtons, eraseDeclinedButtons, keepDataByPractice } from "../../src/bot/features/customer-record.js";
import { serviceButtons, serviceFieldButtons, servicesMenuButtons } from "../../src/bot/features/services-menu.js";
import { bookingCardButtons, calendarButtons, unblockButtons } from "../../src/bot/features/week.js";
import { adminBookingButtons, adminBookingKeyboard } from "../../src/bot/keyboards.js";

const id = "0123456789abcdef01234567";

describe("button codecs", () => {
  it("pack the practitioner's buttons byte for byte as before, so buttons in old messages keep working", () => {
    const keyboard = adminBookingKeyboard((key) => key, id).inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(keyboard).toEqual([`ad:att:${id}`, `ad:ns:${id}`, `ad:pay:${id}`, `ad:dt:${id}`, `ad:mv:${id}`, `ad:cx:${id}`]);
    const packed = [
      customerButtons.pack({ action: "cu", customerId: id }),
      customerButtons.pack({ action: "au", customerId: id }),
      customerButtons.pack({ action: "uns", customerId: id }),
      timeOffButtons.pack({ action: "offc", exceptionId: id }),
      requestButtons.pack({ action: "rq", requestId: id }),
      receiptButtons.pack({ action: "rs", receiptNumber: "123456789" }),
      bookForCardButton(id),
      (bookForAnyoneButton((key) => key) as { callback_data?: string }).callback_data,
      customerRecordButtons.pack({ action: "tl", customerId: id }),
      customerRecordButtons.pack({ action: "xp", customerId: id }),
      customerRecordButtons.pack({ action: "er", customerId: id }),
      customerRecordButtons.pack({ action: "erok", customerId: id }),
      keepDataByPractice(id),
      eraseDeclinedButtons.pack({ action: "erno" }),
      calendarButtons.pack({ action: "wk", date: "2026-11-30" }),
      calendarButtons.pack({ action: "dy", date: "2026-12-01" }),
      bookingCardButtons.pack({ action: "bk", bookingId: id }),
      unblockButtons.pack({ action: "ub", span: "1764583200000-1764619200000" }),
      feedButtons.pack({ action: "cf", change: "hide" }),
      servicesMenuButtons.pack({ action: "sv", page: "list" }),
      servicesMenuButtons.pack({ action: "sv", page: "new" }),
      serviceButtons.pack({ action: "sv", serviceId: id }),
      serviceButtons.pack({ action: "svx", serviceId: id }),
      serviceFieldButtons.pack({ action: "sve", serviceId: id, field: "name-sv" }),
    ];
    expect(packed).toEqual([
      `ad:cu:${id}`,
      `ad:au:${id}`,
      `ad:uns:${id}`,
      `ad:offc:${id}`,
      `ad:rq:${id}`,
      "ad:rs:123456789",
      `ad:bf:${id}`,
      "ad:bf:new",
      `ad:tl:${id}`,
      `ad:xp:${id}`,
      `ad:er:${id}`,
      `ad:erok:${id}`,
      `ad:rk:${id}`,
      "ad:erno",
      "ad:wk:2026-11-30",
      "ad:dy:2026-12-01",
      `ad:bk:${id}`,
      "ad:ub:1764583200000-1764619200000",
      "ad:cf:hide",
      "ad:sv:list",
      "ad:sv:new",
      `ad:sv:${id}`,
      `ad:svx:${id}`,
      `ad:sve:${id}:name-sv`,
    ]);
    for (const data of [...keyboard, ...packed] as string[]) {
      expect(Buffer.byteLength(data), data).toBeLessThanOrEqual(64);
      // Each of them, pressed by the practitioner in the middle of a flow, ends the flow first.
      expect(adminSurface.flowEndingButtons.some((b) => b.test(data)), data).toBe(true);
    }
  });

  it("read forged, malformed or stale data as undefined, and typed values otherwise", () => {
    expect(adminBookingButtons.read(`ad:cx:${id}`)).toEqual({ action: "cx", bookingId: id });
    for (const data of [`ad:zz:${id}`, `ad:cx:${id}0`, `ad:cx:${id.toUpperCase()}`, `ad:cx:${id}:x`, "ad:cx:", "ad:cx", `mb:cx:${id}`, `ad:pm:${id}:cash`, "", undefined]) {
      expect(adminBookingButtons.read(data), String(data)).toBeUndefined();
    }
    expect(receiptButtons.read("ad:rs:1")).toEqual({ action: "rs", receiptNumber: "1" });
    expect(receiptButtons.read("ad:rs:1234567890")).toBeUndefined();
    expect(calendarButtons.read("ad:wk:2026-1-1")).toBeUndefined();
    expect(serviceFieldButtons.read(`ad:sve:${id}:colour`)).toBeUndefined();
    expect(eraseDeclinedButtons.read("ad:erno:")).toBeUndefined();
  });

  it("pack fields in the order declared and refuses values it could not read back", () => {
    const codec = buttons("zz", { second: String, first: ["a", "b"], flag: Boolean, id: OBJECT_ID });
    const data = codec.pack({ second: "x", first: "b", flag: true, id });
    expect(data).toBe(`zz:x:b:1:${id}`);
    expect(codec.read(data)).toEqual({ second: "x", first: "b", flag: true, id });
    expect(codec.filter({ first: "a" }).source).toBe(`^zz:[^:]*:a:[01]:(?:${OBJECT_ID.source})$`);
    expect(() => codec.pack({ second: "x", first: "c" as "a", flag: false, id })).toThrow();
    expect(() => codec.pack({ second: "x:y", first: "a", flag: false, id })).toThrow();
    expect(() => codec.pack({ second: "x", first: "a", flag: false, id: "nope" })).toThrow();
  });
});
