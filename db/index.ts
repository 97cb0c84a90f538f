import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { env } from "@/lib/env";
import { releaseDeadClients } from "./release-dead-clients";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything a query can run on: the pool or an open transaction. */
export type Executor = Db | Tx;

export type DbHandle =
  | { kind: "pglite"; db: Db; client: PGlite; close: () => Promise<void> }
  | { kind: "postgres"; db: Db; pool: Pool; url: string; close: () => Promise<void> };

export type TDbTimeouts = { statementMs: number; idleInTransactionMs: number; connectMs: number };

export function openDb(opts: {
  databaseUrl?: string;
  pgliteDir: string;
  timeouts?: TDbTimeouts;
}): DbHandle {
  if (opts.databaseUrl) {
    const t = opts.timeouts ?? envTimeouts();
    // The two server-side limits travel as startup parameters, so every connection has them from
    // its first query; a transaction may still lower one with SET LOCAL (previews do).
    const pool = new Pool({
      connectionString: opts.databaseUrl,
      max: env.WAYMARK_DB_POOL_MAX,
      connectionTimeoutMillis: t.connectMs,
      statement_timeout: t.statementMs,
      idle_in_transaction_session_timeout: t.idleInTransactionMs,
    });
    // An idle connection the server closes (restart, failover) must not crash the process; the
    // pool replaces it on next use.
    pool.on("error", (err) =>
      console.error("[waymark] idle database connection lost:", err.message),
    );
    // A connection the server ends while it is checked out (idle_in_transaction_session_timeout,
    // a restart) emits "error" on the client itself; unheard, that would crash the process. The
    // transaction using it fails on its next query, which is where it is handled.
    pool.on("connect", (client) =>
      client.on("error", (err) =>
        console.error("[waymark] database connection ended:", err.message),
      ),
    );
    releaseDeadClients(pool);
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { kind: "postgres", db, pool, url: opts.databaseUrl, close: () => pool.end() };
  }
  const dir = opts.pgliteDir;
  if (!dir.startsWith("memory://")) mkdirSync(path.resolve(dir), { recursive: true });
  const client = new PGlite(dir.startsWith("memory://") ? undefined : path.resolve(dir));
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return { kind: "pglite", db, client, close: () => client.close() };
}

function envTimeouts(): TDbTimeouts {
  return {
    statementMs: env.WAYMARK_DB_STATEMENT_TIMEOUT_MS,
    idleInTransactionMs: env.WAYMARK_DB_IDLE_TX_TIMEOUT_MS,
    connectMs: env.WAYMARK_DB_CONNECT_TIMEOUT_MS,
  };
}

// Next.js compiles instrumentation, route handlers and pages into separate module graphs in one
// process; a single embedded database must be shared through globalThis, never opened twice.
const KEY = Symbol.for("waymark.db");
type Holder = { [KEY]?: DbHandle };

export function dbHandle(): DbHandle {
  const holder = globalThis as Holder;
  holder[KEY] ??= openDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  return holder[KEY];
}

export function db(): Db {
  return dbHandle().db;
}

/** Tests install their own database (a fresh in-memory PGlite or a fresh PostgreSQL database). */
export function setDbHandle(handle: DbHandle | undefined): void {
  (globalThis as Holder)[KEY] = handle;
}

export { schema };
