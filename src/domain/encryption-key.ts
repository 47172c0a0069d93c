/**
 * The master key for encrypting contact details at rest (P10), as the configuration gives it.
 * Parsing is pure so the configuration can check the key without depending on the cipher.
 */

/** Thrown for a key that is missing or not 32 bytes. */
export class EncryptionKeyError extends Error {}

/** Parses a 32-byte key given as base64 (44 characters) or hex (64 characters). */
export function parseEncryptionKey(raw: string | undefined): Buffer {
  const value = raw?.trim() ?? "";
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(value) && key.toString("base64") !== value)) {
    throw new EncryptionKeyError(
      "must be 32 random bytes as base64 or hex; make one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"",
    );
  }
  return key;
}
