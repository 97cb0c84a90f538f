import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Starts the production build (building it first if missing) in its own process group. */
export async function startServer(port: number, env: Record<string, string>) {
  if (!existsSync(".next/BUILD_ID")) {
    console.info("[bench] no production build; running next build");
    const r = spawnSync("npx", ["next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (r.status !== 0) throw new Error("next build failed");
  }
  // BENCH_CPU_PROF_DIR: the server writes a V8 CPU profile there when it stops (node refuses
  // --cpu-prof in NODE_OPTIONS, so it is passed to the node that runs next).
  const profDir = process.env.BENCH_CPU_PROF_DIR;
  const [cmd, args] = profDir
    ? ["node", [`--cpu-prof`, `--cpu-prof-dir=${profDir}`, "node_modules/next/dist/bin/next"]]
    : ["npx", ["next"]];
  const child = spawn(cmd, [...args, "start", "-H", "127.0.0.1", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0001",
      WAYMARK_SEED_DEMO: "0",
      APP_URL: `http://127.0.0.1:${port}`,
      WAYMARK_ALLOW_PGLITE: "1",
      WAYMARK_OUTBOUND_ALLOW: "127.0.0.1,::1",
      ...env,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${base}/api/v1/openapi.json`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return { base, pgid: child.pid!, stop: () => process.kill(-child.pid!, "SIGTERM") };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  process.kill(-child.pid!, "SIGKILL");
  throw new Error("server did not start");
}
