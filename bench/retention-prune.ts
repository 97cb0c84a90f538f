// Retention at 10M rows (issue 23): "pruning runs in small batches, never locks ingestion".
// Seeds BENCH_ROWS rows (default 10,000,000) across what retention prunes, mostly expired, with
// generate_series; measures ingestion alone (lib/ingest, 500-event batches, the baseline); then
// runs the app's pruning job to completion (pruneExpiredData called again while it reports
// `more`, one call per step as inngest/functions/jobs/retention.ts does) while the same ingestion
// runs beside it. Prints rows pruned/s, the batches' count and p50/p99, the longest lock wait of an
// ingestion statement (sampled from pg_locks), and ingestion's p50/p99 beside the baseline.
// Run: npm run bench:prune (BENCH_ROWS=200000 for a quick look).
import { Client } from "pg";
import { openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { makeTenant } from "@/db/testing/fixtures";
import { ingest } from "@/lib/ingest/ingest";
import { parseBatch } from "@/lib/ingest/parse-batch";
import { pruneExpiredData, type TPruneKind } from "@/lib/retention/prune-expired-data";
import { createBenchDatabase } from "./lib/bench-db";
import { seedRetentionRows } from "./lib/seed-retention-rows";
import { startLockSampler } from "./lib/lock-sampler";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_INGEST_CLIENTS ?? 2);
// Offered load, events/s across the clients: a steady stream, as apps send, not a flood that
// would leave pruning no CPU on two cores. The baseline is the same stream without pruning.
const RATE = Number(process.env.BENCH_INGEST_RATE ?? 4_000);
const BATCH = 500;
const USERS = 5_000;
/** The hourly job's steps per run (inngest/functions/jobs/retention.ts MAX_PASSES). */
const JOB_PASSES = 30;

const pct = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => (Number.isNaN(x) ? "–" : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const n = (x: number) => Math.round(x).toLocaleString("en");

/** Sends 500-event track batches through lib/ingest from CLIENTS loops, paced to RATE, until stopped. */
function runIngestion(workspaceId: string, label: string) {
  const latencies: number[] = [];
  let stopped = false;
  let seq = 0;
  const interval = (1000 * BATCH * CLIENTS) / RATE;
  const t0 = performance.now();
  const client = async (c: number) => {
    for (let i = 0; !stopped; i++) {
      const due = t0 + c * (interval / CLIENTS) + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (stopped) break;
      const b = seq++;
      const parsed = parseBatch(
        {
          batch: Array.from({ length: BATCH }, (_, k) => ({
            type: "track",
            userId: `user-${(b * BATCH + k) % USERS}`,
            event: "Order Completed",
            messageId: `${label}-${b}-${k}`,
            properties: { sku: `sku-${k % 500}`, price: k % 200 },
          })),
        },
        new Date(),
      );
      if (!parsed.ok) throw new Error(`bench batch invalid: ${parsed.field} ${parsed.message}`);
      const ops = parsed.items.flatMap((r) => (r.ok ? [r.op] : []));
      const s = performance.now();
      const statuses = await ingest(workspaceId, ops);
      latencies.push(performance.now() - s);
      if (statuses.some((st) => st !== "accepted"))
        throw new Error("an ingested event was refused");
    }
  };
  const done = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  return {
    latencies,
    stop: async () => {
      stopped = true;
      await done;
      return { seconds: (performance.now() - t0) / 1000, events: latencies.length * BATCH };
    },
  };
}

async function main() {
  const fresh = await createBenchDatabase("waymark_bench_prune");
  const handle = openDb({ databaseUrl: fresh.url, pgliteDir: "memory://" });
  setDbHandle(handle);
  const pg = new Client({ connectionString: fresh.url });
  try {
    await migrateDb(handle);
    await pg.connect();
    const tenant = await makeTenant("Retention bench");
    const ws = tenant.workspace.id;

    const s0 = performance.now();
    const seeded = await seedRetentionRows(pg, ws, ROWS, (line) => console.info(`[bench] ${line}`));
    const seedSeconds = (performance.now() - s0) / 1000;

    // The contacts ingestion sends to, so every batch is the steady-state path.
    for (let r = 0; r < USERS / BATCH; r++) {
      const parsed = parseBatch(
        {
          batch: Array.from({ length: BATCH }, (_, k) => ({
            type: "identify",
            userId: `user-${r * BATCH + k}`,
            traits: { plan: "free" },
          })),
        },
        new Date(),
      );
      if (!parsed.ok) throw new Error("warm-up batch invalid");
      await ingest(
        ws,
        parsed.items.flatMap((x) => (x.ok ? [x.op] : [])),
      );
    }

    console.info(`[bench] baseline: ingestion alone for ${BASELINE_SECONDS} s`);
    const baseLocks = await startLockSampler(fresh.url);
    const base = runIngestion(ws, "base");
    await new Promise((r) => setTimeout(r, BASELINE_SECONDS * 1000));
    const baseRun = await base.stop();
    const baseLock = await baseLocks.stop();

    console.info("[bench] pruning, with the same ingestion running");
    const before = await seeded.counts();
    const batches: { kind: TPruneKind; rows: number; ms: number }[] = [];
    const locks = await startLockSampler(fresh.url);
    const during = runIngestion(ws, "prune");
    const p0 = performance.now();
    let passes = 0;
    for (let more = true; more; passes++) {
      const report = await pruneExpiredData({
        onBatch: (kind, rows, t) => batches.push({ kind, rows, ms: t }),
      });
      more = report.more;
      console.info(`[bench]   pass ${passes + 1}: ${JSON.stringify(report)}`);
    }
    const pruneSeconds = (performance.now() - p0) / 1000;
    const duringRun = await during.stop();
    const lock = await locks.stop();
    const after = await seeded.counts();
    await seeded.verify();

    const gone = {
      executor: before.executor - after.executor,
      bodies: before.bodies - after.bodies,
      imports: before.imports - after.imports,
    };
    const pruned = gone.executor + gone.bodies + gone.imports;
    const times = batches.map((b) => b.ms);
    console.info(
      `\nretention-prune: ${n(seeded.total)} rows seeded in ${seedSeconds.toFixed(0)} s (${seeded.describe}), ${n(seeded.expired)} expired`,
    );
    console.info(
      `  pruned         : ${n(pruned)} rows in ${pruneSeconds.toFixed(1)} s = ${n(pruned / pruneSeconds)} rows/s (executor runs, steps and events ${n(gone.executor)}; message bodies cleared ${n(gone.bodies)}; import error rows and chunks ${n(gone.imports)})`,
    );
    console.info(
      `  job            : ${passes} passes of pruneExpiredData (${Math.ceil(passes / JOB_PASSES)} run(s) of the hourly job at ${JOB_PASSES} passes a run)`,
    );
    console.info(
      `  batches        : ${n(batches.length)}, p50 ${ms(pct(times, 0.5))}, p99 ${ms(pct(times, 0.99))}, max ${ms(Math.max(...times))}`,
    );
    for (const kind of [...new Set(batches.map((b) => b.kind))]) {
      const t = batches.filter((b) => b.kind === kind).map((b) => b.ms);
      console.info(
        `    ${kind.padEnd(14)}: ${n(t.length)} batches, p50 ${ms(pct(t, 0.5))}, p99 ${ms(pct(t, 0.99))}, max ${ms(Math.max(...t))}`,
      );
    }
    console.info(
      `  lock waits     : longest wait of an ingestion statement behind a pruning one ${ms(lock.behindPrune)}; longest of any kind ${ms(lock.any)} during pruning, ${ms(baseLock.any)} in the baseline (pg_locks sampled every ${lock.everyMs} ms, ${n(lock.samples)} samples)`,
    );
    const line = (name: string, l: number[], run: { seconds: number; events: number }) =>
      console.info(
        `  ${name.padEnd(15)}: p50 ${ms(pct(l, 0.5))}, p99 ${ms(pct(l, 0.99))} per ${BATCH}-event batch (${n(l.length)} batches, ${n(run.events / run.seconds)} events/s of ${n(RATE)} offered, ${CLIENTS} clients)`,
      );
    line("ingest baseline", base.latencies, baseRun);
    line("ingest pruning", during.latencies, duringRun);
  } finally {
    await pg.end().catch(() => undefined);
    setDbHandle(undefined);
    await handle.close();
    await fresh.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
