/**
 * `npm run rotate-key`: re-encrypts every encrypted field and lookup hash from ENCRYPTION_KEY to
 * NEW_ENCRYPTION_KEY. Stop the bot first, take a backup, run this, then set ENCRYPTION_KEY to the
 * new key and start the bot again. Backups made before keep needing the old key.
 */
import { existsSync } from "node:fs";
import { loadConfig } from "../config.js";
import { connectDatabase } from "../db/connect.js";
import { createLogger } from "../logger.js";
import { createFieldCrypto, parseEncryptionKey } from "../services/field-crypto.js";
import { reencryptAll } from "../services/key-rotation.js";

if (existsSync(".env")) process.loadEnvFile(".env");
const config = loadConfig();
const next = createFieldCrypto(parseEncryptionKey(process.env.NEW_ENCRYPTION_KEY));
const database = await connectDatabase(config.mongodbUri, config.dataDir, createLogger(config.logLevel));
try {
  const { customers, states } = await reencryptAll(createFieldCrypto(config.encryptionKey), next);
  console.log(`re-encrypted ${customers} customers and ${states} conversation states; now set ENCRYPTION_KEY to the new key`);
} finally {
  await database.close();
}
