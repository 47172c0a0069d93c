import { ConversationStateModel } from "../db/models/conversation-state.js";
import { CustomerModel } from "../db/models/customer.js";
import type { FieldCrypto } from "./field-crypto.js";

/**
 * Re-encrypts every encrypted field and lookup hash with a new key (P10 key rotation): contact
 * details, and the state of conversations in progress. Run with the bot stopped.
 */
export async function reencryptAll(from: FieldCrypto, to: FieldCrypto): Promise<{ customers: number; states: number }> {
  let customers = 0;
  for await (const c of CustomerModel.find({}).lean().cursor()) {
    const set: Record<string, string> = {};
    for (const field of ["email", "phone", "address"] as const) {
      const value = c[field];
      if (!value) continue;
      const plain = from.decrypt(value);
      set[field] = to.encrypt(plain);
      if (field !== "address") set[`${field}Hash`] = to.lookupHash(plain);
    }
    if (Object.keys(set).length > 0) await CustomerModel.updateOne({ _id: c._id }, { $set: set });
    customers++;
  }
  let states = 0;
  for await (const s of ConversationStateModel.find({}).lean().cursor()) {
    await ConversationStateModel.updateOne({ _id: s._id }, { $set: { state: to.encrypt(from.decrypt(s.state)) } });
    states++;
  }
  return { customers, states };
}
