/** `npm run backup`: writes an encrypted archive of the whole database to BACKUP_DIR. */
import { existsSync } from "node:fs";
import { loadConfig } from "../config.js";
import { connectDatabase } from "../db/connect.js";
import { createLogger } from "../logger.js";
import { writeBackup } from "../services/backup.js";

if (existsSync(".env")) process.loadEnvFile(".env");
const config = loadConfig();
const logger = createLogger(config.logLevel);
const database = await connectDatabase(config.mongodbUri, config.dataDir, logger);
try {
  const { file, collections, documents, bytes } = await writeBackup(config.backup.dir, config.encryptionKey, config.backup.keep, new Date());
  console.log(`backup written: ${file} (${collections} collections, ${documents} documents, ${bytes} bytes)`);
} finally {
  await database.close();
}
