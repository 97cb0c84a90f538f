import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { TestProject } from "vitest/node";

/** Folders vitest collects tests from (vitest.config.mts `include`). */
const TEST_ROOTS = ["app", "lib", "db", "inngest", "components", "scripts"];

function testFiles(root: string): string[] {
  return TEST_ROOTS.flatMap((dir) => {
    try {
      return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => /\.test\.tsx?$/.test(f) && !f.includes("node_modules"))
        .map((f) => path.join(root, dir, f));
    } catch {
      return [];
    }
  });
}

type TDatabaseUse = "postgres-only" | "database" | "none";

/** Whether a test file uses a database, judged by what it imports (not what it merely mentions). */
function databaseUse(text: string): TDatabaseUse {
  const imports = (name: string) =>
    new RegExp(`^import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from`, "m");
  if (imports("describeOnPostgres").test(text)) return "postgres-only";
  if (["useTestDb", "openDb", "createFreshDatabase"].some((n) => imports(n).test(text)))
    return "database";
  return "none";
}

/** Counts test files that use a database, and those that run only on PostgreSQL. */
export function countDatabaseTests(root: string): { database: number; postgresOnly: number } {
  let database = 0;
  let postgresOnly = 0;
  for (const file of testFiles(root)) {
    const use = databaseUse(readFileSync(file, "utf8"));
    if (use === "postgres-only") postgresOnly++;
    else if (use === "database") database++;
  }
  return { database, postgresOnly };
}

/**
 * The test files whose result can depend on the database, relative to `root`. CI's second pass,
 * on PostgreSQL, runs only these: the others (pure functions, components, the architecture tests)
 * gave their answer on the first pass and would give the same one again.
 */
export function databaseTestFiles(root: string): string[] {
  return testFiles(root)
    .filter((file) => databaseUse(readFileSync(file, "utf8")) !== "none")
    .map((file) => path.relative(root, file))
    .sort();
}

/** The one line a test run prints about its database. */
export function databaseLine(
  databaseUrl: string | undefined,
  counts: { database: number; postgresOnly: number },
): string {
  if (databaseUrl) {
    const { host, pathname } = new URL(databaseUrl);
    return `[db tests] ${counts.database + counts.postgresOnly} files on PostgreSQL at ${host} (each in a fresh database next to ${pathname.slice(1) || "postgres"}, dropped after)`;
  }
  const skipped =
    counts.postgresOnly > 0
      ? `PostgreSQL-only tests SKIPPED (${counts.postgresOnly} files)`
      : "no test needs PostgreSQL only";
  return `[db tests] ${counts.database} files on embedded PGlite (in memory); ${skipped}. Set DATABASE_URL=postgres://user@host:5432/db to run them on PostgreSQL.`;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's migrated template database on DATABASE_URL's server (postgres-template.ts). */
    postgresTemplate: string;
  }
}

/**
 * vitest globalSetup: prints the line, and stops at once if DATABASE_URL's server is unreachable.
 * With DATABASE_URL, names the run's template database (created by the first test file that needs
 * it, postgres-template.ts) and drops it when the run ends.
 */
export default async function reportTestDatabase(project: TestProject) {
  const url = process.env.DATABASE_URL;
  console.info(databaseLine(url, countDatabaseTests(process.cwd())));
  if (!url) return;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`DATABASE_URL is set but its server is unreachable: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const template = `waymark_template_${process.pid}_${Date.now().toString(36)}`;
  project.provide("postgresTemplate", template);
  return async () => {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${template} with (force)`);
    } finally {
      await admin.end();
    }
  };
}
