import { openDb, setDbHandle, type DbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { inject } from "vitest";
import { createFreshDatabase } from "./fresh-database";
import { migratedPglite } from "./pglite-template";
import { ensurePostgresTemplate } from "./postgres-template";

/**
 * A fresh, migrated database for one test file, installed as the app's database: an in-memory
 * PGlite by default, or a new database on the server at DATABASE_URL (dropped afterwards). Both
 * start as a copy of an already migrated database (pglite-template.ts, postgres-template.ts)
 * rather than migrating from nothing in every file; migrateDb still runs and applies nothing.
 */
export async function useTestDb(): Promise<{
  handle: DbHandle;
  /** The fresh server database's URL (for another process to open), or null on PGlite. */
  url: string | null;
  close: () => Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  const template = serverUrl ? inject("postgresTemplate") : undefined;
  if (serverUrl && template) await ensurePostgresTemplate(serverUrl, template);
  const fresh = serverUrl
    ? await createFreshDatabase(serverUrl, "waymark_test", { template })
    : null;
  let handle: DbHandle;
  if (fresh) {
    handle = openDb({ databaseUrl: fresh.url, pgliteDir: "memory://" });
    await migrateDb(handle);
  } else handle = await migratedPglite();
  setDbHandle(handle);
  return {
    handle,
    url: fresh?.url ?? null,
    close: async () => {
      setDbHandle(undefined);
      await handle.close();
      await fresh?.drop();
    },
  };
}
