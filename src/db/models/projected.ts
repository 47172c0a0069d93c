import type { Types } from "mongoose";

/**
 * A document read with a projection: the named fields of a model's schema type and its `_id`.
 * Typed from the schema (`InferSchemaType`), so a read cannot drift from what is stored.
 */
export type Projected<Fields, K extends keyof Fields> = Pick<Fields, K> & { _id: Types.ObjectId };
