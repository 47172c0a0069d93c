import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../src/db/connect.js";
import { DatabaseUnavailableError } from "../src/db/embedded.js";
import { AccessLogModel } from "../src/db/models/technical.js";
import { createLogger } from "../src/logger.js";
import { LogCapture, TEST_ENV } from "./helpers/bot.js";

// mongodb-memory-server is made to fail at once, network or not: the MongoDB it is told to use
// does not exist.
const NO_MONGODB = { MONGOMS_SYSTEM_BINARY: "/nonexistent/mongod" };

const cachedFerretDB = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "ajanvarausbotti", "ferretdb-v1.24.2");
const goInstalled = (() => {
  try {
    execFileSync("go", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let scratch = "";
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "ajanvaraus-embedded-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const saved = new Map<string, string | undefined>();
function setEnv(values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    if (!saved.has(name)) saved.set(name, process.env[name]);
    process.env[name] = value;
  }
}
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  saved.clear();
});

function messages(logs: LogCapture): string[] {
  return logs.lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
}

function accepts(uri: string): Promise<boolean> {
  const { hostname, port } = new URL(uri);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
      .once("connect", () => {
        socket.destroy();
        resolve(true);
      })
      .once("error", () => resolve(false));
  });
}

describe("embedded database without MONGODB_URI (O3)", () => {
  it.skipIf(!existsSync(cachedFerretDB) && !goInstalled)(
    "where MongoDB cannot be downloaded, FerretDB runs in its place with the data in DATA_DIR/ferretdb, kept across starts and stopped on close",
    async () => {
      const dataDir = path.join(scratch, "ferret");
      setEnv(NO_MONGODB);
      const logs = new LogCapture();
      const first = await connectDatabase(undefined, dataDir, createLogger("info", logs));
      expect(first.embedded).toBe("ferretdb");
      expect(messages(logs).filter((m) => m.includes("running FerretDB"))).toHaveLength(1);
      const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
      expect(info.ferretdbVersion).toBe("v1.24.2");
      await AccessLogModel.create({ ip: "192.0.2.1", path: "/probe", status: 200, at: new Date() });
      await first.close();
      expect(await accepts(first.uri)).toBe(false);
      expect((await readdir(path.join(dataDir, "ferretdb"))).some((name) => name.endsWith(".sqlite"))).toBe(true);

      // The second start goes to FerretDB at once, even where MongoDB could now be downloaded:
      // MongoDB would start empty.
      delete process.env.MONGOMS_SYSTEM_BINARY;
      const again = new LogCapture();
      const second = await connectDatabase(undefined, dataDir, createLogger("info", again));
      try {
        expect(second.embedded).toBe("ferretdb");
        expect(messages(again)).not.toContain("starting embedded MongoDB");
        expect(messages(again).some((m) => m.includes("FerretDB"))).toBe(true);
        expect((await AccessLogModel.find().lean()).map((e) => e.path)).toEqual(["/probe"]);
      } finally {
        await second.close();
      }
    },
    300_000, // the first build of FerretDB, where it is not cached yet
  );

  it("does not start an empty FerretDB over the data of an earlier embedded MongoDB that fails to start now", async () => {
    const dataDir = path.join(scratch, "mongo-before");
    await mkdir(path.join(dataDir, "mongodb"), { recursive: true });
    await writeFile(path.join(dataDir, "mongodb", "WiredTiger"), "WiredTiger\n");
    setEnv(NO_MONGODB);
    const attempt = connectDatabase(undefined, dataDir, createLogger("silent"));
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(/does not switch to FerretDB.*MONGODB_URI/);
    expect(existsSync(path.join(dataDir, "ferretdb"))).toBe(false);
  });

  it("with neither MongoDB nor Go, `npm start` says in one paragraph what happened and what to do, with no stack trace", async () => {
    // A machine without Go and without a FerretDB built earlier: a PATH with bash only, an empty home.
    const home = path.join(scratch, "home");
    const bin = path.join(scratch, "bin");
    await mkdir(home, { recursive: true });
    await mkdir(bin, { recursive: true });
    await symlink(execFileSync("bash", ["-c", "command -v bash"], { encoding: "utf8" }).trim(), path.join(bin, "bash"));
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...TEST_ENV, ...NO_MONGODB, PATH: bin, HOME: home, DATA_DIR: path.join(scratch, "nothing"), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(69);
    expect(output).toMatch(/^The bot needs a database and could not start one\./);
    expect(output).toContain("/nonexistent/mongod"); // why MongoDB did not start
    expect(output).toContain("no `go` is on PATH");
    expect(output).toContain("set MONGODB_URI in .env");
    expect(output).toContain("docker compose up -d");
    expect(output.trim().split("\n")).toHaveLength(1);
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);
});
