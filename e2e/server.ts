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

/**
 * The suite runs on E2E_SERVERS independent servers at once, each with its own fresh database and
 * demo workspace, and one Playwright worker per server (worker n talks only to server n), so a
 * spec sees one server doing one test at a time, as with a single worker. Server n listens on
 * E2E_PORT + 1000 n (far from E2E_PORT, so checkouts whose E2E_PORTs are neighbours do not share
 * ports). See playwright.config.ts.
 */
export const E2E_SERVERS = Math.max(1, Number(process.env.E2E_SERVERS ?? 2));
const SERVER_PORT_STEP = 1000;

/**
 * Which server this process talks to: Playwright numbers its worker processes 0…workers-1 in
 * TEST_PARALLEL_INDEX (a restarted worker keeps its number); the runner itself has none (server 0).
 */
export const E2E_SERVER_INDEX = Number(process.env.TEST_PARALLEL_INDEX ?? 0) % E2E_SERVERS;

export const serverPort = (index: number) => E2E_PORT + SERVER_PORT_STEP * index;
export const serverBaseUrl = (index: number) => `http://127.0.0.1:${serverPort(index)}`;
/** This worker's server. */
export const E2E_BASE_URL = serverBaseUrl(E2E_SERVER_INDEX);

/**
 * The restart tests run servers of their own. Far from the worker's server port (not +1, +2), so
 * checkouts whose E2E_PORTs are neighbours can run their suites side by side without sharing a port.
 */
export const E2E_RESTART_PORT = serverPort(E2E_SERVER_INDEX) + 100;
export const E2E_FAULT_PORT = serverPort(E2E_SERVER_INDEX) + 200;

/**
 * Server n's database with DATABASE_URL set: server 0 uses DATABASE_URL itself (fresh and empty,
 * created by the caller); server n > 0 a database named after it with `_s<n>`, which the server's
 * command drops and creates (e2e/fresh-database.mjs).
 */
export function serverDatabaseUrl(index: number): string | undefined {
  const base = process.env.DATABASE_URL;
  if (!base || index === 0) return base;
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/^\//, "") || "postgres"}_s${index}`;
  return url.toString();
}
export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";

// Playwright runs from the checkout's root (the specs' relative paths assume it too).
const root = process.cwd();
export const IMAGE = readImageRuntime(readFileSync(path.join(root, "Dockerfile"), "utf8"));

/** The environment of a server started for this worker's server (index), or for server `index`. */
export function e2eServerEnv(
  extra: Record<string, string> = {},
  index = E2E_SERVER_INDEX,
): Record<string, string> {
  const env: Record<string, string> = {
    ...IMAGE.env,
    // Production requires these; the suite runs on PGlite unless DATABASE_URL is set.
    APP_URL: serverBaseUrl(index),
    WAYMARK_ALLOW_PGLITE: "1",
    // The provider sinks listen on loopback, which outbound traffic may reach only when listed.
    WAYMARK_OUTBOUND_ALLOW: "127.0.0.1,::1",
    NEXT_TELEMETRY_DISABLED: "1",
    // The image listens on every interface; tests only on loopback.
    HOSTNAME: "127.0.0.1",
    AUTH_SECRET: E2E_AUTH_SECRET,
    WAYMARK_SEED_DEMO: "1",
    // The specs sign in with the README's demo password and keys (production would derive them).
    WAYMARK_DEMO_CREDENTIALS: "fixed",
    WAYMARK_TEST_HOOKS: "1",
    WAYMARK_SIGNUP: "open",
    // Segment and date journey triggers are swept every few seconds rather than every minute.
    WAYMARK_TRIGGER_SWEEP_SECONDS: "3",
    // The demo admin runs this instance (Settings → System, metrics by session).
    WAYMARK_OPERATOR_EMAILS: "admin@demo.waymark.dev",
    // The suppression spec serves the SNS signing certificate it made on loopback.
    WAYMARK_TEST_SNS_CERT_HOST: "127.0.0.1",
    ...extra,
  };
  const databaseUrl = serverDatabaseUrl(index);
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
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

/**
 * Playwright's one web server command: assembles the standalone build once, then starts the
 * E2E_SERVERS servers side by side (each on a fresh database of its own: PGlite under
 * .data/e2e/pglite-<n>, or serverDatabaseUrl(n)), and waits on them. Playwright waits for server
 * 0; auth.setup.ts waits for every server before signing in on each.
 */
export function e2eServersCommand(): string {
  const assemble = `node ${path.join(root, "scripts/standalone/assemble.mjs")}`;
  const servers = Array.from({ length: E2E_SERVERS }, (_, i) => {
    const env = e2eServerEnv({}, i);
    const own = [`APP_URL='${env.APP_URL}'`];
    if (env.DATABASE_URL) own.push(`DATABASE_URL='${env.DATABASE_URL}'`);
    const fresh =
      i > 0 && env.DATABASE_URL
        ? `node ${path.join(root, "e2e/fresh-database.mjs")} '${env.DATABASE_URL}' && `
        : "";
    const start = e2eServerCommand(serverPort(i), `.data/e2e/pglite-${i}`).replace(
      /node \S+assemble\.mjs && /,
      "",
    );
    return `(${fresh}export ${own.join(" ")} && ${start}) &`;
  });
  return `${assemble} && { ${servers.join(" ")} wait; }`;
}
