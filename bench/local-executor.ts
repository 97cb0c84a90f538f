// The local executor end to end: runs of a 5-step function (no waits) through Inngest's real
// protocol (the SDK's serve handler, signed calls and answers), state in real PostgreSQL. Two
// modes, measured one after the other in the same process, interleaved BENCH_ROUNDS times:
//   baseline  the executor as it was before checkpointing (lib/local-executor at git ref
//             BENCH_BASELINE_REF, extracted to bench/.baseline/): one step per signed HTTP call
//             over loopback, 6 calls per run, one statement per step result
//   new       today's executor: SDK 4.x async checkpointing (one call runs the five steps and
//             checkpoints each, answered in process by the app's Inngest client, then answers
//             RunComplete), the serve handler called in process, results group-committed
// Prints, per mode, runs/s of a burst and the p50/p99 of one run on an idle executor, per round
// and as medians, with the load average and this process's CPU per run. Run: BENCH_RUNS=2000 npm
// run bench:executor (BENCH_ROUNDS, BENCH_SLOTS, BENCH_MODES=new, BENCH_BUFFERED=Infinity to try
// the SDK's bufferedSteps option).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { openDb, setDbHandle } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { migrateDb } from "@/db/migrate";
import { sql } from "drizzle-orm";
import { createLocalExecutor } from "@/lib/local-executor/local-executor";
import { serveFunctions, TEST_SIGNING_KEY } from "@/lib/local-executor/testing/serve-functions";
import { createBenchDatabase } from "./lib/bench-db";

type TApp = Awaited<ReturnType<typeof serveFunctions>>;
const RUNS = Number(process.env.BENCH_RUNS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 16);
const BATCH = 500;
const IDLE_RUNS = Number(process.env.BENCH_IDLE_RUNS ?? 50);

// The last commit before the executor spoke checkpointing.
const BASELINE_REF = process.env.BENCH_BASELINE_REF ?? "1702baa";

type TCreate = typeof createLocalExecutor;
type TMode = { name: "baseline" | "new"; create: () => Promise<TCreate>; inProcess: boolean };

/** The baseline executor's code, from git, importing today's db/ (same schema and queries API). */
async function baselineExecutor(): Promise<TCreate> {
  const dir = path.join(process.cwd(), "bench/.baseline", BASELINE_REF);
  if (!existsSync(path.join(dir, "lib/local-executor/local-executor.ts"))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync("git", ["archive", BASELINE_REF, "lib/local-executor"]);
    execFileSync("tar", ["-x", "-C", dir], { input: tar });
  }
  const mod = (await import(path.join(dir, "lib/local-executor/local-executor.ts"))) as {
    createLocalExecutor: TCreate;
  };
  return mod.createLocalExecutor;
}

const MODES: TMode[] = (
  [
    { name: "baseline", create: baselineExecutor, inProcess: false },
    { name: "new", create: async () => createLocalExecutor, inProcess: true },
  ] as const
).filter((m) => (process.env.BENCH_MODES ?? "baseline,new").split(",").includes(m.name));
type TFigures = {
  runsPerSec: number;
  idleP50: number;
  idleP99: number;
  load: number;
  /** CPU of this process (executor, SDK, client; not PostgreSQL) per run of the burst. */
  cpuMs: number;
};

const pct = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
const median = (xs: number[]) =>
  pct(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

async function waitUntilDone(expected: number) {
  for (;;) {
    const [row] = await executeRows<{ open: number; failed: number }>(
      sql`select count(*) filter (where status in ('queued','waiting'))::int as open, count(*) filter (where status = 'failed')::int as failed from executor_runs`,
    );
    if (row!.failed) throw new Error(`${row!.failed} runs failed`);
    if (row!.open === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const [t] = await executeRows<{ done: number; wrong: number; steps: number }>(
    sql`select count(*)::int as done,
               count(*) filter (where output::text::int <> (event->'data'->>'n')::int + 5)::int as wrong,
               (select count(*)::int from executor_steps) as steps
        from executor_runs where status = 'completed'`,
  );
  // Every run completed with the right output, and every step result is memoised (checkpointed).
  if (t!.done !== expected || t!.wrong || t!.steps !== expected * 5)
    throw new Error(
      `expected ${expected} correct runs and ${expected * 5} steps, got ${t!.done} (${t!.wrong} wrong), ${t!.steps} steps`,
    );
}

async function measure(mode: TMode, app: TApp): Promise<TFigures> {
  await executeRows(
    sql`truncate executor_steps, executor_waits, executor_runs, executor_events cascade`,
  );
  const executor = (await mode.create())({
    serveUrl: app.serveUrl,
    signingKey: TEST_SIGNING_KEY,
    ...(mode.inProcess ? { serveHandler: () => app.handler } : {}),
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
        await new Promise((r) => setTimeout(r, 1));
      }
      idle.push(performance.now() - t0);
    }
    idle.sort((a, b) => a - b);
    await waitUntilDone(IDLE_RUNS);
    await executeRows(sql`truncate executor_steps, executor_waits, executor_runs cascade`);
    const load = loadavg()[0]!;
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    for (let b = 0; b < RUNS; b += BATCH) {
      await executor.send(
        Array.from({ length: Math.min(BATCH, RUNS - b) }, (_, i) => ({
          name: "bench/go",
          data: { n: b + i },
        })),
      );
    }
    await waitUntilDone(RUNS);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return {
      runsPerSec: RUNS / seconds,
      idleP50: pct(idle, 0.5),
      idleP99: pct(idle, 0.99),
      load,
      cpuMs: (cpu.user + cpu.system) / 1000 / RUNS,
    };
  } finally {
    await executor.stop();
  }
}

async function main() {
  const bench = await createBenchDatabase("waymark_bench_executor");
  const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
  await migrateDb(handle);
  setDbHandle(handle);
  const app = await serveFunctions(
    (client) => [
      client.createFunction(
        { id: "five", triggers: [{ event: "bench/go" }] },
        async ({ event, step }) => {
          let acc = Number(event.data.n);
          for (let i = 0; i < 5; i++) acc = await step.run(`s${i}`, () => acc + 1);
          return acc;
        },
      ),
    ],
    undefined,
    process.env.BENCH_BUFFERED
      ? { checkpointing: { bufferedSteps: Number(process.env.BENCH_BUFFERED) } }
      : {},
  );
  const results = new Map<string, TFigures[]>(MODES.map((m) => [m.name, []]));
  const line = (name: string, f: TFigures) =>
    `${name.padEnd(8)} ${f.runsPerSec.toFixed(0).padStart(6)} runs/s   idle run p50 ${f.idleP50.toFixed(1).padStart(6)} ms, p99 ${f.idleP99.toFixed(1).padStart(6)} ms   CPU/run ${f.cpuMs.toFixed(1).padStart(5)} ms   load ${f.load.toFixed(1)}`;
  try {
    console.info(
      `local executor: ${RUNS} runs × 5 steps per burst, ${IDLE_RUNS} idle runs, ${SLOTS} slots, PostgreSQL, ${ROUNDS} rounds`,
    );
    for (let round = 1; round <= ROUNDS; round++) {
      for (const mode of MODES) {
        const f = await measure(mode, app);
        results.get(mode.name)!.push(f);
        console.info(`  round ${round}  ${line(mode.name, f)}`);
      }
    }
    console.info("medians:");
    const med = (name: string) => {
      const fs = results.get(name)!;
      return {
        runsPerSec: median(fs.map((f) => f.runsPerSec)),
        idleP50: median(fs.map((f) => f.idleP50)),
        idleP99: median(fs.map((f) => f.idleP99)),
        load: median(fs.map((f) => f.load)),
        cpuMs: median(fs.map((f) => f.cpuMs)),
      };
    };
    for (const mode of MODES) console.info(`  ${line(mode.name, med(mode.name))}`);
    const ratios = results
      .get("new")!
      .map((f, i) => f.runsPerSec / (results.get("baseline")![i]?.runsPerSec ?? NaN));
    console.info(
      `  new / baseline: ${median(ratios).toFixed(1)}× runs/s (median of per-round ratios ${ratios.map((r) => r.toFixed(1)).join(", ")})`,
    );
  } finally {
    await app.close();
    await handle.close();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
