import { ChatModel } from "../db/models/chat.js";
import { CustomerModel } from "../db/models/customer.js";
import { encryptedKeyId, type FieldCrypto } from "./field-crypto.js";

/** The customer fields stored encrypted; email and phone also have a lookup hash (`<field>Hash`). */
const ENCRYPTED_FIELDS = ["email", "phone", "address"] as const;
const HASHED_FIELDS: ReadonlySet<string> = new Set(["email", "phone"]);

/** Thrown when a stored value is under a key that is neither of the rotation's two keys. */
export class UnknownKeyError extends Error {
  constructor(readonly keyId: string | undefined) {
    super(
      `a value is encrypted with a key that is neither ENCRYPTION_KEY nor NEW_ENCRYPTION_KEY (key id ${keyId ?? "none: not an encrypted value"}); ` +
        "set ENCRYPTION_KEY to the key with that id",
    );
    this.name = "UnknownKeyError";
  }
}

/** What one run of reencryptAll did. */
export interface RotationResult {
  /** Customers and conversation states re-encrypted by this run. */
  customers: number;
  states: number;
  /** Documents that needed nothing: already under the new key, or without encrypted fields. */
  unchanged: number;
}

/**
 * Re-encrypts every encrypted field with `to` (P10 key rotation): contact details with their
 * lookup hashes, and the state of conversations in progress. Each document is one update, so a
 * run killed half-way leaves every value readable under one of the two keys; values already
 * under `to` are skipped, so running it again finishes the job (and once done, changes nothing).
 * Since only the destination matters, swapping the keys rolls a rotation back the same way.
 * `afterDocument` lets tests stop a run half-way. Run with the bot stopped.
 */
export async function reencryptAll(
  from: FieldCrypto,
  to: FieldCrypto,
  options: { afterDocument?: () => void | Promise<void> } = {},
): Promise<RotationResult> {
  // Checked first, so that a wrong key is refused before anything changes.
  const stranger = await valueUnderOtherKey([from.keyId, to.keyId]);
  if (stranger !== undefined) throw new UnknownKeyError(encryptedKeyId(stranger));
  const result: RotationResult = { customers: 0, states: 0, unchanged: 0 };
  /** The value re-encrypted with `to`, or undefined when it is already under `to`. */
  // Byte for byte: a conversation state is compressed before it is sealed (services/chats.ts).
  const reencrypt = (value: string): { sealed: string; plain: string } | undefined => {
    const id = encryptedKeyId(value);
    if (id === to.keyId) return undefined;
    if (id !== from.keyId) throw new UnknownKeyError(id);
    const plain = from.decryptBytes(value);
    return { sealed: to.encryptBytes(plain), plain: plain.toString("utf8") };
  };

  for await (const c of CustomerModel.find({}, { email: 1, phone: 1, address: 1 }).lean().cursor()) {
    const set: Record<string, string> = {};
    const unchangedSince: Record<string, string> = {};
    for (const field of ENCRYPTED_FIELDS) {
      const value = c[field];
      if (!value) continue;
      const next = reencrypt(value);
      if (!next) continue;
      set[field] = next.sealed;
      // The hash goes in the same update as its value: a value under the new key always has
      // its hash under the new key too, so skipping the value skips a finished hash.
      if (HASHED_FIELDS.has(field)) set[`${field}Hash`] = to.lookupHash(next.plain);
      unchangedSince[field] = value;
    }
    if (Object.keys(set).length > 0) {
      await CustomerModel.updateOne({ _id: c._id, ...unchangedSince }, { $set: set });
      result.customers++;
    } else {
      result.unchanged++;
    }
    await options.afterDocument?.();
  }
  for await (const s of ChatModel.find({ state: { $exists: true } }, { state: 1 }).lean().cursor()) {
    const next = s.state ? reencrypt(s.state) : undefined;
    if (next) {
      await ChatModel.updateOne({ _id: s._id, state: s.state }, { $set: { state: next.sealed } });
      result.states++;
    } else {
      result.unchanged++;
    }
    await options.afterDocument?.();
  }
  return result;
}

/** A stored encrypted value under none of the keys `keyIds`, if there is one (the first found). */
async function valueUnderOtherKey(keyIds: string[]): Promise<string | undefined> {
  const ids = keyIds.map((id) => id.replace(/[^\w]/g, "\\$&")).join("|");
  const other = { $type: "string", $ne: "", $not: new RegExp(`^v1\\.(${ids})\\.`) };
  const customer = await CustomerModel.collection.findOne(
    { $or: ENCRYPTED_FIELDS.map((f) => ({ [f]: other })) },
    { projection: { email: 1, phone: 1, address: 1 } },
  );
  if (customer) {
    const values = ENCRYPTED_FIELDS.map((f) => customer[f] as unknown);
    return values.find((v): v is string => typeof v === "string" && v !== "" && !keyIds.includes(encryptedKeyId(v) ?? ""));
  }
  const state = await ChatModel.collection.findOne({ state: other }, { projection: { state: 1 } });
  return typeof state?.state === "string" ? state.state : undefined;
}

/**
 * The start-up check: refuses (throws, with what to run) when some stored value is encrypted
 * with a key other than `crypto`'s, which an unfinished key rotation or a wrong ENCRYPTION_KEY
 * leaves. Two queries that stop at the first such value (no index serves them; customers and
 * conversation states are read through once per start).
 */
export async function assertDataUnderKey(crypto: FieldCrypto): Promise<void> {
  const found = await valueUnderOtherKey([crypto.keyId]);
  if (found === undefined) return;
  throw new Error(
    `some data in the database is encrypted with another key (key id ${encryptedKeyId(found) ?? "none"}; ` +
      `ENCRYPTION_KEY has id ${crypto.keyId}): a key rotation was not finished, or ENCRYPTION_KEY is not the right key. ` +
      "Finish the rotation with `npm run rotate-key`, the key the data was under as ENCRYPTION_KEY and the key to keep as " +
      "NEW_ENCRYPTION_KEY (it prints each key's id and can be run again until it has nothing left to do), " +
      "then start the bot with ENCRYPTION_KEY set to the key kept. See docs/operations.md, Rotate the encryption key.",
  );
}
