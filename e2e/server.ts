import { readFileSync } from "node:fs";
import path from "node:path";
import { readImageRuntime } from "../lib/deploy/read-dockerfile";

/**
 * How e2e tests start the production build: the standalone server the image ships, run with the
 * image's command and environment (read from the Dockerfile), plus a fixed secret, the demo seeded
 * and test hooks on.
 */
/** Overridable so two checkouts can run their suites side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/**
 * The restart tests run servers of their own. Far from E2E_PORT (not +1, +2), so checkouts whose
 * E2E_PORTs are neighbours can run their suites side by side without sharing a port.
 */
export const E2E_RESTART_PORT = E2E_PORT + 100;
export const E2E_FAULT_PORT = E2E_PORT + 200;
export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";

// Playwright runs from the checkout's root (the specs' relative paths assume it too).
const root = process.cwd();
export const IMAGE = readImageRuntime(readFileSync(path.join(root, "Dockerfile"), "utf8"));

export function e2eServerEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    ...IMAGE.env,
    // Production requires these; the suite runs on PGlite unless DATABASE_URL is set.
    APP_URL: E2E_BASE_URL,
    WAYMARK_ALLOW_PGLITE: "1",
    // The provider sinks listen on loopback, which outbound traffic may reach only when listed.
    WAYMARK_OUTBOUND_ALLOW: "127.0.0.1,::1",
    NEXT_TELEMETRY_DISABLED: "1",
    // The image listens on every interface; tests only on loopback.
    HOSTNAME: "127.0.0.1",
    AUTH_SECRET: E2E_AUTH_SECRET,
    WAYMARK_SEED_DEMO: "1",
    WAYMARK_TEST_HOOKS: "1",
    WAYMARK_SIGNUP: "open",
    // Segment and date journey triggers are swept every few seconds rather than every minute.
    WAYMARK_TRIGGER_SWEEP_SECONDS: "3",
    // The demo admin runs this instance (Settings → System, metrics by session).
    WAYMARK_OPERATOR_EMAILS: "admin@demo.waymark.dev",
    ...extra,
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  return env;
}

/**
 * A fresh embedded database per run; with DATABASE_URL the caller (.ci/run) provides a fresh one.
 * The server runs from .next/standalone (as in the image's WORKDIR), so paths are absolute.
 */
export function e2eServerCommand(port: number, pgliteDir: string): string {
  const standalone = path.join(root, ".next/standalone");
  const cmd = IMAGE.cmd.map((a) => `'${a}'`).join(" ");
  return (
    `rm -rf ${pgliteDir} && node ${path.join(root, "scripts/standalone/assemble.mjs")} && ` +
    `cd ${standalone} && PORT=${port} PGLITE_DIR=${path.resolve(root, pgliteDir)} ` +
    `WAYMARK_INTERNAL_URL=http://127.0.0.1:${port} exec ${cmd}`
  );
}
