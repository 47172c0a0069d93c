import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../logger.js";
import { FerretDBUnavailableError, startFerretDB } from "./ferretdb.js";

/** The database name the embedded servers hold the bot's data under. */
const DATABASE_NAME = "ajanvaraus";

/** Neither embedded database could be started; the message is the paragraph to show the operator. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** A database server this process started because no MONGODB_URI was given. */
export interface EmbeddedDatabase {
  uri: string;
  engine: "mongodb" | "ferretdb";
  stop(): Promise<void>;
}

const WHAT_TO_DO =
  "Either set MONGODB_URI in .env to a MongoDB server you run (e.g. mongodb://localhost:27017/ajanvaraus), " +
  "or run the bot together with MongoDB in Docker: `docker compose up -d`.";

async function files(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** One line of an error, short enough to quote in a sentence. */
function reason(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim().replace(/\.$/, "");
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

async function startMongoDB(dbPath: string, logger: Logger): Promise<EmbeddedDatabase> {
  await mkdir(dbPath, { recursive: true });
  // Imported only when needed: it is the one heavy dependency an external database never uses.
  const { MongoMemoryServer } = await import("mongodb-memory-server");
  logger.info({ dbPath }, "starting embedded MongoDB");
  // mongodb-memory-server prints its own failure with a stack trace; the caller explains it instead.
  const warn = console.warn;
  console.warn = () => undefined;
  let server;
  try {
    server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: "wiredTiger", dbName: DATABASE_NAME } });
  } finally {
    console.warn = warn;
  }
  return {
    uri: server.getUri(DATABASE_NAME),
    engine: "mongodb",
    async stop() {
      await server.stop({ doCleanup: false });
    },
  };
}

async function runFerretDB(dir: string): Promise<EmbeddedDatabase> {
  const ferret = await startFerretDB(dir);
  return { uri: `${ferret.uri}${DATABASE_NAME}`, engine: "ferretdb", stop: () => ferret.stop() };
}

/**
 * The database used when no MONGODB_URI is set (O3): MongoDB through mongodb-memory-server with
 * its files in `<dataDir>/mongodb`; where MongoDB cannot be downloaded or started, FerretDB
 * (built with Go, as .ci/run does) with its files in `<dataDir>/ferretdb`. Once one of them holds
 * the data, later starts use that one only: the other would start empty, as if every booking were
 * gone. Throws DatabaseUnavailableError, saying what happened and what to do, when neither runs.
 */
export async function startEmbeddedDatabase(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const mongoDir = path.resolve(dataDir, "mongodb");
  const ferretDir = path.resolve(dataDir, "ferretdb");
  const mongoUsed = (await files(mongoDir)).some((name) => name.startsWith("WiredTiger"));
  const ferretUsed = (await files(ferretDir)).some((name) => name.endsWith(".sqlite"));

  if (ferretUsed && !mongoUsed) {
    logger.info({ dbPath: ferretDir }, "starting FerretDB (SQLite), the embedded database of earlier starts");
    try {
      return await runFerretDB(ferretDir);
    } catch (error) {
      if (!(error instanceof FerretDBUnavailableError)) throw error;
      throw new DatabaseUnavailableError(
        `The bot needs a database and could not start one. MONGODB_URI is not set, and ${ferretDir} holds ` +
          `the data of the FerretDB the bot ran on earlier starts, but FerretDB could not be started now ` +
          `(${reason(error)}). The bot does not switch to MongoDB, which would start empty. Fix what the ` +
          `reason says and start again, or set MONGODB_URI in .env to a MongoDB server you run (the data ` +
          `stays in ${ferretDir}).`,
      );
    }
  }

  let mongoFailure: string;
  try {
    return await startMongoDB(mongoDir, logger);
  } catch (error) {
    mongoFailure = reason(error);
  }
  if (mongoUsed) {
    throw new DatabaseUnavailableError(
      `The bot needs a database and could not start one. MONGODB_URI is not set, and ${mongoDir} holds ` +
        `the data of the MongoDB the bot ran on earlier starts, but MongoDB could not be started now ` +
        `(${mongoFailure}). The bot does not switch to FerretDB, which would start empty. Fix what the ` +
        `reason says and start again (MongoDB is downloaded once into ~/.cache/mongodb-binaries), or set ` +
        `MONGODB_URI in .env to a MongoDB server you run (the data stays in ${mongoDir}).`,
    );
  }
  logger.info(
    { dbPath: ferretDir, reason: mongoFailure },
    "embedded MongoDB could not be started: running FerretDB (SQLite) instead, built with Go on first use (about a minute)",
  );
  try {
    return await runFerretDB(ferretDir);
  } catch (error) {
    if (!(error instanceof FerretDBUnavailableError)) throw error;
    throw new DatabaseUnavailableError(
      `The bot needs a database and could not start one. MONGODB_URI is not set, so it tried to run ` +
        `MongoDB itself, which failed (${mongoFailure}), and then FerretDB in its place, which failed too ` +
        `(${reason(error)}). ${WHAT_TO_DO} Or install Go (https://go.dev/dl/), with which the bot builds ` +
        `and runs FerretDB by itself.`,
    );
  }
}
