import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import validator from "validator";

/** Why a typed value was refused; each reason has its own message in the locale files. */
export type InvalidReason = "empty" | "too-long" | "invalid";

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: InvalidReason };

const NAME_MAX = 100;
const EMAIL_MAX = 254;
// Letters (any script), marks, spaces, apostrophes, hyphens and dots: names such as "Anna-Liisa",
// "O'Brien" or "Väinö J." pass; digits, emoji and control characters do not.
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;

/** Validates a first or last name as typed by the customer. */
export function validateName(raw: string): Validated<string> {
  const value = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  if (value.length === 0) return { ok: false, reason: "empty" };
  if (value.length > NAME_MAX) return { ok: false, reason: "too-long" };
  if (!NAME_PATTERN.test(value)) return { ok: false, reason: "invalid" };
  return { ok: true, value };
}

/** Validates an email address and returns it trimmed, with the domain in lower case. */
export function validateEmail(raw: string): Validated<string> {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, reason: "empty" };
  if (value.length > EMAIL_MAX) return { ok: false, reason: "too-long" };
  if (!validator.isEmail(value, { allow_display_name: false, allow_ip_domain: false, require_tld: true })) {
    return { ok: false, reason: "invalid" };
  }
  const at = value.lastIndexOf("@");
  return { ok: true, value: value.slice(0, at) + value.slice(at).toLowerCase() };
}

/**
 * Validates a phone number typed in Finnish (040 123 4567) or international (+358 40 123 4567)
 * form and normalises it to E.164 (+358401234567).
 */
export function validatePhone(raw: string): Validated<string> {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, reason: "empty" };
  if (value.length > 30) return { ok: false, reason: "too-long" };
  const phone = parsePhoneNumberFromString(value, "FI");
  if (!phone?.isValid()) return { ok: false, reason: "invalid" };
  return { ok: true, value: phone.number };
}
