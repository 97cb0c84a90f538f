import { sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, setDbHandle, type DbHandle } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { migrateDb } from "@/db/migrate";
import { makeTenant } from "@/db/testing/fixtures";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import {
  privatePostgresUnavailable,
  startPrivatePostgres,
  type TPrivatePostgres,
} from "@/db/testing/private-postgres";
import { databaseFailure } from "@/db/unavailable";
import { POST } from "./[call]/route";
import { callRoute } from "./v1-test-client";

/**
 * A real PostgreSQL restart in the middle of ingestion, not a proxy standing in for one: the test
 * runs a cluster of its own (initdb in a temporary directory, as the postgres user, on a free
 * port), migrates it, and four clients post batches to the real ingestion route with unique
 * messageIds, retrying a batch on 503 as the SDKs do. Part-way through, the server is restarted
 * with `pg_ctl restart -m fast` (backends told to stop: in-flight transactions roll back), and
 * later with `-m immediate` (the postmaster killed: crash recovery from WAL on start). Holds: the
 * outage is answered 503 database_unavailable, never a 500 or a hang; a refused batch was stored
 * whole or not at all; at the end every event is stored exactly once and none is lost (a batch
 * committed just before the restart whose answer was lost is not doubled by its retry).
 *
 * Runs in CI's PostgreSQL pass. It needs root (initdb refuses it, so the cluster runs as the
 * postgres user) and the server binaries: CI has both; elsewhere it says why with the line below.
 */
const CLIENTS = 4;
const BATCHES = 15; // per client
const EVENTS = 50;
const RESTARTS = [
  { afterAccepted: 12, mode: "fast" },
  { afterAccepted: 36, mode: "immediate" },
] as const;

const unavailable = privatePostgresUnavailable();
if (process.env.DATABASE_URL && unavailable)
  console.warn(
    `[postgres-restart test] SKIPPED: it restarts a private PostgreSQL cluster, which needs root, the postgres user and the server binaries: ${unavailable}`,
  );

describeOnPostgres("ingestion while PostgreSQL really restarts", () => {
  describe.runIf(!unavailable)("on a private cluster, restarted fast and then immediately", () => {
    let cluster: TPrivatePostgres | undefined;
    let handle: DbHandle | undefined;
    let tenant: Awaited<ReturnType<typeof makeTenant>>;
    /** The restarts queued so far, one after the other; settled when the server is up again. */
    let restarting: Promise<void> = Promise.resolve();

    beforeAll(async () => {
      cluster = await startPrivatePostgres();
      // A short connect timeout, as production configures one: a refused request answers fast.
      handle = openDb({
        databaseUrl: cluster.url,
        pgliteDir: "memory://",
        timeouts: { statementMs: 10_000, idleInTransactionMs: 10_000, connectMs: 1_000 },
      });
      await migrateDb(handle);
      setDbHandle(handle);
      tenant = await makeTenant("Restart");
    }, 120_000);
    afterAll(async () => {
      setDbHandle(undefined);
      // A pool still holding a connection would wait for it for ever: the cluster goes anyway.
      await Promise.race([
        handle?.close(),
        new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
      ]).catch(() => undefined);
      await cluster?.destroy();
    });

    /** A query of the test's own, retried while the pool still hands out a connection the restart ended. */
    async function query<T extends Record<string, unknown>>(q: ReturnType<typeof sql>) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await executeRows<T>(q, handle!.db);
        } catch (err) {
          if (attempt >= 5 || !databaseFailure(err)) throw err;
          await restarting;
        }
      }
    }
    /** When the postmaster started, over a connection of its own (not the pool the app uses). */
    const startedAt = async () => {
      const c = new Client({ connectionString: cluster!.url });
      await c.connect();
      try {
        return (await c.query<{ t: string }>("select pg_postmaster_start_time()::text as t"))
          .rows[0]!.t;
      } finally {
        await c.end();
      }
    };
    const storedOf = async (id: string) =>
      (
        await query<{ n: number }>(
          sql`select count(*)::int as n from events where workspace_id = ${tenant.workspace.id}
            and message_id like ${`${id}-%`}`,
        )
      )[0]!.n;

    it("answers 503 during each restart and stores every retried event exactly once", async () => {
      const answers: string[] = [];
      const refusedDuring = RESTARTS.map(() => 0);
      const halfWritten: string[] = [];
      const startTimes = [await startedAt()];
      let lostAnswers = 0;
      let accepted = 0;
      let restarts = 0;

      const restart = (r: (typeof RESTARTS)[number]) => {
        restarts++;
        // Not awaited by the client that triggered it: every client keeps posting, so requests
        // are in flight when the server goes down and others arrive while it is down.
        restarting = restarting.then(async () => {
          await cluster!.restart(r.mode);
          startTimes.push(await startedAt());
        });
      };

      const body = (id: string) => ({
        batch: Array.from({ length: EVENTS }, (_, i) => ({
          type: "track",
          userId: `u-${i % 7}`,
          event: "Restart Test",
          messageId: `${id}-${i}`,
          properties: { id, i },
        })),
      });

      async function send(id: string) {
        let refused = false;
        for (let attempt = 1; attempt <= 20; attempt++) {
          const t0 = Date.now();
          const res = await callRoute(POST, { call: "batch" }, { key: tenant.key, body: body(id) });
          answers.push(`${res.status}:${res.json?.error?.code ?? "ok"}`);
          expect(Date.now() - t0, "an answer, not a hang").toBeLessThan(15_000);
          if (res.status === 200) {
            // A retry of a batch committed before its answer was lost: all duplicates.
            expect(res.json?.accepted + res.json?.duplicates).toBe(EVENTS);
            if (refused && res.json?.duplicates === EVENTS) lostAnswers++;
            const n = ++accepted;
            for (const r of RESTARTS) if (r.afterAccepted === n) restart(r);
            return;
          }
          expect(res.status, JSON.stringify(res.json)).toBe(503);
          expect(res.json?.error?.code).toBe("database_unavailable");
          expect(restarts, "a refusal before any restart").toBeGreaterThan(0);
          refusedDuring[restarts - 1]!++;
          refused = true;
          await restarting;
          // Whole or nothing: a refused batch left no part of itself behind.
          const stored = await storedOf(id);
          if (stored !== 0 && stored !== EVENTS) halfWritten.push(`${id}: ${stored} rows`);
        }
        throw new Error(`batch ${id} was never accepted`);
      }

      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          for (let b = 0; b < BATCHES; b++) await send(`c${c}b${b}`);
        }),
      );
      await restarting;

      console.info(
        `[postgres-restart test] ${restarts} restarts (${RESTARTS.map((r) => r.mode).join(", ")}); refused per restart: ${refusedDuring.join(", ")}; answers lost after a commit: ${lostAnswers}\n  ${answers.join(" ")}`,
      );
      // Each restart was real (the postmaster started again) and was noticed by the clients.
      expect(new Set(startTimes).size, startTimes.join(" → ")).toBe(RESTARTS.length + 1);
      for (const [i, n] of refusedDuring.entries())
        expect(n, `no request was refused during the ${RESTARTS[i]!.mode} restart`).toBeGreaterThan(
          0,
        );
      expect(halfWritten).toEqual([]);
      // No connection was lost to the pool: a restart must not leave it smaller (db/release-dead-clients.ts).
      const { pool } = handle as Extract<DbHandle, { kind: "postgres" }>;
      expect(pool.totalCount - pool.idleCount, "connections still checked out").toBe(0);
      const [row] = await query<{ total: number; distinct: number }>(
        sql`select count(*)::int as total, count(distinct message_id)::int as distinct
          from events where workspace_id = ${tenant.workspace.id}`,
      );
      const all = CLIENTS * BATCHES * EVENTS;
      expect(row).toEqual({ total: all, distinct: all });
    });
  });
});
