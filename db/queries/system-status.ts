import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { db, type Executor } from "@/db";

// Process-wide operational reads (health, metrics, the system status page). They span every
// workspace by design and return counts only, never a workspace's data.

/** The cheapest round trip that proves a connection works. */
export async function pingDatabase(ex: Executor = db()): Promise<void> {
  await executeRows(sql`select 1`, ex);
}

/** Migrations recorded as applied: how many, and the `when` stamp of the newest. */
export async function appliedMigrations(
  ex: Executor = db(),
): Promise<{ count: number; newest: number | null }> {
  const [row] = await executeRows<{ n: number; newest: string | null }>(
    sql`select count(*)::int as n, max(created_at)::text as newest from drizzle.__drizzle_migrations`,
    ex,
  );
  return { count: row?.n ?? 0, newest: row?.newest ? Number(row.newest) : null };
}

export type TExecutorQueue = {
  /** Runs due now on the executor's clock and not leased by a live worker. */
  due: number;
  /** Runs leased by a worker right now. */
  leased: number;
  /** How long the oldest due run has waited, in seconds (0 when none is due). */
  lagSeconds: number;
};

/**
 * The local executor's queue (on the executor's clock, which e2e moves forward). Both filters
 * follow `executor_runs_claim_idx` (status, ready_at), so this stays cheap with many finished runs.
 */
export async function executorQueue(ex: Executor = db()): Promise<TExecutorQueue> {
  const [row] = await executeRows<{ due: number; leased: number; lag: number | null }>(
    sql`with clock as (
          select now() + coalesce((select offset_ms from executor_clock limit 1), 0) * interval '1 millisecond' as now
        )
        select
          count(*) filter (where r.ready_at <= c.now and (r.lease_until is null or r.lease_until < now()))::int as due,
          count(*) filter (where r.lease_until >= now())::int as leased,
          extract(epoch from c.now - min(r.ready_at) filter (
            where r.ready_at <= c.now and (r.lease_until is null or r.lease_until < now())))::float8 as lag
        from executor_runs r cross join clock c
        where r.status in ('queued', 'waiting')
        group by c.now`,
    ex,
  );
  return { due: row?.due ?? 0, leased: row?.leased ?? 0, lagSeconds: Math.max(0, row?.lag ?? 0) };
}

/** Executor runs per function and status. */
export async function executorRunsByStatus(
  ex: Executor = db(),
): Promise<{ functionId: string; status: string; n: number }[]> {
  return executeRows(
    sql`select function_id as "functionId", status, count(*)::int as n
        from executor_runs group by function_id, status`,
    ex,
  );
}

/** Campaign deliveries per channel and status, across running campaign runs. */
export async function campaignDeliveriesByStatus(
  ex: Executor = db(),
): Promise<{ status: string; n: number }[]> {
  return executeRows(
    sql`select d.status::text as status, count(*)::int as n
        from campaign_deliveries d join campaign_runs r on r.id = d.run_id
        where r.status = 'sending' group by d.status`,
    ex,
  );
}

/** When each analytics rollup source last finished refreshing, and its age in seconds. */
export async function rollupFreshness(
  ex: Executor = db(),
): Promise<{ source: string; refreshedAt: string | null; ageSeconds: number | null }[]> {
  return executeRows(
    sql`select source, refreshed_at::text as "refreshedAt",
          extract(epoch from now() - refreshed_at)::float8 as "ageSeconds"
        from analytics_refresh_state order by source`,
    ex,
  );
}
