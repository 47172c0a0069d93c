import { describe, expect, it, vi } from "vitest";
import { ChatModel } from "../../src/db/models/chat.js";
import { openState, sealState } from "../../src/services/chats.js";
import { fieldCrypto } from "../../src/services/field-crypto.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { createTestBot, TestCustomer } from "../helpers/bot.js";
import { useBotSuite } from "../helpers/bot-suite.js";
import { useTestDatabase } from "../helpers/db.js";
import { textUpdate } from "../helpers/fake-telegram.js";
import { at, HOUR, setLanguage } from "../helpers/fixtures.js";

useTestDatabase();
const NOW = at("2026-11-30T08:00");
const suite = useBotSuite(NOW);

/** The person's customer record and their chat's record, as stored. */
async function stored(telegramId: number) {
  const [customer, chat] = await Promise.all([
    CustomerModel.findOne({ telegramId }).lean(),
    ChatModel.findById(String(telegramId)).lean(),
  ]);
  return { customer, chat };
}

describe("the chat record (one read and one write an update)", () => {
  it("is made on first contact, names the customer, and keeps the flow in progress between updates", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9701, language: "sv" });
    await customer.send("/book");
    const first = await stored(9701);
    expect(first.customer?.language).toBe("sv");
    expect(first.chat).toMatchObject({ customerId: first.customer?._id, language: "sv" });
    expect(first.chat?.state).toEqual(expect.any(String));
    // A new bot (a restart) continues the flow from the record.
    const again = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9701, language: "sv" });
    await again.press("60 min");
    expect(again.lastText()).toContain("välj en dag");
    // Ending the flow removes its state from the record; the record stays.
    await again.send("/cancel");
    expect((await stored(9701)).chat?.state).toBeUndefined();
  });

  it("keeps the flow compressed and sealed, and continues one an earlier release stored uncompressed", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9703, language: "fi" });
    await customer.send("/book");
    await customer.press("60 min");
    const sealed = (await stored(9703)).chat!.state!;
    const json = openState(sealed);
    expect(JSON.parse(json)).toHaveProperty("state.booking");
    // Sealed like contact details, so no typed text shows; and smaller than the JSON it holds.
    expect(sealed).toMatch(/^v1\./);
    expect(sealed.length).toBeLessThan(json.length);
    expect(fieldCrypto().decryptBytes(sealed)[0]).toBe(0);
    // An earlier release sealed the JSON itself: such a flow goes on where it was.
    await ChatModel.updateOne({ _id: "9703" }, { $set: { state: fieldCrypto().encrypt(json) } });
    const again = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9703, language: "fi" });
    await again.press("ti 1.12.");
    expect(again.lastText()).toContain("kellonaika");
    expect(openState((await stored(9703)).chat!.state!)).not.toBe(json);
  });

  it("drops a flow saved in an older release's state format: its buttons say they are out of date, and /book starts afresh", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9704, language: "fi" });
    await customer.send("/book");
    await customer.press("60 min");
    const saved = JSON.parse(openState((await stored(9704)).chat!.state!)) as { version: [number, number] };
    // The same flow as the release before this one's format (version 1) stored it.
    saved.version[1] = 1;
    await ChatModel.updateOne({ _id: "9704" }, { $set: { state: sealState(JSON.stringify(saved)) } });
    const texts = customer.texts().length;
    const toasts = suite.tg.toasts().length;
    await customer.press("ti 1.12.");
    expect(suite.tg.toasts().slice(toasts)).toEqual(["Tämä painike ei ole enää käytössä."]);
    expect(customer.texts()).toHaveLength(texts);
    await customer.send("/book");
    expect(customer.lastText()).toBe("Minkä hoidon haluat varata?");
    await customer.press("60 min");
    expect(customer.lastText()).toContain("valitse päivä");
  });

  it("ignores an update it has handled, also among several later ones", async () => {
    const bot = createTestBot(suite.tg);
    const first = textUpdate(suite.tg, { id: 9702, language: "fi" }, "/start");
    await bot.handleUpdate(first);
    for (let i = 0; i < 3; i++) await bot.handleUpdate(textUpdate(suite.tg, { id: 9702, language: "fi" }, "/help"));
    const before = suite.tg.textsTo(9702).length;
    await bot.handleUpdate(first);
    expect(suite.tg.textsTo(9702)).toHaveLength(before);
  });

  it("writes the last interaction time at most once an hour", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9703, language: "fi" });
    await customer.send("/start");
    expect((await stored(9703)).customer?.lastSeenAt.getTime()).toBe(NOW);
    vi.setSystemTime(NOW + 30 * 60_000);
    await customer.send("/help");
    expect((await stored(9703)).customer?.lastSeenAt.getTime()).toBe(NOW);
    vi.setSystemTime(NOW + HOUR + 60_000);
    await customer.send("/help");
    expect((await stored(9703)).customer?.lastSeenAt.getTime()).toBe(NOW + HOUR + 60_000);
  });

  it("follows a language changed through /language, and finds the customer again when their record went", async () => {
    const customer = new TestCustomer(createTestBot(suite.tg), suite.tg, { id: 9704, language: "fi" });
    await customer.send("/start");
    await setLanguage(9704, "en");
    await customer.send("/help");
    expect(customer.lastText()).toContain("With me you can:");
    // The customer record removed behind the chat's back (as an erasure by hand would): within
    // the hour the chat notices and starts afresh with a new record.
    await CustomerModel.deleteOne({ telegramId: 9704 });
    vi.setSystemTime(NOW + 2 * HOUR);
    await customer.send("/start");
    const after = await stored(9704);
    expect(after.customer).not.toBeNull();
    expect(after.chat?.customerId).toEqual(after.customer?._id);
  });
});
