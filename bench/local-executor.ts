// The local executor end to end: 10,000 runs of a 5-step function (no waits) through Inngest's
// real HTTP protocol (SDK serve handler on loopback, signed calls), state in real PostgreSQL.
// Prints runs/s and the p50/p99 time from event to finished run. Run: npm run bench:executor
import { openDb, setDbHandle } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { migrateDb } from "@/db/migrate";
import { sql } from "drizzle-orm";
import { createLocalExecutor } from "@/lib/local-executor/local-executor";
import { serveFunctions, TEST_SIGNING_KEY } from "@/lib/local-executor/testing/serve-functions";
import { createBenchDatabase } from "./lib/bench-db";

const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 16);
const BATCH = 500;
const IDLE_RUNS = 50;

async function main() {
  const bench = await createBenchDatabase("waymark_bench_executor");
  const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
  await migrateDb(handle);
  setDbHandle(handle);
  const app = await serveFunctions((client) => [
    client.createFunction(
      { id: "five", triggers: [{ event: "bench/go" }] },
      async ({ event, step }) => {
        let acc = Number(event.data.n);
        for (let i = 0; i < 5; i++) acc = await step.run(`s${i}`, () => acc + 1);
        return acc;
      },
    ),
  ]);
  const executor = createLocalExecutor({
    serveUrl: app.serveUrl,
    signingKey: TEST_SIGNING_KEY,
    slots: SLOTS,
    idleMs: 50,
  });
  try {
    await executor.sync();
    executor.start();
    // One run at a time first: the latency of a run on an idle executor (no queue ahead of it).
    const idle: number[] = [];
    for (let i = 0; i < IDLE_RUNS; i++) {
      const t0 = performance.now();
      const {
        started: [runId],
      } = await executor.send({ name: "bench/go", data: { n: -1 - i } });
      for (;;) {
        const [row] = await executeRows<{ status: string }>(
          sql`select status from executor_runs where id = ${runId!}`,
        );
        if (row!.status === "completed") break;
        if (row!.status === "failed") throw new Error("idle run failed");
        await new Promise((r) => setTimeout(r, 2));
      }
      idle.push(performance.now() - t0);
    }
    idle.sort((a, b) => a - b);
    await executeRows(sql`delete from executor_runs`);
    const started = performance.now();
    for (let b = 0; b < RUNS; b += BATCH) {
      await executor.send(
        Array.from({ length: Math.min(BATCH, RUNS - b) }, (_, i) => ({
          name: "bench/go",
          data: { n: b + i },
        })),
      );
    }
    const sent = performance.now();
    for (;;) {
      const [row] = await executeRows<{ open: number; failed: number }>(
        sql`select count(*) filter (where status in ('queued','waiting'))::int as open, count(*) filter (where status = 'failed')::int as failed from executor_runs`,
      );
      if (row!.failed) throw new Error(`${row!.failed} runs failed`);
      if (row!.open === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    const [t] = await executeRows<{ p50: number; p99: number; done: number; wrong: number }>(
      sql`select percentile_cont(0.5) within group (order by extract(epoch from finished_at - created_at) * 1000) as p50,
                 percentile_cont(0.99) within group (order by extract(epoch from finished_at - created_at) * 1000) as p99,
                 count(*)::int as done, count(*) filter (where output::text::int <> (event->'data'->>'n')::int + 5)::int as wrong
          from executor_runs where status = 'completed'`,
    );
    if (t!.done !== RUNS || t!.wrong)
      throw new Error(`expected ${RUNS} correct runs, got ${t!.done} (${t!.wrong} wrong)`);
    console.info(
      `local executor: ${RUNS} runs × 5 steps (${RUNS * 6} signed HTTP calls), ${SLOTS} slots, PostgreSQL`,
    );
    console.info(
      `  events accepted in ${((sent - started) / 1000).toFixed(1)} s; all runs finished in ${seconds.toFixed(1)} s`,
    );
    console.info(
      `  one run at a time (idle executor): p50 ${idle[Math.floor(IDLE_RUNS / 2)]!.toFixed(0)} ms, p99 ${idle[Math.floor(IDLE_RUNS * 0.99)]!.toFixed(0)} ms from send to completed`,
    );
    console.info(
      `  burst of ${RUNS}: ${(RUNS / seconds).toFixed(0)} runs/s, ${((RUNS * 6) / seconds).toFixed(0)} calls/s; event → finished (queueing included) p50 ${(t!.p50 / 1000).toFixed(1)} s, p99 ${(t!.p99 / 1000).toFixed(1)} s`,
    );
  } finally {
    await executor.stop();
    await app.close();
    await handle.close();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
