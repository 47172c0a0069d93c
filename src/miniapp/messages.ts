import { readFileSync } from "node:fs";
import path from "node:path";
import { LOCALES_DIR } from "../bot/i18n.js";
import type { Language } from "../domain/enums.js";
import { WEBAPP_MESSAGES } from "./api-types.js";

/**
 * The Fluent source of some messages of a locale file, as written there: the bot's
 * locales/*.ftl stay the only copy of every text, and the Mini App formats what it is sent with
 * Fluent as the bot does. A message starts with `key =` at the start of a line and goes on over
 * the indented (or blank) lines after it; comments and other messages end it.
 */
export function fluentMessages(source: string, keys: readonly string[]): string {
  const wanted = new Set(keys);
  const picked: string[] = [];
  let current: string[] | undefined;
  const flush = () => {
    if (current) picked.push(current.join("\n").trimEnd());
    current = undefined;
  };
  for (const line of source.split("\n")) {
    const start = /^([a-zA-Z][\w-]*) *=/.exec(line);
    if (start) {
      flush();
      if (wanted.has(start[1]!)) current = [line];
    } else if (line.trim() === "" || /^\s/.test(line)) {
      current?.push(line);
    } else {
      flush();
    }
  }
  flush();
  return `${picked.join("\n")}\n`;
}

const cache = new Map<Language, string>();

/** The Mini App's messages (WEBAPP_MESSAGES) from one language's locale file, read once per process. */
export function webAppMessages(language: Language): string {
  let source = cache.get(language);
  if (source === undefined) {
    source = fluentMessages(readFileSync(path.join(LOCALES_DIR, `${language}.ftl`), "utf8"), WEBAPP_MESSAGES);
    cache.set(language, source);
  }
  return source;
}
