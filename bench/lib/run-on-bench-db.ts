import { Client } from "pg";
import { openDb, setDbHandle, type DbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { createBenchDatabase } from "./bench-db";

/**
 * Runs a bench's `body` on a fresh, migrated PostgreSQL database installed as the app's, with a
 * raw `pg` client beside it for seeding and baselines; closes both and drops the database after,
 * and exits 1 on a failure.
 */
export function runOnBenchDb(
  prefix: string,
  body: (db: { handle: DbHandle; pg: Client }) => Promise<void>,
) {
  const run = async () => {
    const bench = await createBenchDatabase(prefix);
    const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
    const pg = new Client({ connectionString: bench.url });
    pg.on("error", () => undefined);
    try {
      await migrateDb(handle);
      setDbHandle(handle);
      await pg.connect();
      await body({ handle, pg });
    } finally {
      await pg.end().catch(() => undefined);
      await handle.close();
      await bench.drop();
    }
  };
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
