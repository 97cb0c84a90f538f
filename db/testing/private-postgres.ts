import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = "/usr/lib/postgresql";

/** The newest PostgreSQL server binaries installed the Debian way, or null. */
export function postgresBinDir(): string | null {
  if (!existsSync(ROOT)) return null;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(ROOT, versions[0], "bin") : null;
}

/**
 * Why a private cluster cannot be started on this machine, or null when it can: it needs the
 * server binaries, root (to run them as another user) and the `postgres` user, because initdb and
 * the server refuse to run as root.
 */
export function privatePostgresUnavailable(): string | null {
  if (!postgresBinDir()) return `no PostgreSQL server binaries under ${ROOT}/<version>/bin`;
  if (process.getuid?.() !== 0) return "not root (initdb must run as the postgres user)";
  const users = existsSync("/etc/passwd") ? readFileSync("/etc/passwd", "utf8") : "";
  if (!/^postgres:/m.test(users)) return "no postgres user on this machine";
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type TPrivatePostgres = {
  /** A superuser URL for the `postgres` database over TCP on loopback. */
  url: string;
  /** `pg_ctl restart -m <mode>`: resolves once the server accepts connections again. */
  restart: (mode: "fast" | "immediate") => Promise<void>;
  /** Stops the server (immediately) and deletes its files. Safe to call twice. */
  destroy: () => Promise<void>;
  /** The server's log so far (for a failing test's message). */
  log: () => Promise<string>;
};

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory on a free port: a test may
 * restart or kill it without touching the server other test files share. initdb runs as the
 * `postgres` user (it refuses root), trusting local connections; the socket lives in the same
 * directory, so nothing is left in /var/run.
 */
export async function startPrivatePostgres(): Promise<TPrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`no PostgreSQL server binaries under ${ROOT}`);
  const dir = mkdtempSync(join(tmpdir(), "wm-pg-"));
  const data = join(dir, "data");
  const logFile = join(dir, "server.log");
  const { stdout: ids } = await run("id", ["-u", "postgres"]);
  const { stdout: gids } = await run("id", ["-g", "postgres"]);
  chownSync(dir, Number(ids.trim()), Number(gids.trim()));
  const asPostgres = (tool: string, args: string[]) =>
    run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { cwd: dir });

  let stopped = false;
  // A run killed before afterAll (a hook timeout, Ctrl-C) must not leave a server behind.
  const onExit = () => {
    try {
      execFileSync("runuser", [
        "-u",
        "postgres",
        "--",
        join(bin, "pg_ctl"),
        "-D",
        data,
        "-m",
        "immediate",
        "stop",
      ]);
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  const destroy = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", onExit);
    if (existsSync(join(data, "postmaster.pid")))
      await asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(
        () => undefined,
      );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await asPostgres("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    const port = await freePort();
    // The options are recorded in postmaster.opts, which `pg_ctl restart` reuses.
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c max_connections=50",
      "-c shared_buffers=32MB",
    ].join(" ");
    await asPostgres("pg_ctl", ["-D", data, "-l", logFile, "-o", options, "-w", "start"]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      restart: async (mode) => {
        await asPostgres("pg_ctl", ["-D", data, "-l", logFile, "-m", mode, "-w", "restart"]);
      },
      destroy,
      log: async () =>
        existsSync(logFile) ? (await run("tail", ["-n", "40", logFile])).stdout : "",
    };
  } catch (err) {
    await destroy();
    throw err;
  }
}
