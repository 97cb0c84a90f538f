import { openDb, setDbHandle, type DbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { createFreshDatabase } from "./fresh-database";

/**
 * A fresh, migrated database for one test file, installed as the app's database: an in-memory
 * PGlite by default, or a new database on the server at DATABASE_URL (dropped afterwards).
 */
export async function useTestDb(): Promise<{
  handle: DbHandle;
  /** The fresh server database's URL (for another process to open), or null on PGlite. */
  url: string | null;
  close: () => Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  const fresh = serverUrl ? await createFreshDatabase(serverUrl, "waymark_test") : null;
  const handle = openDb({ databaseUrl: fresh?.url, pgliteDir: "memory://" });
  await migrateDb(handle);
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
