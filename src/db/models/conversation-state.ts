import { Schema, model } from "mongoose";

/**
 * Persisted state of the conversations plugin, one document per chat. The state is kept as a JSON
 * string: it holds replayed Telegram objects such as inline keyboards (arrays of arrays), which
 * FerretDB cannot store as nested arrays.
 */
const conversationStateSchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: "conversation_states", versionKey: false },
);

export const ConversationStateModel = model("ConversationState", conversationStateSchema);
