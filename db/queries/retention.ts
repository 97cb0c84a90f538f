import { eq, sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { db, type Executor } from "@/db";
import { workspaceRetention, type TWorkspaceRetention } from "@/db/schema";

// Retention's statements. Every delete takes one batch (`limit`) of the oldest rows, found through
// an index and skipping rows another transaction holds, so pruning never takes a long lock and
// never waits on ingestion. Callers loop until a batch comes back short.

export type TRetentionDays = Pick<
  TWorkspaceRetention,
  "messageBodyDays" | "importDays" | "contactEventDays"
>;

export async function findRetention(
  workspaceId: string,
  ex: Executor = db(),
): Promise<TWorkspaceRetention | null> {
  const [row] = await ex
    .select()
    .from(workspaceRetention)
    .where(eq(workspaceRetention.workspaceId, workspaceId));
  return row ?? null;
}

export async function saveRetention(
  workspaceId: string,
  days: TRetentionDays,
  ex: Executor = db(),
): Promise<TWorkspaceRetention> {
  const [row] = await ex
    .insert(workspaceRetention)
    .values({ workspaceId, ...days })
    .onConflictDoUpdate({
      target: workspaceRetention.workspaceId,
      set: { ...days, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

/** Every workspace with its stored settings (null where it has none: the defaults apply). */
export async function listRetentionAnyWorkspace(ex: Executor = db()) {
  return executeRows<{
    workspace_id: string;
    message_body_days: number | null;
    import_days: number | null;
    contact_event_days: number | null;
    customised: boolean;
  }>(
    sql`select w.id as workspace_id, r.message_body_days, r.import_days, r.contact_event_days,
          r.workspace_id is not null as customised
        from workspaces w left join workspace_retention r on r.workspace_id = w.id`,
    ex,
  );
}

const count = async (q: ReturnType<typeof sql>, ex: Executor) =>
  (
    await executeRows<{ n: number }>(
      sql`with gone as (${q}) select count(*)::int as n from gone`,
      ex,
    )
  )[0]!.n;

/** Finished executor runs (their steps and waits cascade) older than `before`. */
export async function pruneFinishedRunsAnyWorkspace(
  before: Date,
  limit: number,
  ex: Executor = db(),
) {
  return count(
    sql`delete from executor_runs where id in (
          select id from executor_runs where finished_at is not null and finished_at < ${before}
          order by finished_at limit ${limit} for update skip locked) returning 1`,
    ex,
  );
}

/** One-time passcodes that expired before `before` (used, locked or never used alike). */
export async function pruneOtpCodesAnyWorkspace(before: Date, limit: number, ex: Executor = db()) {
  return count(
    sql`delete from otp_codes where id in (
          select id from otp_codes where expires_at < ${before}
          order by expires_at limit ${limit} for update skip locked) returning 1`,
    ex,
  );
}

/**
 * Rate buckets (db/queries/rate-buckets.ts) nobody has taken from since `before` and that have
 * refilled to their burst by `now`. Such a row says nothing a missing one would not (a bucket is
 * created full on first use), and some keys make one row per phone number (the HELP answer's
 * limit) or per campaign run, so without this the table only grows.
 */
export async function pruneIdleRateBucketsAnyWorkspace(
  before: Date,
  now: Date,
  limit: number,
  ex: Executor = db(),
) {
  return count(
    sql`delete from rate_buckets where key in (
          select key from rate_buckets where refilled_at < ${before}
            and tokens + extract(epoch from ${now}::timestamptz - refilled_at) * rate >= burst
          limit ${limit} for update skip locked) returning 1`,
    ex,
  );
}

/** Executor events older than `before` (a run keeps its own copy of its trigger event). */
export async function pruneExecutorEventsAnyWorkspace(
  before: Date,
  limit: number,
  ex: Executor = db(),
) {
  return count(
    sql`delete from executor_events where id in (
          select id from executor_events where received_at < ${before}
          order by received_at limit ${limit} for update skip locked) returning 1`,
    ex,
  );
}

/** Drops rendered bodies of a workspace's messages created before `before`; the rows stay. */
export async function clearMessageBodies(
  workspaceId: string,
  before: Date,
  limit: number,
  ex: Executor = db(),
) {
  return count(
    sql`update messages set content = null where id in (
          select id from messages where workspace_id = ${workspaceId} and created_at < ${before}
            and content is not null
          order by created_at limit ${limit} for update skip locked) returning 1`,
    ex,
  );
}

/** Stored files and error rows of a workspace's imports that finished before `before`. */
export async function pruneImportData(
  workspaceId: string,
  before: Date,
  limit: number,
  ex: Executor = db(),
) {
  const old = sql`select id from contact_imports where workspace_id = ${workspaceId}
    and coalesce(finished_at, created_at) < ${before} and status in ('completed', 'failed', 'discarded')`;
  const errors = await count(
    sql`delete from contact_import_errors where (import_id, row_number) in (
          select import_id, row_number from contact_import_errors
          where workspace_id = ${workspaceId} and import_id in (${old})
          limit ${limit} for update skip locked) returning 1`,
    ex,
  );
  const chunks = await count(
    sql`delete from contact_import_chunks where (import_id, seq) in (
          select import_id, seq from contact_import_chunks
          where workspace_id = ${workspaceId} and import_id in (${old})
          limit ${limit} for update skip locked) returning 1`,
    ex,
  );
  return errors + chunks;
}

/** A workspace's raw contact events that occurred before `before`. */
export async function pruneContactEvents(
  workspaceId: string,
  before: Date,
  limit: number,
  ex: Executor = db(),
) {
  return count(
    sql`delete from events where id in (
          select id from events where workspace_id = ${workspaceId} and occurred_at < ${before}
          limit ${limit} for update skip locked) returning 1`,
    ex,
  );
}
