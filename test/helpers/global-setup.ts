import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

/**
 * Finds the database the tests run against: `MONGODB_URI` when it is set (any MongoDB, or FerretDB
 * as in CI), otherwise a MongoDB downloaded and started by mongodb-memory-server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = process.env.MONGODB_URI?.trim();
  if (fromEnv) {
    project.provide("mongodbUri", fromEnv);
    return async () => {};
  }
  const { MongoMemoryServer } = await import("mongodb-memory-server");
  const server = await MongoMemoryServer.create();
  project.provide("mongodbUri", server.getUri());
  return async () => {
    await server.stop();
  };
}
