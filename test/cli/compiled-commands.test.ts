import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, realpath, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CustomerModel } from "../../src/db/models/customer.js";
import { InstanceModel } from "../../src/db/models/instance.js";
import { createFieldCrypto } from "../../src/services/field-crypto.js";
import { assertDataUnderKey } from "../../src/services/key-rotation.js";
import { updateProfileField } from "../../src/services/privacy.js";
import { seedDefaults } from "../../src/services/seed.js";
import { TEST_ENV } from "../helpers/bot.js";
import { useTestDatabase } from "../helpers/db.js";
import { at, bookFor } from "../helpers/fixtures.js";

/**
 * The maintenance commands as the Docker image runs them (Dockerfile): `npm run backup`,
 * `restore` and `rotate-key` in a folder holding only what the image holds — package.json,
 * locales, the compiled dist/ and the production dependencies (`npm ci --omit=dev`: every
 * package of the lockfile not marked dev) — with no tsx or other dev tool on the PATH. Docker
 * itself is not needed: the image is that folder plus Node.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const database = useTestDatabase({ cleanEach: false });
let app = "";
let work = "";

/** Runs a command in the image-like folder; its exit code and what it printed. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(command, args, {
    cwd: app,
    // Nothing of the test runner's environment: no node_modules/.bin on the PATH, no NODE_PATH.
    env: {
      PATH: [path.dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(path.delimiter),
      HOME: path.join(work, "home"),
      ...TEST_ENV,
      MONGODB_URI: database.uri(),
      DATA_DIR: path.join(work, "data"),
      BACKUP_DIR: path.join(work, "backups"),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ajb-image-"));
  app = path.join(work, "app");
  await mkdir(path.join(app, "node_modules"), { recursive: true });
  await copyFile(path.join(ROOT, "package.json"), path.join(app, "package.json"));
  await symlink(path.join(ROOT, "locales"), path.join(app, "locales"));
  // The production dependencies: top-level lockfile packages not marked dev (nor devOptional:
  // wanted only as an optional peer of a development tool, as typescript is now), linked from the
  // checkout's node_modules. Code in dist/ resolves packages from app/node_modules only.
  const lock = JSON.parse(await readFile(path.join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = key.slice("node_modules/".length);
    if (!key.startsWith("node_modules/") || name.includes("/node_modules/") || entry.dev || entry.devOptional) continue;
    const source = path.join(ROOT, "node_modules", name);
    if (!existsSync(source)) continue; // an optional package for another platform
    await mkdir(path.dirname(path.join(app, "node_modules", name)), { recursive: true });
    await symlink(await realpath(source), path.join(app, "node_modules", name));
  }
  expect(existsSync(path.join(app, "node_modules", "tsx"))).toBe(false);
  expect(existsSync(path.join(app, "node_modules", "typescript"))).toBe(false);
  // The build stage's `npm run build`, into the folder.
  const build = await new Promise<number | null>((resolve, reject) => {
    const tsc = spawn(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", path.join(app, "dist")], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    tsc.once("error", reject);
    tsc.once("close", resolve);
  });
  expect(build).toBe(0);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the Docker image's maintenance commands (npm run backup / restore / rotate-key)", () => {
  it("need no dev tool on the PATH", async () => {
    const which = await run("sh", ["-c", "command -v tsx || command -v tsc || echo none"]);
    expect(which.out.trim()).toBe("none");
  });

  it("back up, restore and rotate the key of a real database, from the compiled code only", { timeout: 120_000 }, async () => {
    const NOW = at("2026-11-30T08:00");
    await seedDefaults();
    await bookFor(9801, 60, at("2026-12-02T10:00"), NOW);
    await bookFor(9802, 30, at("2026-12-03T13:00"), NOW);
    await updateProfileField(9801, "phone", "+358401112223", { kind: "customer" }, new Date(NOW));
    const customers = async () => (await CustomerModel.find({}).sort({ telegramId: 1 }).lean()).map((c) => ({ ...c, _id: String(c._id) }));
    const backedUp = await customers();

    const backup = await run("npm", ["run", "backup"]);
    expect(backup.err).not.toMatch(/not found|Cannot find/);
    expect(backup.code).toBe(0);
    const file = /backup written: (\S+\.ajb)/.exec(backup.out)?.[1];
    expect(file && existsSync(file)).toBe(true);

    await CustomerModel.deleteOne({ telegramId: 9801 });
    await bookFor(9803, 60, at("2026-12-04T10:00"), NOW);
    // A running bot (a fresh heartbeat) stops a restore unless forced.
    await InstanceModel.create({ _id: "running", host: "elsewhere", pid: 1, startedAt: new Date(), at: new Date() });
    const refused = await run("npm", ["run", "restore", "--", file!]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/refusing to restore while the bot runs.*--force/s);
    expect(await CustomerModel.countDocuments({ telegramId: 9803 })).toBe(1);
    const restore = await run("npm", ["run", "restore", "--", file!, "--force"]);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toMatch(/restored \d+ documents/);
    expect(await customers()).toEqual(backedUp);
    await InstanceModel.deleteMany({});

    const newKey = randomBytes(32).toString("base64");
    const next = createFieldCrypto(Buffer.from(newKey, "base64"));
    const rotate = await run("npm", ["run", "rotate-key"], { NEW_ENCRYPTION_KEY: newKey });
    expect(rotate.code, rotate.err).toBe(0);
    expect(rotate.out).toContain(`NEW_ENCRYPTION_KEY has key id ${next.keyId}`);
    expect(rotate.out).toMatch(/re-encrypted 2 customers/);
    await assertDataUnderKey(next);
    const rotated = await CustomerModel.findOne({ phoneHash: next.lookupHash("+358401112223") }).lean();
    expect(next.decrypt(rotated!.email!)).toBe("a9801@example.com");
    const again = await run("npm", ["run", "rotate-key"], { NEW_ENCRYPTION_KEY: newKey });
    expect(again.out).toMatch(/re-encrypted 0 customers and 0 conversation states/);

    // The compiled bot, still given the old key, refuses to start and says what to run.
    const bot = await run("node", ["dist/main.js"]);
    expect(bot.code).toBe(1);
    expect(bot.err).toMatch(new RegExp(`key id ${next.keyId}.*npm run rotate-key`));
    expect(await mongoose.connection.db!.collection("instances").countDocuments({})).toBe(0);
  });
});
