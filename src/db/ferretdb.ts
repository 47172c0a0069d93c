import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { connect, createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Builds and runs FerretDB; .ci/run uses the same script, so both run the same server. */
const SCRIPT = fileURLToPath(new URL("../../scripts/ferretdb.sh", import.meta.url));

const READY_TIMEOUT_MS = 30_000;

/** FerretDB could not be built or started; the message says why in a line. */
export class FerretDBUnavailableError extends Error {
  override name = "FerretDBUnavailableError";
}

/** A FerretDB this process started, and how to stop it. */
export interface RunningFerretDB {
  /** Connection string without a database name. */
  uri: string;
  stop(): Promise<void>;
}

function lastLines(text: string, count = 3): string {
  return text.split("\n").map((line) => line.trim()).filter((line) => line.length > 0).slice(-count).join(" ");
}

/** Collects what a child writes to stderr (the script's own messages and the Go build's output). */
function stderrOf(child: ChildProcess): () => string {
  let text = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    text = (text + chunk).slice(-4_000);
  });
  return () => text;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(null));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1")
      .once("connect", () => {
        socket.destroy();
        resolve(true);
      })
      .once("error", () => resolve(false));
  });
}

/**
 * Runs FerretDB with its SQLite files in `dir` on a free loopback port, building it with Go
 * first when it is not in the cache yet (about a minute, once). The server stops with `stop()`,
 * and by itself when this process is gone; a Ctrl-C in the terminal does not reach it, so that
 * the updates in progress can still finish.
 */
export async function startFerretDB(dir: string): Promise<RunningFerretDB> {
  // Built apart from serving, so that the wait for the port below does not include the build.
  const build = spawn("bash", [SCRIPT, "build"], { stdio: ["ignore", "ignore", "pipe"] });
  const buildErrors = stderrOf(build);
  const built = await exitOf(build);
  if (built !== 0) {
    throw new FerretDBUnavailableError(lastLines(buildErrors()) || `${SCRIPT} build failed (exit status ${built ?? "unknown"})`);
  }

  const port = await freePort();
  const child = spawn("bash", [SCRIPT, "serve", dir, String(port)], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  const serveErrors = stderrOf(child);
  let exited = false;
  const exit = exitOf(child).then((code) => {
    exited = true;
    return code;
  });
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => {
      // The whole group: the script and FerretDB under it.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await accepts(port))) {
    if (exited || Date.now() > deadline) {
      await stop();
      const log = await readFile(path.join(dir, "ferretdb.log"), "utf8").catch(() => "");
      throw new FerretDBUnavailableError(
        lastLines(serveErrors()) || lastLines(log) || `FerretDB did not start listening within ${READY_TIMEOUT_MS / 1000} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { uri: `mongodb://127.0.0.1:${port}/`, stop };
}
