import { validate } from "@telegram-apps/init-data-node";

/** Who is using the Mini App, as Telegram signed it. */
export interface WebAppUser {
  telegramId: number;
  /** Telegram's language setting, used only until the user has a stored language. */
  languageCode: string | undefined;
}

/**
 * The user of a Mini App request (M3), from the `Authorization: tma <initData>` header: Telegram
 * signs the launch data with a key derived from the bot token, so a valid signature means
 * Telegram vouches for the user id in it. Refused (undefined): no header, a wrong signature, a
 * missing or older `auth_date` than `maxAgeSeconds`, or no user in it. The identity comes from
 * here only, never from a parameter.
 */
export function authenticate(header: string | string[] | undefined, botToken: string, maxAgeSeconds: number): WebAppUser | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^tma (.+)$/.exec(value ?? "");
  if (!match) return undefined;
  const initData = match[1]!;
  try {
    validate(initData, botToken, { expiresIn: maxAgeSeconds });
  } catch {
    return undefined;
  }
  let user: unknown;
  try {
    user = JSON.parse(new URLSearchParams(initData).get("user") ?? "null");
  } catch {
    return undefined;
  }
  if (typeof user !== "object" || user === null) return undefined;
  const { id, language_code: languageCode } = user as { id?: unknown; language_code?: unknown };
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) return undefined;
  return { telegramId: id, languageCode: typeof languageCode === "string" ? languageCode : undefined };
}
