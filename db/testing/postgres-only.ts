import { describe } from "vitest";

/**
 * A block of tests that means something only on a real PostgreSQL server (several connections
 * racing, server-only features). Skipped when DATABASE_URL is unset — never silently: the vitest
 * global setup (`report-test-database.ts`) counts the files that use this and says so in one line.
 * Tests that run on either database use `useTestDb()` instead and need nothing from this.
 */
export const describeOnPostgres = describe.skipIf(!process.env.DATABASE_URL);
