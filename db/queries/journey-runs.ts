import { sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { likeContains } from "@/db/like-pattern";
import type { TStepResult } from "@/db/schema";
import type { TKeysetCursor } from "@/lib/pagination/keyset-cursor";
import { keysetPage, keysetWhere, utcText } from "./keyset";

// The Runs page: journey entries of one workspace, and what the executor knows about each. Executor
// rows carry no workspace; they are reached only through an entry of the workspace, by the
// `entryId` in the run's trigger event.

export const RUN_PAGE_SIZE = 50;
export const RUN_STATUSES = ["active", "completed", "exited", "cancelled"] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];
/** Entry statuses, plus `failed`: entries whose executor run failed (they stay active until retried or cancelled). */
export const RUN_FILTER_STATUSES = [...RUN_STATUSES, "failed"] as const;
export type TRunFilterStatus = (typeof RUN_FILTER_STATUSES)[number];

export type TRunFilter = {
  journeyId?: string | null;
  status?: TRunFilterStatus | null;
  contact?: string | null;
  after?: TKeysetCursor | null;
};

export type TRunRow = {
  id: string;
  journeyId: string;
  journeyName: string;
  version: number;
  contactId: string;
  contactUserId: string | null;
  contactEmail: string | null;
  status: TRunStatus;
  currentNodeId: string | null;
  enteredAt: Date;
  exitedAt: Date | null;
  exitReason: string | null;
  converted: boolean;
  /** The local executor's run state, when it ran this entry (null with other executors). */
  executorStatus: string | null;
  cursor: TKeysetCursor;
};

const executorRunOf = (entryId: SQL) =>
  sql`(select r.status from executor_runs r where r.event -> 'data' ->> 'entryId' = ${entryId}::text order by r.created_at desc limit 1)`;

/** One page of a workspace's journey entries, newest first, with the next page's cursor. */
export async function listJourneyRuns(
  workspaceId: string,
  filter: TRunFilter = {},
  ex: Executor = db(),
): Promise<{ rows: TRunRow[]; nextCursor: TKeysetCursor | null }> {
  const where: SQL[] = [sql`e.workspace_id = ${workspaceId}`];
  if (filter.journeyId) where.push(sql`e.journey_id = ${filter.journeyId}`);
  if (filter.status === "failed") where.push(sql`${executorRunOf(sql`e.id`)} = 'failed'`);
  else if (filter.status) where.push(sql`e.status = ${filter.status}`);
  const q = filter.contact?.trim();
  if (q) {
    const like = likeContains(q.toLowerCase());
    where.push(
      sql`(lower(c.external_id) like ${like} or c.email like ${like} or c.id::text = ${q})`,
    );
  }
  if (filter.after) where.push(keysetWhere(sql`e.created_at`, sql`e.id`, filter.after, "<"));
  const rows = await executeRows<
    Omit<TRunRow, "cursor" | "enteredAt" | "exitedAt"> & {
      enteredAt: string | Date;
      enteredText: string;
      exitedAt: string | Date | null;
    }
  >(
    sql`select e.id, e.journey_id as "journeyId", j.name as "journeyName", e.version, e.contact_id as "contactId",
          c.external_id as "contactUserId", c.email as "contactEmail", e.status, e.current_node_id as "currentNodeId",
          e.created_at as "enteredAt", ${utcText(sql`e.created_at`)} as "enteredText", e.exited_at as "exitedAt", e.exit_reason as "exitReason", e.converted,
          ${executorRunOf(sql`e.id`)} as "executorStatus"
        from journey_entries e
        join journeys j on j.id = e.journey_id and j.workspace_id = e.workspace_id
        join contacts c on c.id = e.contact_id
        where ${sql.join(where, sql` and `)}
        order by e.created_at desc, e.id desc
        limit ${RUN_PAGE_SIZE + 1}`,
    ex,
  );
  const page = keysetPage(rows, RUN_PAGE_SIZE, filter);
  const runs = page.rows.map(({ enteredText, ...r }) => ({
    ...r,
    enteredAt: new Date(r.enteredAt),
    exitedAt: r.exitedAt ? new Date(r.exitedAt) : null,
    cursor: { ts: enteredText, id: r.id },
  }));
  const last = runs.at(-1);
  return { rows: runs, nextCursor: page.hasOlder && last ? last.cursor : null };
}

export type TRunMessage = {
  id: string;
  nodeId: string;
  channel: string;
  status: string;
  reason: string | null;
  recipient: string | null;
  createdAt: Date;
};
export type TRunExecutor = {
  id: string;
  status: string;
  attempt: number;
  error: string | null;
  readyAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
  steps: { stepId: string; result: TStepResult }[];
  waits: {
    stepId: string;
    kind: "sleep" | "event";
    eventName: string | null;
    expression: string | null;
    expiresAt: Date;
  }[];
};

/** One entry with its journey, contact and the plan of the version it runs; null outside the workspace. */
export async function findJourneyRun(workspaceId: string, entryId: string, ex: Executor = db()) {
  const [entry] = await executeRows<{
    id: string;
    journeyId: string;
    journeyName: string;
    version: number;
    plan: Record<string, unknown> | null;
    contactId: string;
    contactUserId: string | null;
    contactEmail: string | null;
    status: TRunStatus;
    currentNodeId: string | null;
    enteredAt: string | Date;
    exitedAt: string | Date | null;
    exitReason: string | null;
    converted: boolean;
  }>(
    sql`select e.id, e.journey_id as "journeyId", j.name as "journeyName", e.version, v.plan, e.contact_id as "contactId",
          c.external_id as "contactUserId", c.email as "contactEmail", e.status, e.current_node_id as "currentNodeId",
          e.created_at as "enteredAt", ${utcText(sql`e.created_at`)} as "enteredText", e.exited_at as "exitedAt", e.exit_reason as "exitReason", e.converted
        from journey_entries e
        join journeys j on j.id = e.journey_id and j.workspace_id = e.workspace_id
        join contacts c on c.id = e.contact_id
        left join journey_versions v on v.journey_id = e.journey_id and v.version = e.version
        where e.workspace_id = ${workspaceId} and e.id = ${entryId}`,
    ex,
  );
  if (!entry) return null;
  const visits = await executeRows<{ nodeId: string; outcome: string; passedAt: string | Date }>(
    sql`select v.node_id as "nodeId", v.outcome, v.passed_at as "passedAt" from journey_node_visits v
        join journey_entries e on e.id = v.entry_id
        where e.workspace_id = ${workspaceId} and v.entry_id = ${entryId} order by v.passed_at, v.node_id`,
    ex,
  );
  const messages = await executeRows<TRunMessage & { createdAt: string | Date }>(
    sql`select m.id, split_part(m.idempotency_key, ':', 2) as "nodeId", m.channel, m.status, m.reason, m.recipient, m.created_at as "createdAt"
        from messages m where m.workspace_id = ${workspaceId} and m.idempotency_key like ${`${entryId}:%`} order by m.created_at`,
    ex,
  );
  return {
    entry: {
      ...entry,
      enteredAt: new Date(entry.enteredAt),
      exitedAt: entry.exitedAt ? new Date(entry.exitedAt) : null,
    },
    visits: visits.map((v) => ({ ...v, passedAt: new Date(v.passedAt) })),
    messages: messages.map((m) => ({ ...m, createdAt: new Date(m.createdAt) })),
    executor: await findEntryExecutorRun(workspaceId, entryId, ex),
  };
}
export type TJourneyRunDetail = NonNullable<Awaited<ReturnType<typeof findJourneyRun>>>;

/** The newest local-executor run of an entry of this workspace, with its memoised steps and open waits. */
export async function findEntryExecutorRun(
  workspaceId: string,
  entryId: string,
  ex: Executor = db(),
): Promise<TRunExecutor | null> {
  const [run] = await executeRows<{
    id: string;
    status: string;
    attempt: number;
    error: string | null;
    readyAt: string | Date;
    createdAt: string | Date;
    finishedAt: string | Date | null;
  }>(
    sql`select r.id, r.status, r.attempt, r.error, r.ready_at as "readyAt", r.created_at as "createdAt", r.finished_at as "finishedAt"
        from executor_runs r
        where r.event -> 'data' ->> 'entryId' = ${entryId}
          and exists (select 1 from journey_entries e where e.id::text = ${entryId} and e.workspace_id = ${workspaceId})
        order by r.created_at desc limit 1`,
    ex,
  );
  if (!run) return null;
  const steps = await executeRows<{ stepId: string; result: TStepResult }>(
    sql`select step_id as "stepId", result from executor_steps where run_id = ${run.id} order by seq`,
    ex,
  );
  const waits = await executeRows<{
    stepId: string;
    kind: "sleep" | "event";
    eventName: string | null;
    expression: string | null;
    expiresAt: string | Date;
  }>(
    sql`select step_id as "stepId", kind, event_name as "eventName", expression, expires_at as "expiresAt" from executor_waits where run_id = ${run.id} order by expires_at`,
    ex,
  );
  return {
    ...run,
    readyAt: new Date(run.readyAt),
    createdAt: new Date(run.createdAt),
    finishedAt: run.finishedAt ? new Date(run.finishedAt) : null,
    steps,
    waits: waits.map((w) => ({ ...w, expiresAt: new Date(w.expiresAt) })),
  };
}

/** An active entry ends as cancelled by an admin; false when it was not active (or not this workspace's). */
export async function cancelEntry(
  workspaceId: string,
  entryId: string,
  reason: string,
  ex: Executor = db(),
): Promise<boolean> {
  const rows = await executeRows<{ id: string }>(
    sql`update journey_entries set status = 'cancelled', exit_reason = ${reason}, exited_at = now(), current_node_id = null
        where workspace_id = ${workspaceId} and id = ${entryId} and status = 'active' returning id`,
    ex,
  );
  return rows.length === 1;
}

/**
 * A failed executor run goes back in the queue, due now, with its attempts reset: its successful
 * steps stay memoised (so nothing is sent twice) and its failed ones are forgotten, so they run again.
 */
export async function requeueFailedRun(
  runId: string,
  now: Date,
  ex: Executor = db(),
): Promise<boolean> {
  const rows = await executeRows<{ id: string }>(
    sql`update executor_runs set status = 'queued', ready_at = ${now.toISOString()}::timestamptz, attempt = 0, pending = '[]'::jsonb,
          seen_steps = -1, error = null, output = null, finished_at = null, lease_owner = null, lease_until = null
        where id = ${runId} and status = 'failed' returning id`,
    ex,
  );
  if (rows.length !== 1) return false;
  await ex.execute(sql`delete from executor_steps where run_id = ${runId} and result ? 'error'`);
  return true;
}

/** A retried entry is active again at the node it stood at. */
export async function reactivateEntry(
  workspaceId: string,
  entryId: string,
  ex: Executor = db(),
): Promise<boolean> {
  const rows = await executeRows<{ id: string }>(
    sql`update journey_entries set status = 'active', exit_reason = null, exited_at = null
        where workspace_id = ${workspaceId} and id = ${entryId} and status <> 'completed' returning id`,
    ex,
  );
  return rows.length === 1;
}

/** Journeys of the workspace that have entries, for the filter. */
export async function listRunJourneyOptions(workspaceId: string, ex: Executor = db()) {
  return executeRows<{ id: string; name: string }>(
    sql`select j.id, j.name from journeys j where j.workspace_id = ${workspaceId} order by j.name`,
    ex,
  );
}
