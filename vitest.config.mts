import { availableParallelism } from "node:os";
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
    // One test file per core. vitest's default leaves a core to itself (cores - 1: one worker on
    // a 2-core CI machine), but the runner is idle while files run, and many files spend their
    // time waiting on a database, a sink or a timer rather than computing.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The provider sinks the tests start listen on loopback; outbound traffic reaches them only
    // because they are allow-listed (tests of the policy itself pass their own).
    env: {
      NODE_ENV: "test",
      WAYMARK_OUTBOUND_ALLOW: "127.0.0.1,::1",
      // SNS signing certificates the feedback tests make are served on loopback.
      WAYMARK_TEST_SNS_CERT_HOST: "127.0.0.1",
    },
  },
});
