import { Client, Pool } from "pg";
import { afterEach, expect, it } from "vitest";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import { releaseDeadClients } from "./release-dead-clients";

let pool: Pool | undefined;
afterEach(async () => {
  await pool?.end();
});

describeOnPostgres("a checked-out connection the server closes", () => {
  it("is given back to the pool even if its holder never releases it", async () => {
    pool = new Pool({
      connectionString: process.env.DATABASE_URL,
      max: 1,
      connectionTimeoutMillis: 2_000,
    });
    pool.on("error", () => undefined);
    releaseDeadClients(pool);
    // Held and never released, as drizzle does when `begin` fails on a closed connection.
    const held = await pool.connect();
    held.on("error", () => undefined);
    const pid = (await held.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const ended = new Promise((resolve) => held.once("end", resolve));
    await admin.query("select pg_terminate_backend($1)", [pid]);
    await admin.end();
    await ended;

    // The pool's one connection is free again: a new query gets a fresh one instead of timing out.
    expect((await pool.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
    expect(pool.totalCount - pool.idleCount).toBe(0);
    // The holder's own release, when it comes at last, is harmless.
    expect(() => held.release()).not.toThrow();
  });
});
