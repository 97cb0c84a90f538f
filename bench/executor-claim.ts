// The executor's claim at audience scale: BENCH_ACTIVE (100,000) active runs of a journey, each
// with its own concurrency key (one run per contact), half due now and half sleeping until
// tomorrow, BENCH_LEASED of them leased. Times `claimRuns` (today's query and indexes) beside the
// previous claim query, taken verbatim into this file and run on the same database without the two
// indexes it did not have. Each claim asks for 16 runs, as a busy executor does; every claimed
// batch is released so the next claim sees the same table. Run: npm run bench:claim.
import { sql } from "drizzle-orm";
import { openDb, setDbHandle, db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { migrateDb } from "@/db/migrate";
import { claimRuns } from "@/db/queries/executor-runs";
import { createBenchDatabase } from "./lib/bench-db";

const ACTIVE = Number(process.env.BENCH_ACTIVE ?? 100_000);
const LEASED = Number(process.env.BENCH_LEASED ?? 16);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 30);
const SLOTS = 16;

/** The claim's candidate query before this change (db/queries/executor-runs.ts at 34f549f). */
const previousClaim = (now: Date, limit: number) =>
  executeRows<{ id: string }>(
    sql`with leased as (
          select concurrency_key, count(*)::int as n from executor_runs
          where concurrency_key is not null and status in ('queued', 'waiting') and lease_until > now()
          group by concurrency_key),
        due as (
          select id, ready_at, concurrency_key, concurrency_limit from executor_runs
          where status in ('queued', 'waiting') and ready_at <= ${now} and (lease_until is null or lease_until < now())
          order by ready_at limit ${limit * 20}),
        ranked as (
          select due.*, row_number() over (partition by concurrency_key order by ready_at, id) as rn from due)
        select ranked.id from ranked left join leased using (concurrency_key)
        where ranked.concurrency_key is null or ranked.rn + coalesce(leased.n, 0) <= ranked.concurrency_limit
        order by ranked.ready_at limit ${limit}`,
  );

async function time(label: string, claim: () => Promise<unknown[]>) {
  const ms: number[] = [];
  for (let i = 0; i < CLAIMS; i++) {
    const t = performance.now();
    const got = await claim();
    ms.push(performance.now() - t);
    if (got.length !== SLOTS) throw new Error(`${label}: claimed ${got.length}, not ${SLOTS}`);
    // Released again, so every claim sees the same table.
    await executeRows(
      sql`update executor_runs set lease_owner = null, lease_until = null where lease_owner = 'bench'`,
    );
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  console.info(`[bench] ${label}: p50 ${p(0.5)} ms, p90 ${p(0.9)} ms per claim of ${SLOTS}`);
  return Number(p(0.5));
}

async function main() {
  const fresh = await createBenchDatabase("waymark_bench_claim");
  const handle = openDb({ databaseUrl: fresh.url, pgliteDir: "memory://" });
  setDbHandle(handle);
  try {
    await migrateDb(handle);
    await executeRows(
      sql`insert into executor_runs (id, function_id, event, status, ready_at, concurrency_key, concurrency_limit)
          select 'r' || g, 'waymark-run-journey',
                 jsonb_build_object('name', 'journey/contact.entered', 'data', jsonb_build_object('entryId', 'e' || g)),
                 case when g % 2 = 0 then 'waiting' else 'queued' end,
                 case when g % 2 = 0 then now() + interval '1 day' else now() - interval '1 hour' + g * interval '1 ms' end,
                 'waymark-run-journey:c' || g, 1
          from generate_series(1, ${ACTIVE}) g`,
    );
    await executeRows(
      sql`update executor_runs set lease_owner = 'other', lease_until = now() + interval '1 hour'
          where id in (select id from executor_runs where status = 'queued' order by ready_at limit ${LEASED})`,
    );
    await executeRows(sql`analyze executor_runs`);
    console.info(
      `[bench] ${ACTIVE.toLocaleString("en")} active runs (half due), ${LEASED} leased elsewhere`,
    );
    const now = () => new Date();
    const current = await time("claimRuns (today)", () => claimRuns("bench", now(), 60_000, SLOTS));
    await executeRows(sql`drop index executor_runs_due_idx`);
    await executeRows(sql`drop index executor_runs_leased_key_idx`);
    const previous = await time("previous query, previous indexes (baseline)", () =>
      db().transaction(async (tx) => {
        const ids = (await previousClaim(now(), SLOTS)).map((r) => r.id);
        await tx.execute(
          sql`update executor_runs set lease_owner = 'bench', lease_until = now() + interval '1 minute'
              where id in ${ids}`,
        );
        return ids;
      }),
    );
    console.info(`[bench] claim p50: ${(previous / current).toFixed(0)}× faster than the baseline`);
  } finally {
    await handle.close();
    await fresh.drop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
