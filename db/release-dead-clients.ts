import type { Pool, PoolClient } from "pg";

/**
 * Gives back to the pool every checked-out connection the server closes, so none is lost to it.
 *
 * drizzle-orm's node-postgres `transaction()` (0.45) sends `begin` before its try/finally: when
 * the server has just closed the connection it checked out (a PostgreSQL restart, failover, an
 * admin's pg_terminate_backend), `begin` throws and the connection is never released. The pool
 * counts it as busy for ever; a few restarts use up `WAYMARK_DB_POOL_MAX` and every request then
 * waits for a free connection until the connect timeout, answering 503 long after the server is
 * back (found by app/api/v1/ingest-postgres-restart.test.ts). A closed connection is of no use to
 * anyone, so it is released here, with its error, which makes the pool drop it; the holder's own
 * release, if it comes, does nothing. Upstream: drizzle-team/drizzle-orm#6023 and #6241, open;
 * drop this once a release moves `begin` inside the `try`.
 */
export function releaseDeadClients(pool: Pool): void {
  const out = new Set<PoolClient>();
  pool.on("acquire", (client) => out.add(client));
  pool.on("release", (_err, client) => out.delete(client));
  pool.on("connect", (client) =>
    client.once("end", () => {
      if (!out.has(client)) return;
      const release = client.release;
      let released = false;
      client.release = () => {
        if (released) return;
        released = true;
        release.call(client, new Error("the database closed this connection"));
      };
      client.release();
    }),
  );
}
