import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Language } from "../domain/enums.js";
import type { BotContext } from "./context.js";

/** Folder of the Fluent files, one per language. */
export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/**
 * The i18n plugin. The locale is the customer's stored language (loaded by our middleware), so
 * Telegram's own language setting matters only on the first contact.
 */
export function createI18n(defaultLanguage: Language): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: defaultLanguage,
    directory: LOCALES_DIR,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.customer?.language,
  });
}
