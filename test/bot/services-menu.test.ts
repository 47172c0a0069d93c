import { describe, expect, it } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { ServiceModel } from "../../src/db/models/service.js";
import { seedDefaults } from "../../src/services/seed.js";
import { ADMIN_ID, createTestBot, TestCustomer } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor } from "../helpers/fixtures.js";

useTestDatabase();
const NOW = at("2026-12-01T08:00"); // Tuesday
const suite = useBotSuite(NOW);

function admin() {
  return new TestCustomer(createTestBot(suite.tg), suite.tg, { id: ADMIN_ID, language: "fi" });
}

/** Text with the no-break spaces of amounts ("55,00 €") as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** The service buttons a customer is offered at /book, by label. */
async function offered(id: number, language: "fi" | "sv" = "fi"): Promise<string[]> {
  const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id, language });
  await customer.send("/book");
  return customer.buttons().map(([label]) => plain(label));
}

describe("/services as a button menu (A3, issue 14 item 8)", () => {
  it("lists the services with a button each; old key syntax changes nothing", async () => {
    const practitioner = admin();
    await practitioner.send("/services classic-60 price 1");
    const text = plain(practitioner.lastText());
    expect(text).toContain("Palvelut (napauta palvelua muuttaaksesi sitä):\n• Klassinen hieronta 30 min – 30 min, 35,00 €, tauko 15 min, arvonlisäveroton");
    expect(practitioner.buttons().map(([label]) => label)).toEqual([
      "Klassinen hieronta 30 min",
      "Klassinen hieronta 45 min",
      "Klassinen hieronta 60 min",
      "Klassinen hieronta 90 min",
      "➕ Lisää palvelu",
    ]);
    expect((await ServiceModel.findOne({ key: "classic-60" }).lean())?.priceCents).toBe(5500);
  });

  it("adds a service in a short conversation; a refused answer is explained and asked again; customers see it at once", async () => {
    const practitioner = admin();
    await practitioner.send("/services");
    await practitioner.press("➕ Lisää palvelu");
    expect(practitioner.lastText()).toContain("Uusi palvelu. Mikä on sen nimi (suomi)?");
    await practitioner.send("Kuumakivihieronta 75 min");
    expect(practitioner.lastText()).toContain("Nimi (ruotsi)? Tai käytä samaa kuin suomeksi: ”Kuumakivihieronta 75 min”.");
    await practitioner.send("Varmstensmassage 75 min");
    await practitioner.press("Sama kuin suomeksi");
    await practitioner.send("72");
    expect(practitioner.lastText()).toContain("Kirjoita minuutit viiden minuutin välein");
    await practitioner.send("75");
    await practitioner.send("89 euroa");
    expect(practitioner.lastText()).toContain("Kirjoita summa euroina");
    await practitioner.send("89,00");
    await practitioner.press("10 min");
    expect(plain(practitioner.lastText())).toBe(
      [
        "Lisätäänkö tämä palvelu?",
        "Kuumakivihieronta 75 min – 75 min, 89,00 €, tauko 10 min, arvonlisäveroton",
        "Nimet: suomeksi ”Kuumakivihieronta 75 min”, ruotsiksi ”Varmstensmassage 75 min”, englanniksi ”Kuumakivihieronta 75 min”",
        "Asiakkaat näkevät sen heti. Arvonlisäveron voit muuttaa palvelun kortilta.",
      ].join("\n"),
    );
    await practitioner.press("✓ Tallenna");
    expect(practitioner.texts().at(-2)).toBe("Lisätty: Kuumakivihieronta 75 min. Asiakkaat näkevät sen heti.");
    expect(practitioner.lastText()).toContain("Käytössä: asiakkaat voivat varata sen.");
    expect(practitioner.buttons().map(([label]) => label)).toContain("🗑 Poista");
    expect(await ServiceModel.findOne({ "name.fi": "Kuumakivihieronta 75 min" }).lean()).toMatchObject({
      key: "kuumakivihieronta-75-min",
      durationMinutes: 75,
      priceCents: 8900,
      bufferAfterMinutes: 10,
      vat: { treatment: "exempt" },
      active: true,
    });
    expect(await offered(5101)).toContain("Kuumakivihieronta 75 min – 89,00 €");
    expect(await offered(5102, "sv")).toContain("Varmstensmassage 75 min – 89,00 €");
  });

  it("a stopped addition adds nothing", async () => {
    const practitioner = admin();
    await practitioner.send("/services");
    await practitioner.press("➕ Lisää palvelu");
    await practitioner.send("Kokeilu");
    await practitioner.press("✖ Keskeytä");
    expect(practitioner.lastText()).toBe("Palvelua ei lisätty.");
    expect(await ServiceModel.countDocuments()).toBe(4);
  });

  it("changes price, length, buffer, VAT and a name from the service's card; bookings made keep their price", async () => {
    const booked = await bookFor(5201, 60, at("2026-12-03T10:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/services");
    await practitioner.press("Klassinen hieronta 60 min");
    expect(plain(practitioner.lastText())).toBe(
      [
        "Klassinen hieronta 60 min – 60 min, 55,00 €, tauko 15 min, arvonlisäveroton",
        "Käytössä: asiakkaat voivat varata sen.",
        "Nimet: suomeksi ”Klassinen hieronta 60 min”, ruotsiksi ”Klassisk massage 60 min”, englanniksi ”Classic massage 60 min”",
        "Palvelua on varattu, joten sitä ei voi poistaa; voit ottaa sen pois käytöstä.",
      ].join("\n"),
    );
    expect(practitioner.buttons().map(([label]) => label)).toEqual([
      "💶 Hinta",
      "⏱ Kesto",
      "☕ Tauko",
      "🧾 ALV",
      "🏷 Nimi: suomi",
      "🏷 Nimi: ruotsi",
      "🏷 Nimi: englanti",
      "⏸ Pois käytöstä",
      "◀ Kaikki palvelut",
    ]);
    await practitioner.press("💶 Hinta");
    expect(plain(practitioner.lastText())).toContain("Klassinen hieronta 60 min: uusi hinta? Nyt 55,00 €.");
    await practitioner.send("59,50");
    expect(practitioner.texts().at(-2)).toBe("Tallennettu.");
    expect(plain(practitioner.lastText())).toContain("60 min, 59,50 €");
    await practitioner.press("⏱ Kesto");
    await practitioner.send("62");
    expect(practitioner.lastText()).toContain("Kirjoita minuutit viiden minuutin välein");
    await practitioner.send("65 min");
    await practitioner.press("☕ Tauko");
    await practitioner.press("0 min");
    await practitioner.press("🧾 ALV");
    await practitioner.press("ALV 25,5 %");
    await practitioner.press("🏷 Nimi: ruotsi");
    expect(practitioner.lastText()).toContain("uusi nimi (ruotsi)? Nyt ”Klassisk massage 60 min”.");
    await practitioner.send("Klassisk massage, lång");
    expect(plain(practitioner.lastText())).toContain("Klassinen hieronta 60 min – 65 min, 59,50 €, tauko 0 min, ALV 25,5 %");
    expect(practitioner.lastText()).toContain("ruotsiksi ”Klassisk massage, lång”");
    expect(await ServiceModel.findOne({ key: "classic-60" }).lean()).toMatchObject({
      priceCents: 5950,
      durationMinutes: 65,
      bufferAfterMinutes: 0,
      vat: { treatment: "standard", ratePercent: 25.5 },
      name: { sv: "Klassisk massage, lång" },
    });
    expect((await BookingModel.findById(booked.id).lean())?.service).toMatchObject({ priceCents: 5500, durationMinutes: 60 });
    expect(await offered(5202)).toContain("Klassinen hieronta 60 min – 59,50 €");
    expect(await offered(5203, "sv")).toContain("Klassisk massage, lång – 59,50 €");

    // A change stopped midway changes nothing.
    await practitioner.send("/services");
    await practitioner.press("Klassinen hieronta 60 min");
    await practitioner.press("💶 Hinta");
    await practitioner.press("✖ Keskeytä");
    expect(practitioner.lastText()).toBe("Ei muutettu.");
    expect((await ServiceModel.findOne({ key: "classic-60" }).lean())?.priceCents).toBe(5950);
  });

  it("takes a service out of use and back; customers follow", async () => {
    const practitioner = admin();
    await practitioner.send("/services");
    await practitioner.press("Klassinen hieronta 30 min");
    await practitioner.press("⏸ Pois käytöstä");
    expect(suite.tg.toasts().at(-1)).toBe("Otettu pois käytöstä.");
    expect(practitioner.lastText()).toContain("Pois käytöstä: asiakkaat eivät näe sitä.");
    expect((await offered(5301)).some((label) => label.startsWith("Klassinen hieronta 30 min"))).toBe(false);
    await practitioner.press("◀ Kaikki palvelut");
    expect(plain(practitioner.lastText())).toContain("Klassinen hieronta 30 min – 30 min, 35,00 €, tauko 15 min, arvonlisäveroton (pois käytöstä)");
    expect(practitioner.buttons().map(([label]) => label)).toContain("⏸ Klassinen hieronta 30 min");
    await practitioner.press("⏸ Klassinen hieronta 30 min");
    await practitioner.press("▶ Käyttöön");
    expect(suite.tg.toasts().at(-1)).toBe("Otettu käyttöön.");
    expect((await offered(5302)).some((label) => label.startsWith("Klassinen hieronta 30 min"))).toBe(true);
  });

  it("deletes a service never booked, after a confirmation; a booked one cannot be deleted, and a deleted default stays deleted", async () => {
    await bookFor(5401, 60, at("2026-12-03T10:00"), NOW);
    const practitioner = admin();
    await practitioner.send("/services");
    await practitioner.press("Klassinen hieronta 45 min");
    expect(practitioner.lastText()).toContain("Palvelua ei ole koskaan varattu, joten sen voi myös poistaa.");
    await practitioner.press("🗑 Poista");
    expect(practitioner.lastText()).toBe("Poistetaanko palvelu ”Klassinen hieronta 45 min” pysyvästi?");
    await practitioner.press("🗑 Poista pysyvästi");
    expect(practitioner.lastText()).toMatch(/^Poistettu: Klassinen hieronta 45 min\.\n\nPalvelut/);
    expect(practitioner.buttons().map(([label]) => label)).not.toContain("Klassinen hieronta 45 min");
    expect(await ServiceModel.exists({ key: "classic-45" })).toBeNull();
    await seedDefaults();
    expect(await ServiceModel.exists({ key: "classic-45" })).toBeNull();

    // A booked service's card has no delete button, and a forged press deletes nothing.
    const booked = (await ServiceModel.findOne({ key: "classic-60" }).lean())!;
    await practitioner.press("Klassinen hieronta 60 min");
    expect(practitioner.buttons().map(([label]) => label)).not.toContain("🗑 Poista");
    await practitioner.pressData(`ad:svx:${booked._id.toHexString()}`, suite.tg.latestKeyboardMessage(ADMIN_ID)!.messageId);
    expect(suite.tg.toasts().at(-1)).toBe("Palvelu ehdittiin varata, joten sitä ei poistettu. Voit ottaa sen pois käytöstä.");
    expect(await ServiceModel.exists({ key: "classic-60" })).not.toBeNull();
  });

  it("is unknown to anyone but an admin", async () => {
    const service = (await ServiceModel.findOne({ key: "classic-30" }).lean())!;
    const stranger = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 5501, language: "fi" });
    await stranger.send("/services");
    expect(stranger.lastText()).toContain("En ymmärtänyt");
    for (const data of ["ad:sv:list", "ad:sv:new", `ad:svt:${service._id.toHexString()}`, `ad:svx:${service._id.toHexString()}`, `ad:sve:${service._id.toHexString()}:price`]) {
      await stranger.pressData(data, 1);
      expect(suite.tg.toasts().at(-1), data).toBe("Tämä painike ei ole enää käytössä.");
    }
    expect(await ServiceModel.findById(service._id).lean()).toMatchObject({ active: true });
    expect(await CustomerModel.countDocuments({ telegramId: 5501 })).toBe(1);
  });
});
