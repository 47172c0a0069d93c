import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption at rest for contact details (P10): AES-256-GCM with a key held outside the
 * database (the ENCRYPTION_KEY environment variable), and keyed hashes (HMAC-SHA-256) for
 * looking customers up by email or phone without storing them in the clear.
 *
 * Ciphertexts read `v1.<key id>.<iv>.<tag>.<data>` (base64url parts); the key id (a fingerprint
 * of the key, every value has carried it since the first release) lets a key rotation skip the
 * values it already did and the start-up check name the key a value needs.
 */
export interface FieldCrypto {
  /** Fingerprint of the key (8 characters): not secret, safe to print. */
  readonly keyId: string;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** The same sealing for bytes (`encrypt` is this of the text's UTF-8). */
  encryptBytes(plaintext: Uint8Array): string;
  decryptBytes(ciphertext: string): Buffer;
  /** A stable keyed hash of a normalised value, for exact-match lookups. */
  lookupHash(value: string): string;
}

/** Thrown when a value was encrypted with a key other than the one decrypting it. */
export class ForeignKeyError extends Error {
  constructor(readonly keyId: string | undefined) {
    super(`field was encrypted with another key (id ${keyId ?? "unknown"})`);
    this.name = "ForeignKeyError";
  }
}

/** The id of the key a stored value was encrypted with, or undefined for what is not one. */
export function encryptedKeyId(ciphertext: string): string | undefined {
  const [version, id] = ciphertext.split(".", 2);
  return version === "v1" && id ? id : undefined;
}

/** Builds the field cipher from the master key; encryption and hashing use separate subkeys. */
export function createFieldCrypto(masterKey: Buffer): FieldCrypto {
  const encKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "ajanvaraus field encryption v1", 32));
  const macKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "ajanvaraus lookup hash v1", 32));
  const keyId = createHash("sha256").update(encKey).digest("base64url").slice(0, 8);
  const encryptBytes = (plaintext: Uint8Array): string => {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", encKey, iv);
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ["v1", keyId, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(".");
  };
  const decryptBytes = (ciphertext: string): Buffer => {
    const [version, id, iv, tag, data] = ciphertext.split(".");
    if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("not an encrypted field");
    if (id !== keyId) throw new ForeignKeyError(id);
    const decipher = createDecipheriv("aes-256-gcm", encKey, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
  };
  return {
    keyId,
    encryptBytes,
    decryptBytes,
    encrypt: (plaintext) => encryptBytes(Buffer.from(plaintext, "utf8")),
    decrypt: (ciphertext) => decryptBytes(ciphertext).toString("utf8"),
    lookupHash(value) {
      return createHmac("sha256", macKey).update(value.trim().toLowerCase(), "utf8").digest("base64url");
    },
  };
}

let current: FieldCrypto | undefined;

/** Installs the process's field cipher; called once at start-up (and by the test setup). */
export function useFieldCrypto(crypto: FieldCrypto): void {
  current = crypto;
}

/** The process's field cipher. */
export function fieldCrypto(): FieldCrypto {
  if (!current) throw new Error("field encryption is not configured (ENCRYPTION_KEY)");
  return current;
}
