import { Client } from "pg";
import { randomToken } from "@/lib/crypto/tokens";
import { openDb, setDbHandle, type DbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";

/**
 * A fresh, migrated database for one test file, installed as the app's database: an in-memory
 * PGlite by default, or a new database on the server at DATABASE_URL (dropped afterwards).
 */
export async function useTestDb(): Promise<{ handle: DbHandle; close: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = openDb({ pgliteDir: "memory://" });
    await migrateDb(handle);
    setDbHandle(handle);
    return { handle, close: async () => (setDbHandle(undefined), handle.close()) };
  }
  const name = `waymark_test_${randomToken(6).toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDb({ databaseUrl: url.toString(), pgliteDir: "memory://" });
  await migrateDb(handle);
  setDbHandle(handle);
  return {
    handle,
    close: async () => {
      setDbHandle(undefined);
      await handle.close();
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
