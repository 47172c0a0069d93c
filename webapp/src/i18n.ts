import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { MessageKey } from "../../src/miniapp/api-types.js";

export type Translate = (key: MessageKey, args?: Record<string, FluentVariable>) => string;

/**
 * The bot's own Fluent messages in the user's language, as the server sent them (Session.messages),
 * formatted here with the same rules as in the chat.
 */
export function createTranslate(locale: string, source: string): Translate {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  bundle.addResource(new FluentResource(source));
  return (key, args) => {
    const message = bundle.getMessage(key);
    return message?.value ? bundle.formatPattern(message.value, args) : key;
  };
}
