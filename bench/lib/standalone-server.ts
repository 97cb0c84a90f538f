import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * Starts what the image ships — `.next/standalone/server.js`, assembled — in its own process
 * group, on real PostgreSQL. `cpuProfileDir` runs it under `--cpu-prof`: Node writes the profile
 * there when the server exits (stop() sends SIGTERM and waits for it).
 */
export async function startStandalone(
  port: number,
  env: Record<string, string>,
  opts: { cpuProfileDir?: string } = {},
) {
  const root = process.cwd();
  if (!existsSync(path.join(root, ".next/standalone/server.js")))
    throw new Error("no standalone build: run `npx next build` first");
  const assemble = spawn(process.execPath, [path.join(root, "scripts/standalone/assemble.mjs")], {
    stdio: "inherit",
  });
  await new Promise((r) => assemble.on("exit", r));
  const args: string[] = [];
  if (opts.cpuProfileDir) {
    mkdirSync(opts.cpuProfileDir, { recursive: true });
    args.push("--cpu-prof", `--cpu-prof-dir=${path.resolve(opts.cpuProfileDir)}`);
  }
  const child = spawn(process.execPath, [...args, "server.js"], {
    cwd: path.join(root, ".next/standalone"),
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      WAYMARK_INTERNAL_URL: `http://127.0.0.1:${port}`,
      WAYMARK_SEED_DEMO: "0",
      WAYMARK_OUTBOUND_ALLOW: "127.0.0.1,::1",
      ...env,
    },
  });
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  };
  for (let i = 0; i < 480; i++) {
    const up = await fetch(`${base}/api/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, pid: child.pid!, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  process.kill(-child.pid!, "SIGKILL");
  throw new Error("server did not start");
}

/** The newest .cpuprofile in a folder. */
export function newestMainThreadProfile(dir: string): string | null {
  if (!existsSync(dir)) return null;
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the server's main thread, where
  // pages and routes run; the others are the preview workers, idle most of the time.
  const files = readdirSync(dir).filter((f) => /\.0\.\d+\.cpuprofile$/.test(f));
  return files.length ? path.join(dir, files.sort().at(-1)!) : null;
}
