import type { ConversationData, VersionedStateStorage } from "@grammyjs/conversations";
import { ConversationStateModel } from "../db/models/conversation-state.js";
import { fieldCrypto } from "../services/field-crypto.js";

type Stored = Parameters<VersionedStateStorage<string, ConversationData>["write"]>[1];

/**
 * Keeps conversation state in MongoDB, one document per chat, so a restart or a second
 * process continues a booking where it was. The state is serialised to JSON (see the model) and
 * encrypted like contact details: a flow in progress holds what the customer typed (name, email,
 * phone) in its replay log.
 */
export const mongoConversationStorage: VersionedStateStorage<string, ConversationData> = {
  async read(key) {
    const doc = await ConversationStateModel.findById(key).lean();
    return doc ? (JSON.parse(fieldCrypto().decrypt(doc.state)) as Stored) : undefined;
  },
  async write(key, state) {
    await ConversationStateModel.updateOne(
      { _id: key },
      { $set: { state: fieldCrypto().encrypt(JSON.stringify(state)), updatedAt: new Date() } },
      { upsert: true },
    );
  },
  async delete(key) {
    await ConversationStateModel.deleteOne({ _id: key });
  },
};
