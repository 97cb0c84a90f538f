import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` }] },
  test: {
    environment: "node",
    include: ["{app,lib,db,inngest,components,scripts}/**/*.test.{ts,tsx}"],
    // Prints which database the tests run on (and what is skipped without PostgreSQL) in one line.
    globalSetup: ["./db/testing/report-test-database.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The provider sinks the tests start listen on loopback; outbound traffic reaches them only
    // because they are allow-listed (tests of the policy itself pass their own).
    env: { NODE_ENV: "test", WAYMARK_OUTBOUND_ALLOW: "127.0.0.1,::1" },
  },
});
