/** How e2e tests start the production build: fixed secret, demo seeded, test hooks on. */
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

export function e2eServerEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: "production",
    // Production requires these; the suite runs on PGlite unless DATABASE_URL is set.
    APP_URL: E2E_BASE_URL,
    WAYMARK_ALLOW_PGLITE: "1",
    // The provider sinks listen on loopback, which outbound traffic may reach only when listed.
    WAYMARK_OUTBOUND_ALLOW: "127.0.0.1,::1",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: E2E_AUTH_SECRET,
    WAYMARK_SEED_DEMO: "1",
    WAYMARK_TEST_HOOKS: "1",
    WAYMARK_SIGNUP: "open",
    // Segment and date journey triggers are swept every few seconds rather than every minute.
    WAYMARK_TRIGGER_SWEEP_SECONDS: "3",
    ...extra,
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  return env;
}

/** A fresh embedded database per run; with DATABASE_URL the caller (.ci/run) provides a fresh one. */
export function e2eServerCommand(port: number, pgliteDir: string): string {
  return `rm -rf ${pgliteDir} && PGLITE_DIR=${pgliteDir} WAYMARK_INTERNAL_URL=http://127.0.0.1:${port} exec npx next start -H 127.0.0.1 -p ${port}`;
}
