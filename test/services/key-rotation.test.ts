import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ChatModel } from "../../src/db/models/chat.js";
import { CustomerModel } from "../../src/db/models/customer.js";
import { openState, sealState } from "../../src/services/chats.js";
import { createFieldCrypto, fieldCrypto, useFieldCrypto, type FieldCrypto } from "../../src/services/field-crypto.js";
import { assertDataUnderKey, reencryptAll, UnknownKeyError } from "../../src/services/key-rotation.js";
import { profile, updateProfileField } from "../../src/services/privacy.js";
import { seedDefaults } from "../../src/services/seed.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor, chatRecord } from "../helpers/fixtures.js";

useTestDatabase();

const NOW = at("2026-11-30T08:00");
const CUSTOMERS = Array.from({ length: 10 }, (_, i) => 9_500 + i);

/** Customers with email, phone and address, and conversation states, all under `crypto`. */
async function seedEncrypted(crypto: FieldCrypto): Promise<void> {
  await CustomerModel.insertMany(
    CUSTOMERS.map((id) => ({
      telegramId: id,
      language: "fi",
      email: crypto.encrypt(`c${id}@example.com`),
      emailHash: crypto.lookupHash(`c${id}@example.com`),
      phone: crypto.encrypt(`+35840${id}`),
      phoneHash: crypto.lookupHash(`+35840${id}`),
      address: crypto.encrypt(`Katu ${id}`),
      lastSeenAt: new Date(NOW),
    })),
  );
  await ChatModel.insertMany(
    CUSTOMERS.slice(0, 4).map((id) => chatRecord(String(id), { state: crypto.encrypt(`{"typed":"${id}"}`), updatedAt: new Date(NOW) })),
  );
}

/** Asserts every customer and state reads back under `crypto`, and is found by its lookup hashes. */
async function expectAllReadableWith(crypto: FieldCrypto): Promise<void> {
  const previous = fieldCrypto();
  useFieldCrypto(crypto);
  try {
    for (const id of CUSTOMERS) {
      expect(await profile(id)).toMatchObject({ email: `c${id}@example.com`, phone: `+35840${id}`, address: `Katu ${id}` });
      expect((await CustomerModel.findOne({ emailHash: crypto.lookupHash(`c${id}@example.com`) }).lean())?.telegramId).toBe(id);
      expect((await CustomerModel.findOne({ phoneHash: crypto.lookupHash(`+35840${id}`) }).lean())?.telegramId).toBe(id);
    }
    for (const id of CUSTOMERS.slice(0, 4)) {
      const state = await ChatModel.findById(String(id)).lean();
      expect(crypto.decrypt(state!.state!)).toBe(`{"typed":"${id}"}`);
    }
  } finally {
    useFieldCrypto(previous);
  }
}

/** Runs a rotation that dies after `documents` documents, as a killed process would. */
async function rotateUntilKilled(from: FieldCrypto, to: FieldCrypto, documents: number): Promise<void> {
  let done = 0;
  const killed = new Error("killed");
  await expect(
    reencryptAll(from, to, {
      afterDocument: () => {
        if (++done === documents) throw killed;
      },
    }),
  ).rejects.toBe(killed);
}

describe("key rotation (P10)", () => {
  it("re-encrypts contact details, lookup hashes and conversation state under the new key", async () => {
    await seedDefaults();
    await bookFor(9904, 60, at("2026-12-02T10:00"), NOW);
    await updateProfileField(9904, "phone", "+358401112223", { kind: "customer" }, new Date(NOW));
    const old = fieldCrypto();
    await ChatModel.create(chatRecord("9904", { state: old.encrypt('{"typed":"secret"}'), updatedAt: new Date(NOW) }));
    // A state as the bot stores it now: compressed before it is sealed.
    await ChatModel.create(chatRecord("9905", { state: sealState('{"typed":"compressed"}', old), updatedAt: new Date(NOW) }));
    const next = createFieldCrypto(randomBytes(32));
    expect(await reencryptAll(old, next)).toEqual({ customers: 1, states: 2, unchanged: 0 });
    try {
      useFieldCrypto(next);
      expect(await profile(9904)).toMatchObject({ email: "a9904@example.com", phone: "+358401112223" });
      expect((await CustomerModel.findOne({ phoneHash: next.lookupHash("+358401112223") }).lean())?.telegramId).toBe(9904);
      const state = await ChatModel.findById("9904").lean();
      expect(next.decrypt(state!.state!)).toBe('{"typed":"secret"}');
      expect(() => old.decrypt(state!.state!)).toThrow();
      const compressed = await ChatModel.findById("9905").lean();
      expect(openState(compressed!.state!, next)).toBe('{"typed":"compressed"}');
      expect(() => openState(compressed!.state!, old)).toThrow();
    } finally {
      useFieldCrypto(old);
    }
  });

  it("a rotation killed half-way is finished by running it again; once done, another run changes nothing", async () => {
    const old = createFieldCrypto(randomBytes(32));
    const next = createFieldCrypto(randomBytes(32));
    await seedEncrypted(old);
    await rotateUntilKilled(old, next, 6);
    // Half the data under each key: the bot would refuse to start with either.
    await expect(assertDataUnderKey(old)).rejects.toThrow(/npm run rotate-key/);
    await expect(assertDataUnderKey(next)).rejects.toThrow(/npm run rotate-key/);

    expect(await reencryptAll(old, next)).toEqual({ customers: 4, states: 4, unchanged: 6 });
    await expectAllReadableWith(next);
    await assertDataUnderKey(next);
    const rotated = await CustomerModel.find({}).sort({ telegramId: 1 }).lean();
    expect(await reencryptAll(old, next)).toEqual({ customers: 0, states: 0, unchanged: 14 });
    expect(await CustomerModel.find({}).sort({ telegramId: 1 }).lean()).toEqual(rotated);
    await expect(assertDataUnderKey(old)).rejects.toThrow(/ENCRYPTION_KEY has id/);
  });

  it("a rotation killed half-way can be rolled back by swapping the keys", async () => {
    const old = createFieldCrypto(randomBytes(32));
    const next = createFieldCrypto(randomBytes(32));
    await seedEncrypted(old);
    await rotateUntilKilled(old, next, 12); // all customers and two of the four states
    expect(await reencryptAll(next, old)).toEqual({ customers: 10, states: 2, unchanged: 2 });
    await expectAllReadableWith(old);
    await assertDataUnderKey(old);
  });

  it("a value under a key it was not given stops the rotation and the bot's start, naming the key", async () => {
    const old = createFieldCrypto(randomBytes(32));
    const next = createFieldCrypto(randomBytes(32));
    const stranger = createFieldCrypto(randomBytes(32));
    await seedEncrypted(old);
    await ChatModel.create(chatRecord("stray", { state: stranger.encrypt("{}"), updatedAt: new Date(NOW) }));
    await expect(assertDataUnderKey(old)).rejects.toThrow(new RegExp(`key id ${stranger.keyId}.*npm run rotate-key`));
    const error = await reencryptAll(old, next).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownKeyError);
    expect((error as UnknownKeyError).message).toContain(stranger.keyId);
    await ChatModel.deleteOne({ _id: "stray" });
    await assertDataUnderKey(old);
  });
});
