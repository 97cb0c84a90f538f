import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { executeRows } from "@/db/execute-rows";
import { db, type Executor } from "@/db";
import { executorRuns, executorSteps, type TExecutorRun, type TStepResult } from "@/db/schema";

// The executor's run statements. A worker changes a run only while it holds the lease
// (`lease_owner` = its id, the run still active), so a worker that lost its lease, or a run
// cancelled meanwhile, writes nothing more.

export const ACTIVE = ["queued", "waiting"];
const leaseUntil = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

export type TNewRun = {
  id: string;
  functionId: string;
  event: Record<string, unknown>;
  readyAt: Date;
  idempotencyKey: string | null;
  concurrencyKey: string | null;
  concurrencyLimit: number | null;
  singletonKey?: string | null;
};

/**
 * Creates runs in one statement; returns the ids created (a function's idempotency key starts one
 * run only, and a singleton group with an active run skips the new one).
 */
export async function insertRuns(runs: TNewRun[], ex: Executor = db()): Promise<string[]> {
  if (!runs.length) return [];
  const rows = await ex
    .insert(executorRuns)
    .values(runs.map((r) => ({ ...r, status: "queued" })))
    .onConflictDoNothing()
    .returning({ id: executorRuns.id });
  const created = new Set(rows.map((r) => r.id));
  return runs.map((r) => r.id).filter((id) => created.has(id));
}

// Any constant; claims from every process on the database take it for their short transaction.
const CLAIM_LOCK_ID = 727_274_002;

/**
 * Takes up to `limit` runs that are due on the executor's clock and not leased (or whose lease
 * expired: the worker died), keeping each concurrency group under its limit. Claims are
 * serialised by a transaction-scoped advisory lock (so two processes cannot both fill the last
 * slot of a group), and `FOR UPDATE SKIP LOCKED` steps over runs another writer holds.
 */
export async function claimRuns(
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<TExecutorRun[]> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK_ID})`);
    const due = await executeRows<{ id: string }>(
      // Leases are counted only for the candidates' keys: counting every leased key meant reading
      // every active run (a journey's whole audience, sleeping or not) on every claim.
      sql`with due as (
            select id, ready_at, concurrency_key, concurrency_limit from executor_runs
            where status in ('queued', 'waiting') and ready_at <= ${now} and (lease_until is null or lease_until < now())
            order by ready_at limit ${limit * 20}),
          leased as (
            select concurrency_key, count(*)::int as n from executor_runs
            where lease_until > now() and status in ('queued', 'waiting')
              and concurrency_key in (select concurrency_key from due where concurrency_key is not null)
            group by concurrency_key),
          ranked as (
            select due.*, row_number() over (partition by concurrency_key order by ready_at, id) as rn from due)
          select ranked.id from ranked left join leased using (concurrency_key)
          where ranked.concurrency_key is null or ranked.rn + coalesce(leased.n, 0) <= ranked.concurrency_limit
          order by ranked.ready_at limit ${limit}`,
      tx,
    );
    if (!due.length) return [];
    const locked = tx
      .select({ id: executorRuns.id })
      .from(executorRuns)
      .where(
        inArray(
          executorRuns.id,
          due.map((d) => d.id),
        ),
      )
      .for("update", { skipLocked: true });
    return tx
      .update(executorRuns)
      .set({ leaseOwner: owner, leaseUntil: leaseUntil(leaseMs) })
      .where(
        and(
          inArray(executorRuns.id, locked),
          inArray(executorRuns.status, ACTIVE),
          or(isNull(executorRuns.leaseUntil), lt(executorRuns.leaseUntil, sql`now()`)),
        ),
      )
      .returning();
  });
}

const owned = (runId: string, owner: string) =>
  and(
    eq(executorRuns.id, runId),
    eq(executorRuns.leaseOwner, owner),
    inArray(executorRuns.status, ACTIVE),
  );

/** Applies `values` (renewing the lease, or releasing it); false when the lease is gone or the run was cancelled. */
export async function updateOwnedRun(
  runId: string,
  owner: string,
  values: PgUpdateSetSource<typeof executorRuns>,
  opts: { leaseMs?: number; release?: boolean } = {},
  ex: Executor = db(),
): Promise<boolean> {
  const lease = opts.release
    ? { leaseOwner: null, leaseUntil: null }
    : opts.leaseMs
      ? { leaseUntil: leaseUntil(opts.leaseMs) }
      : {};
  const rows = await ex
    .update(executorRuns)
    .set({ ...values, ...lease })
    .where(owned(runId, owner))
    .returning({ id: executorRuns.id });
  return rows.length === 1;
}

/**
 * Releases the run until `readyAt`. If an event woke it since it was claimed (`wakes` moved on),
 * it stays due now instead: the worker may have decided to park before the event's step landed.
 */
export async function parkRun(
  run: { id: string; wakes: number },
  owner: string,
  values: PgUpdateSetSource<typeof executorRuns>,
  readyAt: Date,
  status: "queued" | "waiting",
): Promise<boolean> {
  return updateOwnedRun(
    run.id,
    owner,
    {
      ...values,
      status: sql`case when ${executorRuns.wakes} = ${run.wakes} then ${status} else 'queued' end`,
      readyAt: sql`case when ${executorRuns.wakes} = ${run.wakes} then ${readyAt.toISOString()}::timestamptz else ${executorRuns.readyAt} end`,
    },
    { release: true },
  );
}

/** Ends a run for good. */
export async function finishRun(
  runId: string,
  owner: string,
  result: { status: "completed"; output: unknown } | { status: "failed"; error: string },
): Promise<boolean> {
  return updateOwnedRun(
    runId,
    owner,
    { ...result, pending: [], finishedAt: new Date() },
    { release: true },
  );
}

/** Cancels the given runs if still active (a run being executed stops at its next write). */
export async function cancelRuns(
  runIds: string[],
  reason: string,
  ex: Executor = db(),
): Promise<number> {
  if (!runIds.length) return 0;
  const rows = await ex
    .update(executorRuns)
    .set({
      status: "cancelled",
      error: reason,
      finishedAt: new Date(),
      leaseOwner: null,
      leaseUntil: null,
    })
    .where(and(inArray(executorRuns.id, runIds), inArray(executorRuns.status, ACTIVE)))
    .returning({ id: executorRuns.id });
  return rows.length;
}

/** Active runs of these functions, with their trigger events (for cancelOn). */
export async function activeRunsOf(functionIds: string[], ex: Executor = db()) {
  if (!functionIds.length) return [];
  return ex
    .select({ id: executorRuns.id, functionId: executorRuns.functionId, event: executorRuns.event })
    .from(executorRuns)
    .where(
      and(inArray(executorRuns.functionId, functionIds), inArray(executorRuns.status, ACTIVE)),
    );
}

/** Makes a run due now (a wait it was parked on was satisfied). */
export async function wakeRun(runId: string, now: Date, ex: Executor = db()) {
  await ex
    .update(executorRuns)
    .set({ readyAt: now, status: "queued", wakes: sql`${executorRuns.wakes} + 1` })
    .where(and(eq(executorRuns.id, runId), inArray(executorRuns.status, ACTIVE)));
}

export async function findRun(runId: string, ex: Executor = db()): Promise<TExecutorRun | null> {
  const [row] = await ex.select().from(executorRuns).where(eq(executorRuns.id, runId));
  return row ?? null;
}

/** Memoises a step result; the first result for a step id wins, so a replayed write is harmless. */
export async function memoiseStep(
  runId: string,
  stepId: string,
  result: TStepResult,
  ex: Executor = db(),
): Promise<void> {
  await ex.insert(executorSteps).values({ runId, stepId, result }).onConflictDoNothing();
}

/**
 * Memoises a result for the lease holder only, in one statement: false when the run was
 * cancelled or its lease lost meanwhile, so the worker stops before running anything further.
 */
export async function memoiseOwnedStep(
  runId: string,
  owner: string,
  stepId: string,
  result: TStepResult,
): Promise<boolean> {
  const rows = await executeRows<{ step_id: string }>(
    sql`insert into executor_steps (run_id, step_id, result)
        select ${runId}, ${stepId}, ${JSON.stringify(result)}::jsonb
        where exists (select 1 from executor_runs where id = ${runId} and lease_owner = ${owner} and status in ('queued', 'waiting'))
        on conflict do nothing returning step_id`,
  );
  if (rows.length === 1) return true;
  return Boolean(await findOwnedRun(runId, owner));
}

/**
 * Memoises several results of one run in one statement, for the lease holder only (the steps a
 * checkpoint or a 206 answer reports together). False when the run was cancelled or its lease
 * lost meanwhile. Results already stored keep their first value.
 */
export async function memoiseOwnedSteps(
  runId: string,
  owner: string,
  steps: { stepId: string; result: TStepResult }[],
): Promise<boolean> {
  if (!steps.length) return Boolean(await findOwnedRun(runId, owner));
  const rows = await executeRows<{ owned: boolean }>(
    sql`with owned as (
          select 1 from executor_runs where id = ${runId} and lease_owner = ${owner} and status in ('queued', 'waiting')),
        saved as (
          insert into executor_steps (run_id, step_id, result)
          select ${runId}, s.step_id, s.result
          from rows from (jsonb_to_recordset(${JSON.stringify(steps.map((s) => ({ step_id: s.stepId, result: s.result })))}::jsonb)
            as (step_id text, result jsonb)) with ordinality as s(step_id, result, n)
          where exists (select 1 from owned)
          order by s.n
          on conflict do nothing)
        select exists (select 1 from owned) as owned`,
  );
  return rows[0]?.owned === true;
}

/**
 * Memoises results of several runs in one statement (a group commit of checkpoints from runs
 * executing side by side), each only while its worker (`owner`) holds the run's lease. Returns
 * the `runId owner` pairs that did hold it; results already stored keep their first value.
 */
export async function memoiseStepsOfOwnedRuns(
  items: { runId: string; owner: string; stepId: string; result: TStepResult }[],
): Promise<Set<string>> {
  if (!items.length) return new Set();
  const input = JSON.stringify(
    items.map((i) => ({ run_id: i.runId, owner: i.owner, step_id: i.stepId, result: i.result })),
  );
  const rows = await executeRows<{ id: string; owner: string }>(
    sql`with input as (
          select * from rows from (jsonb_to_recordset(${input}::jsonb)
            as (run_id text, owner text, step_id text, result jsonb)) with ordinality as s(run_id, owner, step_id, result, n)),
        owned as (
          select distinct r.id, r.lease_owner as owner from executor_runs r
          join input i on i.run_id = r.id and i.owner = r.lease_owner
          where r.status in ('queued', 'waiting')),
        saved as (
          insert into executor_steps (run_id, step_id, result)
          select i.run_id, i.step_id, i.result from input i
          join owned o on o.id = i.run_id and o.owner = i.owner
          order by i.n
          on conflict do nothing)
        select id, owner from owned`,
  );
  return new Set(rows.map((r) => `${r.id} ${r.owner}`));
}

/**
 * Ends several runs in one statement (group commit of finishing runs), each only while its worker
 * (`owner`) holds the lease; returns the `runId owner` pairs ended.
 */
export async function finishOwnedRuns(
  items: {
    runId: string;
    owner: string;
    result: { status: "completed"; output: unknown } | { status: "failed"; error: string };
  }[],
): Promise<Set<string>> {
  if (!items.length) return new Set();
  const input = JSON.stringify(
    items.map((i) => ({
      run_id: i.runId,
      owner: i.owner,
      status: i.result.status,
      // Wrapped, so that a function returning null stores JSON null like finishRun does.
      out: i.result.status === "completed" ? { v: i.result.output ?? null } : null,
      error: i.result.status === "failed" ? i.result.error : null,
    })),
  );
  const rows = await executeRows<{ id: string; owner: string }>(
    sql`with input as (
          select * from jsonb_to_recordset(${input}::jsonb)
            as (run_id text, owner text, status text, out jsonb, error text))
        update executor_runs r set status = i.status, output = i.out -> 'v', error = i.error,
          pending = '[]'::jsonb, finished_at = now(), lease_owner = null, lease_until = null
        from input i
        where r.id = i.run_id and r.lease_owner = i.owner and r.status in ('queued', 'waiting')
        returning r.id, i.owner`,
  );
  return new Set(rows.map((r) => `${r.id} ${r.owner}`));
}

async function findOwnedRun(runId: string, owner: string) {
  const [still] = await db()
    .select({ id: executorRuns.id })
    .from(executorRuns)
    .where(owned(runId, owner));
  return still ?? null;
}

/** Memoised results in the order they finished. */
export async function loadSteps(
  runId: string,
  ex: Executor = db(),
): Promise<{ stepId: string; result: TStepResult }[]> {
  return ex
    .select({ stepId: executorSteps.stepId, result: executorSteps.result })
    .from(executorSteps)
    .where(eq(executorSteps.runId, runId))
    .orderBy(asc(executorSteps.seq));
}
