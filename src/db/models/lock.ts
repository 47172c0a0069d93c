import { Schema, model } from "mongoose";

/**
 * A lease on a named resource ("booking:<id>", "reminder:<id>:<due>"). Taking one is an insert,
 * and the `_id` index is unique, so of several processes exactly one holds it. This is the one
 * primitive that is atomic on both MongoDB and FerretDB 1.24: FerretDB's conditional updates
 * (`findOneAndUpdate`, `updateOne` with a filter) are not, under concurrency.
 */
const lockSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: "locks", versionKey: false },
);

export const LockModel = model("Lock", lockSchema);
