import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "../../src/db/embedded.js";
import { createLogger } from "../../src/logger.js";

declare module "vitest" {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

/**
 * Finds the database the tests run against: `MONGODB_URI` when it is set (any MongoDB, or FerretDB
 * as in CI), otherwise the bot's own embedded default in a temporary folder — MongoDB through
 * mongodb-memory-server, or FerretDB built with Go where MongoDB cannot be downloaded — so that
 * `npm test` works on a fresh machine as `npm start` does.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = process.env.MONGODB_URI?.trim();
  if (fromEnv) {
    project.provide("mongodbUri", fromEnv);
    return async () => {};
  }
  const dir = await mkdtemp(path.join(tmpdir(), "ajanvaraus-test-"));
  const database = await startEmbeddedDatabase(dir, createLogger("warn"));
  console.log(`tests use an embedded ${database.engine === "ferretdb" ? "FerretDB" : "MongoDB"} (no MONGODB_URI)`);
  project.provide("mongodbUri", database.uri);
  return async () => {
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
