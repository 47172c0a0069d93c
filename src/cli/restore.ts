/** `npm run restore -- <file>`: replaces the database's contents with an archive's. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { loadConfig } from "../config.js";
import { connectDatabase } from "../db/connect.js";
import { createLogger } from "../logger.js";
import { restoreBackup } from "../services/backup.js";

if (existsSync(".env")) process.loadEnvFile(".env");
const file = process.argv[2];
if (!file) {
  console.error("usage: npm run restore -- <backup file>");
  process.exit(64);
}
const config = loadConfig();
const logger = createLogger(config.logLevel);
const database = await connectDatabase(config.mongodbUri, config.dataDir, logger);
try {
  const { collections, documents } = await restoreBackup(await readFile(file), config.encryptionKey);
  console.log(`restored ${documents} documents in ${collections} collections from ${file}`);
} finally {
  await database.close();
}
