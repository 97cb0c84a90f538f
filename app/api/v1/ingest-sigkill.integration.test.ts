import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import { useTestDb } from "@/db/testing/test-db";
import { workerProcesses } from "@/lib/lifecycle/testing/worker-process";

/**
 * The app SIGKILLed during ingestion, with real processes on PostgreSQL: four clients send
 * batches to worker A (app/api/v1/testing/ingest-worker.ts) as SDKs do, each batch's events
 * carrying their `messageId`s. A is killed while requests are in flight; the clients' requests
 * fail with a reset connection, and they retry the same batches on worker B, as Segment's and
 * RudderStack's SDKs retry. Every event is stored exactly once: a batch A committed before dying
 * is not doubled by its retry, and one it had not is not lost.
 */
const CLIENTS = 4;
const BATCHES = 12;
const EVENTS = 50;
const KILL_AFTER = 10;

let testDb: Awaited<ReturnType<typeof useTestDb>>;
const workers = workerProcesses();
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(async () => {
  await workers.stopAll();
  await testDb?.close();
});

describeOnPostgres("ingestion across a SIGKILL of the app", () => {
  it("stores every event exactly once after the clients retry on the next process", async () => {
    const t = await makeTenant("Killed ingestion");
    const start = () =>
      workers.start("app/api/v1/testing/ingest-worker.ts", { env: { DATABASE_URL: testDb.url! } });
    let worker = await start();
    // The base URL of the live process; while none is, a promise of the next one.
    let next: Promise<string> = Promise.resolve(worker.ready);
    let accepted = 0;
    let failedInFlight = 0;
    let killing: Promise<void> | null = null;

    const killAndRestart = async () => {
      let restarted!: (base: string) => void;
      next = new Promise((resolve) => (restarted = resolve));
      await workers.kill(worker.child);
      worker = await start();
      restarted(worker.ready);
    };

    const batch = (client: number, n: number) => ({
      batch: Array.from({ length: EVENTS }, (_, i) => ({
        type: "track",
        userId: `u-${client}-${i % 5}`,
        event: "Order Completed",
        messageId: `kill-${client}-${n}-${i}`,
        properties: { client, n, i },
      })),
    });

    const client = async (c: number) => {
      for (let n = 0; n < BATCHES; n++) {
        for (let attempt = 0; ; attempt++) {
          expect(attempt, `client ${c} batch ${n} kept failing`).toBeLessThan(20);
          const base = await next;
          const res = await fetch(`${base}/api/v1/batch`, {
            method: "POST",
            headers: { authorization: `Bearer ${t.key}`, "content-type": "application/json" },
            body: JSON.stringify(batch(c, n)),
          }).catch(() => null);
          if (res?.status === 200) break;
          // A reset connection: the process died under this request. Retry on the next one.
          if (!res) {
            failedInFlight++;
            await killing;
          }
        }
        if (++accepted === KILL_AFTER) killing = killAndRestart();
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

    expect(worker.lines[0]).toMatch(/^ready http:/);
    expect(failedInFlight, "no request was in flight when the process died").toBeGreaterThan(0);
    const [row] = await executeRows<{ n: number; distinct: number }>(
      sql`select count(*)::int as n, count(distinct message_id)::int as distinct
        from events where workspace_id = ${t.workspace.id}`,
    );
    expect(row).toEqual({ n: CLIENTS * BATCHES * EVENTS, distinct: CLIENTS * BATCHES * EVENTS });
  });
});
