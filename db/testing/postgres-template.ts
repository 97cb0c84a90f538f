import { Client } from "pg";
import { openDb } from "@/db";
import { migrateDb } from "@/db/migrate";

/**
 * The migrated database every test file's fresh PostgreSQL database is copied from (CREATE
 * DATABASE … TEMPLATE), instead of each file applying every migration again. Named per test run
 * by the global setup (report-test-database.ts), which drops it at the end; the first file to
 * need it creates and migrates it, holding an advisory lock so that files starting together wait
 * for that one rather than race. test-db.ts still runs migrateDb on each copy (it applies nothing).
 */
export async function ensurePostgresTemplate(serverUrl: string, template: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [template]);
    const found = await client.query("select 1 from pg_database where datname = $1", [template]);
    if (found.rowCount) return;
    await client.query(`create database ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const handle = openDb({ databaseUrl: url.toString(), pgliteDir: "memory://" });
    try {
      await migrateDb(handle);
    } finally {
      await handle.close();
    }
  } finally {
    await client.query("select pg_advisory_unlock(hashtext($1))", [template]).catch(() => null);
    await client.end();
  }
}
