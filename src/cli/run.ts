import { existsSync } from "node:fs";
import { ConfigError, loadConfig, type Config } from "../config.js";
import { connectDatabase } from "../db/connect.js";
import { createLogger } from "../logger.js";

/**
 * Runs a maintenance command (`npm run backup` and the like): `.env` and the configuration, the
 * database, then `command`. A failure prints its message, which says what to do, and the process
 * exits with status 1 (78 for a bad configuration, as the bot does).
 */
export async function runCommand(command: (config: Config) => Promise<void>): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${error.message}\nSee .env.example for every variable and what it means.`);
    process.exit(78);
  }
  const database = await connectDatabase(config.mongodbUri, config.dataDir, createLogger(config.logLevel));
  try {
    await command(config);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
