import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";
import { CONFIG_VARIABLES } from "../config.js";
import { BotApiStandIn, type DemoUser } from "./bot-api.js";
import { CUSTOMER_NAMES, DEMO_ENV, DEMO_TOKEN, PRACTITIONER } from "./sample.js";
import { createDemoServer } from "./server.js";

/**
 * `npm run demo`: the bot, unchanged and as its own process, against a local stand-in for the
 * Telegram Bot API, with a web page showing a customer's and the practitioner's chats side by
 * side. No token, no .env: the practice is fictional and the encryption key is public. The
 * database is the embedded one `npm start` uses (in DEMO_DIR, default data/demo), or, with
 * MONGODB_URI set, a database of its own on that server; either way emptied at every start.
 */

/** Marks a folder as the demo's own, so that a start never empties anything else. */
const MARKER = ".ajanvaraus-demo";

/** The server of `uri` with a database of the demo's own: the URI's name (or ajanvaraus) + `_demo`. */
function demoDatabaseUri(uri: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)\/?([^?]*)(\?.*)?$/.exec(uri.trim());
  if (!match) throw new Error("MONGODB_URI must start with mongodb:// or mongodb+srv://");
  return `${match[1]}/${match[2] || "ajanvaraus"}_demo${match[3] ?? ""}`;
}

/** Empties the demo's folder; refuses a folder that holds anything but an earlier demo. */
async function freshDemoDir(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => undefined);
  if (entries && entries.length > 0 && !entries.includes(MARKER)) {
    throw new Error(`${dir} is not empty and was not made by the demo; set DEMO_DIR to another folder`);
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, MARKER), "Made by `npm run demo`, which empties this folder at every start.\n");
}

/** A loopback port free now, for the bot's HTTP server. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function listen(server: ReturnType<typeof createDemoServer>, port: number, fallback: boolean): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    if (!fallback || (error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    return listen(server, 0, false);
  }
  return (server.address() as AddressInfo).port;
}

/**
 * This process's Node flags for the bot's (tsx's loader, when the demo runs from the sources),
 * with `--import` packages resolved from here: the bot runs in the demo's folder, where a bare
 * package name would not be found.
 */
function nodeFlags(): string[] {
  return process.execArgv.map((flag, i) => {
    const bare = process.execArgv[i - 1] === "--import" && !/^(\.|\/|file:)/.test(flag);
    return bare ? import.meta.resolve(flag) : flag;
  });
}

/** Opens the page in the desktop's browser, where there is a desktop and a person at the terminal. */
function openBrowser(url: string): void {
  if (process.env.DEMO_OPEN === "0" || process.env.CI || !process.stdout.isTTY) return;
  const command =
    process.platform === "darwin" ? ["open", url]
    : process.platform === "win32" ? ["cmd", "/c", "start", "", url]
    : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ["xdg-open", url]
    : undefined;
  if (!command) return;
  const child = spawn(command[0]!, command.slice(1), { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}

/** Bot log lines worth a line in the terminal (the rest go to the log file). */
const TOLD: Array<[RegExp, string]> = [
  [/^starting embedded MongoDB/, "Starting the embedded MongoDB (the first start downloads it, about 100 MB)…"],
  [/^embedded MongoDB could not be started/, "MongoDB could not be started here: using FerretDB instead (built with Go on first use, about a minute)…"],
  [/^database connected/, "Database ready."],
];

function relay(line: string): void {
  let entry: { level?: number; msg?: string };
  try {
    entry = JSON.parse(line) as { level?: number; msg?: string };
  } catch {
    return;
  }
  const msg = entry.msg ?? "";
  const told = TOLD.find(([pattern]) => pattern.test(msg));
  if (told) console.log(told[1]);
  else if ((entry.level ?? 0) >= 40) console.log(`bot ${(entry.level ?? 0) >= 50 ? "error" : "warning"}: ${msg}`);
}

async function main(): Promise<void> {
  const demoDir = path.resolve(process.env.DEMO_DIR || "data/demo");
  const externalUri = process.env.MONGODB_URI?.trim() ? demoDatabaseUri(process.env.MONGODB_URI) : undefined;
  // The bot's HTTP server serves the Mini App on a free loopback port; the page opens it in a panel
  // with launch data signed by the demo token (WEBAPP_URL given: that address instead).
  const botHttpPort = await freePort();
  const webAppUrl = process.env.WEBAPP_URL?.trim() || `http://127.0.0.1:${botHttpPort}/app/`;
  await freshDemoDir(demoDir);
  if (externalUri) {
    const connection = await mongoose.createConnection(externalUri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
    await connection.dropDatabase();
    await connection.close();
  }

  const standIn = new BotApiStandIn({ token: DEMO_TOKEN, firstName: "Ajanvaraus (demo)", username: "ajanvaraus_demo_bot" });
  standIn.addUser({ ...PRACTITIONER, started: true });
  let customers = 0;
  const addCustomer = (languageCode: string): DemoUser => {
    const [firstName, lastName] = CUSTOMER_NAMES[customers] ?? ["Asiakas", String(customers + 1)];
    customers++;
    return standIn.addUser({ id: 2000 + customers, firstName, lastName, languageCode });
  };
  addCustomer("fi");
  const server = createDemoServer({
    standIn,
    practitionerIds: [PRACTITIONER.id],
    addCustomer,
    webAppUrl,
    notice: `Demo: a fictional practice, a local stand-in for Telegram; nothing leaves this computer.`,
  });
  const requestedPort = process.env.DEMO_PORT ? Number(process.env.DEMO_PORT) : 8099;
  const port = await listen(server, requestedPort, !process.env.DEMO_PORT);
  const pageUrl = `http://127.0.0.1:${port}`;

  // The bot's own environment: the shell's bot settings removed (no .env is read either: the bot
  // runs in the demo's folder), the demo's put in.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CONFIG_VARIABLES) delete env[name];
  Object.assign(env, DEMO_ENV, {
    BOT_API_ROOT: pageUrl,
    DATA_DIR: demoDir,
    ...(externalUri ? { MONGODB_URI: externalUri } : {}),
    WEBAPP_URL: webAppUrl,
    HTTP_PORT: String(botHttpPort),
    HOST: "127.0.0.1",
  });
  const here = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(here), "..", here.endsWith(".ts") ? "main.ts" : "main.js");
  const logFile = path.join(demoDir, "bot.log");
  const log = createWriteStream(logFile);
  const bot: ChildProcess = spawn(process.execPath, [...nodeFlags(), entry], {
    cwd: demoDir,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    // Its own process group: a Ctrl-C reaches the demo, which then stops the bot once, gracefully.
    detached: true,
  });
  bot.stdout!.pipe(log);
  createInterface({ input: bot.stdout! }).on("line", relay);

  console.log(`Ajanvarausbotti demo: a fictional practice on a local stand-in for Telegram. Nothing is sent anywhere.`);
  console.log(`Database: ${externalUri ? `${externalUri.replace(/\/\/[^@/]*@/, "//…@")} (emptied at every start)` : `embedded, in ${demoDir} (emptied at every start)`}`);
  console.log(`Bot log: ${logFile}`);
  console.log(`\n  Open ${pageUrl}\n`);
  console.log("Ctrl-C stops everything. Waiting for the bot to start…");
  openBrowser(pageUrl);
  standIn.subscribe((event) => {
    if (event.type === "polling") console.log(`The bot is running: ${pageUrl}`);
    if (event.type === "refused" && event.errorCode !== 409) {
      console.log(`Bot API stand-in refused ${event.method}: ${event.errorCode} ${event.description}`);
    }
  });

  let stopping = false;
  const botExited = new Promise<number | null>((resolve) => bot.once("exit", (code) => resolve(code)));
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("Stopping the bot…");
    if (bot.exitCode === null && bot.signalCode === null) bot.kill("SIGTERM");
    const force = setTimeout(() => bot.kill("SIGKILL"), 20_000);
    await botExited;
    clearTimeout(force);
    await closeServer();
    console.log("Demo stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  process.on("exit", () => {
    if (bot.exitCode === null && bot.signalCode === null) bot.kill("SIGKILL");
  });
  void botExited.then(async (code) => {
    if (stopping) return;
    console.error(`The bot stopped by itself (exit code ${code ?? "none"}); its log is ${logFile}.`);
    await closeServer();
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error("The demo could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
