import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDb, type DbHandle } from "@/db";
import { createFreshDatabase } from "@/db/testing/fresh-database";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import { databaseFailure } from "./unavailable";

// PGlite runs in-process and cannot interrupt a statement, so these limits exist only on a server.
describeOnPostgres("PostgreSQL timeouts on the pool", () => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL!, "waymark_test");
    drop = fresh.drop;
    handle = openDb({
      databaseUrl: fresh.url,
      pgliteDir: "memory://",
      timeouts: { statementMs: 300, idleInTransactionMs: 300, connectMs: 2000 },
    });
  });
  afterAll(async () => {
    await handle.close();
    await drop();
  });

  it("cancels a statement past statement_timeout, which routes answer as a timeout", async () => {
    const err = await handle.db.execute(sql`select pg_sleep(2)`).catch((e: unknown) => e);
    expect(databaseFailure(err)).toBe("timeout");
  });

  it("ends a transaction left idle past idle_in_transaction_session_timeout", async () => {
    const err = await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await new Promise((r) => setTimeout(r, 800));
        await tx.execute(sql`select 1`);
      })
      .catch((e: unknown) => e);
    expect(databaseFailure(err), String(err)).toBe("unavailable");
    // The pool goes on with a fresh connection.
    const again = (await handle.db.execute(sql`select 1 as one`)) as unknown as { rows: unknown[] };
    expect(again.rows).toEqual([{ one: 1 }]);
  });

  it("lets a preview lower the limit inside its own transaction", async () => {
    const rows = await handle.db.transaction(async (tx) => {
      await tx.execute(sql.raw("set local statement_timeout = 5000"));
      return tx.execute(sql`select current_setting('statement_timeout') as t`);
    });
    expect((rows as unknown as { rows: { t: string }[] }).rows[0]?.t).toBe("5s");
  });
});
