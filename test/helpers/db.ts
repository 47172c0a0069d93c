import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { ensureIndexes } from "../../src/db/connect.js";

/**
 * Gives the calling test file a database of its own on the test server, with every index in
 * place, emptied before each test and dropped afterwards.
 */
export function useTestDatabase(options: { cleanEach?: boolean } = {}): { uri: () => string } {
  const name = `t_${randomBytes(6).toString("hex")}`;
  let uri = "";
  beforeAll(async () => {
    const base = new URL(inject("mongodbUri"));
    base.pathname = `/${name}`;
    uri = base.toString();
    await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
    await ensureIndexes();
  });
  if (options.cleanEach !== false) {
    beforeEach(async () => {
      const collections = await mongoose.connection.db!.collections();
      await Promise.all(collections.map((c) => c.deleteMany({})));
    });
  }
  afterAll(async () => {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  });
  return { uri: () => uri };
}
