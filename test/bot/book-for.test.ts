import { describe, expect, it } from "vitest";
import { AuditEntryModel } from "../../src/db/models/audit.js";
import { BookingModel } from "../../src/db/models/booking.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { ADMIN_ID, createTestBot, TestCustomer } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at } from "../helpers/fixtures.js";

useTestDatabase();
const NOW = at("2026-12-01T08:00"); // Tuesday
const suite = useBotSuite(NOW);

function practitioner() {
  return new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language: "fi" });
}

describe("the practitioner books for a customer (A10)", () => {
  it("a new phone customer, the same pickers with her rules (no minimum notice), found by phone afterwards with the hour taken", async () => {
    const admin = practitioner();
    // From the day's agenda (also /week's days); /bookfor does the same.
    await admin.send("/agenda");
    await admin.press("📅 Varaa asiakkaalle");
    expect(admin.lastText()).toContain("Kenelle varaus tehdään?");
    await admin.press("➕ Uusi asiakas");
    await admin.send("Pertti");
    await admin.send("Puhelin");
    await admin.send("040 765 4321");
    await admin.press("Ohita"); // no email
    expect(admin.lastText()).toBe("Minkä hoidon haluat varata?");
    await admin.press("60 min");
    // No minimum notice for her: today (Tuesday 1.12., 12 hours' notice for customers) is offered.
    await admin.press("ti 1.12.");
    const times = admin.buttons().map(([t]) => t);
    expect(times).toContain("9.00");
    await admin.press("9.00");
    expect(admin.lastText()).toContain("Pertti Puhelin");
    await admin.press("Vahvista");
    expect(admin.lastText()).toContain("Varattu: Klassinen hieronta 60 min");
    expect(admin.lastText()).toContain("ei ole Telegramissa");

    const customer = await CustomerModel.findOne({ firstName: "Pertti" }).lean();
    expect(customer?.telegramId ?? undefined).toBeUndefined();
    const booking = await BookingModel.findOne({ customerId: customer!._id }).lean();
    expect(booking?.status).toBe("confirmed");
    expect(booking?.start.getTime()).toBe(at("2026-12-01T09:00"));
    // Audit-logged as the practitioner's doing.
    expect(await AuditEntryModel.countDocuments({ customerId: customer!._id, action: "booking-created", actorKind: "admin", actorId: ADMIN_ID })).toBe(1);

    // The customer is found by phone number next time, and the hour just booked is taken.
    await admin.send("/bookfor");
    await admin.send("0407654321");
    await admin.press("Pertti Puhelin ☎");
    await admin.press("60 min");
    await admin.press("ti 1.12.");
    expect(admin.buttons().map(([t]) => t)).not.toContain("9.00");
  });

  it("finds an existing customer by name, books outside the opening hours only when asked, and refuses a time already taken", async () => {
    const admin = practitioner();
    // A chat customer books 10.00 on Wednesday first.
    const chat = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7102, language: "fi" });
    await chat.send("/book");
    await chat.press("60 min");
    await chat.press("ke 2.12.");
    await chat.press("10.00");
    await chat.send("Kaisa");
    await chat.send("Kanta");
    await chat.send("kaisa@example.com");
    await chat.press("Ohita");
    await chat.press("Olen lukenut");
    await chat.press("Jatka");
    await chat.press("Vahvista");
    expect(chat.lastText()).toContain("Aikasi on varattu");

    await admin.send("/bookfor");
    await admin.send("x"); // too short a search
    expect(admin.lastText()).toContain("vähintään kaksi merkkiä");
    await admin.send("Kanta");
    await admin.press("Kaisa Kanta");
    await admin.press("60 min");
    await admin.press("ke 2.12.");
    expect(admin.buttons().map(([t]) => t)).not.toContain("10.00");
    await admin.press("🕘 Aukioloaikojen ulkopuolella…");
    await admin.send("25.99");
    expect(admin.lastText()).toContain("Tämä ei ole kellonaika");
    // Outside the hours is allowed on request, but never over another booking.
    await admin.send("10.30");
    await admin.press("Vahvista");
    expect(admin.lastText()).toContain("Aika varattiin juuri");
    await admin.press("🕘 Aukioloaikojen ulkopuolella…");
    await admin.send("18.30");
    expect(admin.lastText()).toContain("aukioloaikojen ulkopuolella");
    await admin.press("Vahvista");
    expect(admin.lastText()).toContain("Varattu");
    // Kaisa is on Telegram: she is told, with a calendar file.
    expect(suite.tg.lastText(7102)).toContain("18.30");
    expect(await BookingModel.countDocuments({ status: "confirmed" })).toBe(2);
  });

  it("the practitioner moves a customer's booking from its buttons (A12): new time claimed, customer told with a new calendar file", async () => {
    const chat = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7104, language: "fi" });
    await chat.send("/book");
    await chat.press("60 min");
    await chat.press("ke 2.12.");
    await chat.press("10.00");
    await chat.send("Mikko");
    await chat.send("Muutto");
    await chat.send("mikko@example.com");
    await chat.press("Ohita");
    await chat.press("Olen lukenut");
    await chat.press("Jatka");
    await chat.press("Vahvista");
    const booking = await BookingModel.findOne({ status: "confirmed" }).lean();
    const admin = practitioner();
    // The booking's buttons, as under the notification, /today and /week's booking card.
    await admin.pressData(`ad:mv:${booking!._id.toHexString()}`, suite.tg.latestKeyboardMessage(ADMIN_ID)!.messageId);
    await admin.press("to 3.12.");
    await admin.press("13.00");
    expect(admin.lastText()).toContain("Siirretäänkö varaus");
    await admin.press("Vahvista siirto");
    expect(admin.lastText()).toContain("Siirretty");
    const moved = await BookingModel.findById(booking!._id).lean();
    expect(moved?.start.getTime()).toBe(at("2026-12-03T13:00"));
    expect(moved?.icsSequence).toBe(1);
    expect(suite.tg.callsOf("sendMessage", 7104).at(-1)?.payload.text).toContain("siirtänyt");
    expect(suite.tg.callsOf("sendDocument", 7104)).toHaveLength(2);
    // The old time is free again for customers.
    const other = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7105, language: "fi" });
    await other.send("/book");
    await other.press("60 min");
    await other.press("ke 2.12.");
    expect(other.buttons().map(([t]) => t)).toContain("10.00");
  });

  it("does nothing for anyone else", async () => {
    const stranger = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 7103, language: "fi" });
    await stranger.send("/bookfor");
    expect(stranger.lastText()).not.toContain("Kenelle varaus");
    expect(await CustomerModel.countDocuments({ firstName: { $exists: true } })).toBe(0);
  });
});
