/**
 * `npm run rotate-key [-- --force]`: re-encrypts every encrypted field and lookup hash from
 * ENCRYPTION_KEY to NEW_ENCRYPTION_KEY. Stop the bot first (it refuses while one runs, unless
 * --force), take a backup, run this (again, if it was cut off: it goes on where it stopped), then
 * set ENCRYPTION_KEY to the new key and start the bot again. Backups made before keep needing the
 * old key.
 */
import { EncryptionKeyError, parseEncryptionKey } from "../domain/encryption-key.js";
import { createFieldCrypto, type FieldCrypto } from "../services/field-crypto.js";
import { refuseWhileBotRuns } from "../services/instances.js";
import { reencryptAll } from "../services/key-rotation.js";
import { runCommand } from "./run.js";

const force = process.argv.slice(2).includes("--force");

await runCommand(async (config) => {
  let next: FieldCrypto;
  try {
    next = createFieldCrypto(parseEncryptionKey(process.env.NEW_ENCRYPTION_KEY));
  } catch (error) {
    if (!(error instanceof EncryptionKeyError)) throw error;
    throw new Error(`NEW_ENCRYPTION_KEY (the key to rotate to) ${error.message}`, { cause: error });
  }
  const current = createFieldCrypto(config.encryptionKey);
  console.log(`ENCRYPTION_KEY has key id ${current.keyId}; NEW_ENCRYPTION_KEY has key id ${next.keyId}`);
  await refuseWhileBotRuns("rotate the encryption key", force);
  const { customers, states, unchanged } = await reencryptAll(current, next);
  console.log(
    `re-encrypted ${customers} customers and ${states} conversation states (${unchanged} needed nothing); ` +
      "everything is now under NEW_ENCRYPTION_KEY: set ENCRYPTION_KEY to it and start the bot",
  );
});
