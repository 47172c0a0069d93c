import { Schema, model, type InferSchemaType, type HydratedDocument, type Types } from "mongoose";
import { GENDERS, LANGUAGES } from "../../domain/enums.js";

/** The identity of a customer who talks to the bot: one record per Telegram account. */
export function telegramIdentity(telegramId: number): string {
  return `telegram:${telegramId}`;
}

/** The identity of a customer the practice created (phone or walk-in), until they link Telegram. */
export function practiceIdentity(customerId: Types.ObjectId): string {
  return `practice:${customerId.toHexString()}`;
}

/**
 * A customer of the practice. Only the fields the practice's privacy notice lists are kept
 * (docs/processing-record.md): no identity code, no health or treatment notes. Email, phone and
 * address are stored encrypted (services/field-crypto.ts); the hashes serve exact lookups.
 *
 * Most customers come through the chat and have a Telegram id; a customer the practitioner
 * creates for a phone or walk-in booking has none until they open a link she sends them
 * (services/telegram-link.ts). What makes a record unique is `identity`, which every record has:
 * `telegram:<user id>` or `practice:<record id>`. A unique index on `telegramId` itself cannot
 * serve: MongoDB counts every record without the field as the same (null) value, so a second
 * phone customer could not be stored, while FerretDB 1.24 (SQLite) counts each missing value as
 * distinct, and neither has partial indexes. See docs/architecture.md, "Customers without Telegram".
 */
const customerSchema = new Schema(
  {
    identity: { type: String, required: true, unique: true },
    /** The Telegram account, when the customer uses the bot; absent for a practice-created customer not linked yet. */
    telegramId: { type: Number, index: true },
    language: { type: String, enum: LANGUAGES, required: true },
    firstName: { type: String, maxlength: 100 },
    lastName: { type: String, maxlength: 100 },
    email: { type: String },
    emailHash: { type: String, index: true },
    phone: { type: String },
    phoneHash: { type: String, index: true },
    address: { type: String },
    gender: { type: String, enum: GENDERS },
    birthYear: { type: Number, min: 1900, max: 2100 },
    /** Version of the privacy notice the customer acknowledged, and when. */
    privacyNoticeVersion: { type: String },
    privacyAcknowledgedAt: { type: Date },
    /** When the marketing consent question was first put to the customer. */
    consentsAskedAt: { type: Date },
    /** Last interaction with the bot (the notice's "last login"); for a practice-created customer, when created. */
    lastSeenAt: { type: Date, required: true },
  },
  // Indexes are made by prepareCustomerIndexes, after older records have their identity.
  { timestamps: true, collection: "customers", autoIndex: false },
);
customerSchema.index({ lastSeenAt: 1 });
// Records created with only a Telegram id (tests, the benchmark) get their identity from it.
customerSchema.pre("validate", function () {
  if (!this.identity && typeof this.telegramId === "number") this.identity = telegramIdentity(this.telegramId);
});

export type CustomerFields = InferSchemaType<typeof customerSchema>;
export type CustomerDocument = HydratedDocument<CustomerFields>;
export const CustomerModel = model("Customer", customerSchema);

/** A number as stored: plain, or wrapped as canonical Extended JSON reads it (Int32, Double, Long). */
function plainNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  const wrapped = value as { toNumber?: () => number; valueOf?: () => unknown } | null | undefined;
  if (typeof wrapped?.toNumber === "function") return wrapped.toNumber();
  const plain = wrapped?.valueOf?.();
  return typeof plain === "number" ? plain : undefined;
}

/**
 * A stored customer document (raw, as a backup holds it) with its identity, which records
 * written before customers without Telegram existed lack: restoring such a backup into a
 * database whose unique index needs it (restore copies the live indexes) must add it.
 */
export function withIdentity<T extends { _id?: unknown; identity?: unknown; telegramId?: unknown }>(doc: T): T {
  if (doc.identity !== undefined) return doc;
  const telegramId = plainNumber(doc.telegramId);
  if (telegramId !== undefined) return { ...doc, identity: telegramIdentity(telegramId) };
  const id = doc._id as { toHexString?: () => string } | undefined;
  return id?.toHexString ? { ...doc, identity: `practice:${id.toHexString()}` } : doc;
}

/**
 * Brings the customers collection to this schema and makes its indexes. Records written before
 * customers without Telegram existed have no `identity`: each gets `telegram:<id>` (MongoDB could
 * not build the unique index over several records lacking it), and the old unique index on
 * `telegramId` is replaced by a plain one (it would refuse a second customer without Telegram).
 * Safe to run at every start and from several processes at once: each step leaves what another
 * already did as it is.
 */
export async function prepareCustomerIndexes(): Promise<void> {
  const collection = CustomerModel.collection;
  const old = await collection.find({ identity: { $exists: false } }, { projection: { telegramId: 1 } }).toArray();
  for (const doc of old) {
    const { identity } = withIdentity(doc);
    if (identity !== undefined) await collection.updateOne({ _id: doc._id, identity: { $exists: false } }, { $set: { identity } });
  }
  const indexes = await collection.indexes().catch(() => []);
  const uniqueTelegramId = indexes.find((i) => i.unique && Object.keys(i.key).join() === "telegramId");
  if (uniqueTelegramId?.name) {
    await collection.dropIndex(uniqueTelegramId.name).catch((error: unknown) => {
      // Another process dropped it first.
      if ((error as { codeName?: string }).codeName !== "IndexNotFound") throw error;
    });
  }
  await CustomerModel.createIndexes();
}
