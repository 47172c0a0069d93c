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
  const i18n = new I18n<BotContext>({
    defaultLocale: defaultLanguage,
    directory: LOCALES_DIR,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.customer?.language,
  });
  rememberBundleMatches(i18n);
  return i18n;
}

/**
 * The plugin's Fluent wrapper negotiates the locale against every loaded bundle on each
 * translation (`matchBundles`, @fluent/langneg), though the bundles are loaded once at start-up
 * and a customer has one of three languages: in the bench that was a tenth of everything the bot
 * allocated. The answer for a list of locales is remembered instead. `matchBundles` is not part of
 * the plugin's typed interface; should a release rename it, translations simply stay unremembered.
 */
function rememberBundleMatches(i18n: I18n<BotContext>): void {
  const fluent = i18n.fluent as unknown as { matchBundles?: (locales: string[]) => unknown };
  const match = fluent.matchBundles;
  if (typeof match !== "function") return;
  const known = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(",");
    let bundles = known.get(key);
    if (bundles === undefined) {
      bundles = match.call(fluent, locales);
      // Locales come from our three languages (or a Telegram code at first contact): few keys.
      if (known.size < 64) known.set(key, bundles);
    }
    return bundles;
  };
}
