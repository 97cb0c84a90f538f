import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDb, setDbHandle, type DbHandle } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { startCuttableProxy } from "@/db/testing/cuttable-proxy";
import { makeTenant } from "@/db/testing/fixtures";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import { useTestDb } from "@/db/testing/test-db";
import { POST } from "./[call]/route";
import { callRoute } from "./v1-test-client";

/**
 * PostgreSQL goes away in the middle of ingestion (every connection reset, new ones refused, as
 * in a restart) and comes back. Clients retry refused batches with the same messageIds, as the
 * SDKs do. Holds: the outage is answered 503 database_unavailable with Retry-After, never a 500
 * or a hang; a refused batch is stored whole or not at all; afterwards every event is stored
 * exactly once and none is lost.
 */
const BATCHES = 40;
const PER_BATCH = 50;
const CLIENTS = 4;
const CUT_AFTER = 10; // batches accepted before the outage
const REFUSALS_BEFORE_RESTORE = 3; // the outage lasts until this many requests were refused

let direct: DbHandle;
let viaProxy: DbHandle;
let close: () => Promise<void>;
let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;

describeOnPostgres("ingestion while PostgreSQL restarts", () => {
  beforeAll(async () => {
    ({ handle: direct, close } = await useTestDb());
    tenant = await makeTenant("Outage");
    const url = new URL((direct as { url: string }).url);
    proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    viaProxy = openDb({
      databaseUrl: url.toString(),
      pgliteDir: "memory://",
      timeouts: { statementMs: 5000, idleInTransactionMs: 5000, connectMs: 500 },
    });
    setDbHandle(viaProxy);
  });
  afterAll(async () => {
    setDbHandle(direct);
    await viaProxy?.close().catch(() => undefined);
    await proxy?.close();
    await close?.();
  });

  const storedOf = async (batch: number) =>
    (
      await executeRows<{ n: number }>(
        sql`select count(*)::int as n from events where workspace_id = ${tenant.workspace.id}
          and message_id like ${`b${batch}-%`}`,
        direct.db,
      )
    )[0]!.n;

  it("answers 503 during the outage, writes no half batch, and loses or doubles nothing", async () => {
    let accepted = 0;
    let refused = 0;
    let outage: { restored: Promise<void> } | null = null;
    const answers: string[] = [];
    const halfWritten: string[] = [];

    const body = (b: number) => ({
      batch: Array.from({ length: PER_BATCH }, (_, i) => ({
        type: "track",
        userId: `u-${(b * PER_BATCH + i) % 30}`,
        event: "Outage Test",
        messageId: `b${b}-${i}`,
        properties: { b, i },
      })),
    });

    async function send(b: number) {
      for (let attempt = 1; attempt <= 50; attempt++) {
        const started = Date.now();
        const res = await callRoute(POST, { call: "batch" }, { key: tenant.key, body: body(b) });
        answers.push(`${res.status}:${res.json?.error?.code ?? "ok"}`);
        expect(
          Date.now() - started,
          "an answer within the connect timeout, not a hang",
        ).toBeLessThan(8000);
        if (res.status === 200) {
          // All new, or (a retry of a batch committed just before its connection was cut, whose
          // answer was lost) all duplicates: stored once either way, as the final count checks.
          expect(res.json?.accepted + res.json?.duplicates).toBe(PER_BATCH);
          if (++accepted === CUT_AFTER && !outage) {
            // The outage starts now and ends once a few requests have been refused.
            await proxy.cut();
            let restore!: () => void;
            outage = { restored: new Promise<void>((r) => (restore = r)) };
            const poll = setInterval(() => {
              if (refused >= REFUSALS_BEFORE_RESTORE) {
                clearInterval(poll);
                void proxy.restore().then(restore);
              }
            }, 20);
          }
          return;
        }
        expect(res.status, JSON.stringify(res.json)).toBe(503);
        expect(res.json?.error?.code).toBe("database_unavailable");
        refused++;
        await outage?.restored;
        // Whole or nothing: a refused batch left no part of itself behind.
        const stored = await storedOf(b);
        if (stored !== 0 && stored !== PER_BATCH) halfWritten.push(`batch ${b}: ${stored} rows`);
      }
      throw new Error(`batch ${b} never accepted`);
    }

    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < BATCHES) await send(next++);
      }),
    );

    expect(refused).toBeGreaterThanOrEqual(REFUSALS_BEFORE_RESTORE);
    expect(halfWritten).toEqual([]);
    const [{ total, distinct }] = (await executeRows<{ total: number; distinct: number }>(
      sql`select count(*)::int as total, count(distinct message_id)::int as distinct
        from events where workspace_id = ${tenant.workspace.id}`,
      direct.db,
    )) as [{ total: number; distinct: number }];
    expect({ total, distinct }).toEqual({
      total: BATCHES * PER_BATCH,
      distinct: BATCHES * PER_BATCH,
    });
    console.info("outage answers", answers.join(" "));
  });
});
