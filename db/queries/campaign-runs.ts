import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { SEGMENT_QUERY_SETTINGS } from "@/db/queries/segments";
import {
  campaignRuns,
  type TCampaignDeliveryStatus,
  type TCampaignRun,
  type TCampaignRunStatus,
} from "@/db/schema";

export type TNewCampaignRun = typeof campaignRuns.$inferInsert;

/** Null when the campaign already has a run for this `scheduledFor` (one run per occurrence). */
export async function insertRun(values: TNewCampaignRun, ex: Executor = db()) {
  const [row] = await ex
    .insert(campaignRuns)
    .values(values)
    .onConflictDoNothing({ target: [campaignRuns.campaignId, campaignRuns.scheduledFor] })
    .returning();
  return row ?? null;
}

export async function nextOccurrence(campaignId: string, ex: Executor = db()) {
  const [row] = await executeRows<{ n: number }>(
    sql`select coalesce(max(occurrence), 0)::int + 1 as n from campaign_runs where campaign_id = ${campaignId}`,
    ex,
  );
  return row!.n;
}

export async function findRun(workspaceId: string, runId: string, ex: Executor = db()) {
  const [row] = await ex
    .select()
    .from(campaignRuns)
    .where(and(eq(campaignRuns.workspaceId, workspaceId), eq(campaignRuns.id, runId)));
  return row ?? null;
}

/** For background functions, whose events carry only the run id (the run names its workspace). */
export async function findRunById(runId: string, ex: Executor = db()) {
  const [row] = await ex.select().from(campaignRuns).where(eq(campaignRuns.id, runId));
  return row ?? null;
}

export async function listRuns(workspaceId: string, campaignId: string, ex: Executor = db()) {
  return ex
    .select()
    .from(campaignRuns)
    .where(and(eq(campaignRuns.workspaceId, workspaceId), eq(campaignRuns.campaignId, campaignId)))
    .orderBy(desc(campaignRuns.occurrence));
}

/** The campaign's runs still in flight, for pause/resume/cancel. */
export async function listOpenRuns(workspaceId: string, campaignId: string, ex: Executor = db()) {
  return ex
    .select()
    .from(campaignRuns)
    .where(
      and(
        eq(campaignRuns.workspaceId, workspaceId),
        eq(campaignRuns.campaignId, campaignId),
        sql`${campaignRuns.status} in ('snapshotting', 'sending', 'paused')`,
      ),
    );
}

/** Moves a run between statuses, only from one of `from` (so two callers cannot both win). */
export async function transitionRun(
  runId: string,
  from: TCampaignRunStatus[],
  to: TCampaignRunStatus,
  extra: Partial<Pick<TCampaignRun, "error" | "finishedAt">> = {},
  ex: Executor = db(),
): Promise<TCampaignRun | null> {
  const [row] = await ex
    .update(campaignRuns)
    .set({ status: to, ...extra })
    .where(
      and(
        eq(campaignRuns.id, runId),
        sql`${campaignRuns.status} in (${sql.join(
          from.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    )
    .returning();
  return row ?? null;
}

export type TSnapshotPlan = {
  runId: string;
  workspaceId: string;
  /** Seeds the stable hash: the same contact lands in the same group on every run of the campaign. */
  campaignId: string;
  /** WHERE condition over contacts `c` (the compiled segment, or `true` for everyone). */
  audience: SQL;
  holdoutPercent: number;
  /** Each treatment's share of the non-held-out audience, in per cent, summing to 100. */
  treatmentPercents: number[];
  /**
   * Local-time runs: each contact's `not_before` is `date time` in their zone (else `zone`, the
   * workspace's), or the same time the next day when that has already passed at `now`.
   */
  sendLocal?: { date: string; time: string; zone: string; now: Date } | null;
};

/**
 * A contact's stable bucket (0–9999, basis points) for a campaign: the same contact lands in the
 * same holdout and treatment on every run, and on event-triggered sends. Over contacts `c`.
 */
export const stableBucket = (campaignId: string, salt: "holdout" | "treatment") =>
  sql`((hashtextextended(${`${campaignId}:${salt}:`} || c.id::text, 0) % 10000) + 10000) % 10000`;

/** The treatment position for a treatment bucket `tb` (basis points), by cumulative share. */
export function treatmentCase(treatmentPercents: number[], tb: SQL): SQL {
  let cumulative = 0;
  const whens = treatmentPercents.map((p, i) => {
    cumulative += p * 100;
    return sql`when ${tb} < ${sql.raw(String(cumulative))} then ${sql.raw(String(i))}`;
  });
  return sql`(case ${sql.join(whens, sql` `)} else ${sql.raw(String(whens.length - 1))} end)::smallint`;
}

/**
 * The audience snapshot: ONE `INSERT … SELECT` from the compiled segment, so the audience never
 * passes through Node. Two independent stable hashes of (campaign, contact) in basis points pick
 * the holdout and the treatment. Runs only while the run is `snapshotting` and moves it to
 * `sending` in the same transaction, so a retried step neither snapshots twice nor adds contacts
 * who joined the segment since. Returns the audience size and the queued count, or null when
 * the run had already left `snapshotting`.
 */
export async function snapshotAudience(
  plan: TSnapshotPlan,
  ex: Executor = db(),
): Promise<{ audience: number; queued: number } | null> {
  return ex.transaction(async (tx) => {
    const [run] = await tx
      .update(campaignRuns)
      .set({ status: "sending", snapshotAt: new Date() })
      .where(and(eq(campaignRuns.id, plan.runId), eq(campaignRuns.status, "snapshotting")))
      .returning({ id: campaignRuns.id });
    if (!run) return null;
    for (const s of SEGMENT_QUERY_SETTINGS) await tx.execute(sql.raw(s));
    // Integers computed here, written as literals: the planner sees constants, and smallint stays smallint.
    const holdoutBp = sql.raw(String(Math.round(plan.holdoutPercent * 100)));
    let cumulative = 0;
    const whens = plan.treatmentPercents.map((p, i) => {
      cumulative += p * 100;
      return sql.raw(`when s.tb < ${cumulative} then ${i}`);
    });
    const local = plan.sendLocal;
    // The zone is checked against the server's list first: one contact's bad zone must not fail
    // the whole statement (the list is read once, as a hashed subplan).
    const zone = sql`coalesce(case when c.timezone in (select name from pg_timezone_names) then c.timezone end, ${local?.zone ?? "UTC"})`;
    const notBefore = local
      ? sql`case when (${local.date}::date + ${local.time}::time) at time zone s.tz >= ${local.now.toISOString()}::timestamptz
          then (${local.date}::date + ${local.time}::time) at time zone s.tz
          else (${local.date}::date + 1 + ${local.time}::time) at time zone s.tz end`
      : sql`null::timestamptz`;
    const bucket = (salt: "holdout" | "treatment") => stableBucket(plan.campaignId, salt);
    // No `on conflict`: the run's row, taken above in this transaction, lets one snapshot write
    // its deliveries, and the audience names each contact once; a plain insert skips the
    // speculative-insertion dance per row (a million rows: about 1.3 s). The counts come from the
    // rows written, not from reading them back.
    const [counts] = await executeRows<{ audience: number; queued: number }>(
      sql`
      with written as (
        insert into campaign_deliveries (run_id, contact_id, treatment, status, not_before)
        select ${plan.runId}::uuid, s.id,
          case when s.hb < ${holdoutBp} then null else (case ${sql.join(whens, sql` `)} else ${sql.raw(String(whens.length - 1))} end)::smallint end,
          case when s.hb < ${holdoutBp} then 'holdout'::campaign_delivery_status else 'queued'::campaign_delivery_status end,
          ${notBefore}
        from (
          select c.id, ${bucket("holdout")} as hb, ${bucket("treatment")} as tb,
            ${local ? zone : sql`null::text`} as tz
          from contacts c where c.workspace_id = ${plan.workspaceId} and ${plan.audience}
        ) s
        order by s.id
        returning status
      )
      select count(*)::int as audience, (count(*) filter (where status = 'queued'))::int as queued
      from written`,
      tx,
    );
    await tx
      .update(campaignRuns)
      .set({ audienceCount: counts!.audience, pending: counts!.queued })
      .where(eq(campaignRuns.id, plan.runId));
    return counts!;
  });
}

/**
 * Where to cut the run's queued deliveries into slices of about `size`, in contact order: the
 * first contact id of each slice. One index-only pass over the run's key.
 */
export async function sliceStarts(runId: string, size: number, ex: Executor = db()) {
  const rows = await executeRows<{ contact_id: string }>(
    sql`select contact_id from (
        select contact_id, row_number() over (order by contact_id) - 1 as rn
        from campaign_deliveries where run_id = ${runId} and status in ('queued', 'sending')
      ) s where rn % ${size} = 0 order by contact_id`,
    ex,
  );
  return rows.map((r) => r.contact_id);
}

export type TRunProgress = {
  total: number;
  byStatus: Partial<Record<TCampaignDeliveryStatus, number>>;
  /** Per treatment position (`holdout` for the held-out): deliveries by status. */
  byTreatment: Record<string, Partial<Record<TCampaignDeliveryStatus, number>>>;
};

/** Counts over the raw delivery rows (a run page polls it; the key scan is fast next to a send). */
export async function runProgress(
  workspaceId: string,
  runId: string,
  ex: Executor = db(),
): Promise<TRunProgress> {
  const rows = await executeRows<{
    status: TCampaignDeliveryStatus;
    treatment: number | null;
    n: number;
  }>(
    sql`select d.status, d.treatment, count(*)::int as n from campaign_deliveries d
      where d.run_id = (select id from campaign_runs where id = ${runId} and workspace_id = ${workspaceId})
      group by 1, 2`,
    ex,
  );
  const progress: TRunProgress = { total: 0, byStatus: {}, byTreatment: {} };
  for (const r of rows) {
    progress.total += r.n;
    progress.byStatus[r.status] = (progress.byStatus[r.status] ?? 0) + r.n;
    const key = r.treatment === null ? "holdout" : String(r.treatment);
    const t = (progress.byTreatment[key] ??= {});
    t[r.status] = (t[r.status] ?? 0) + r.n;
  }
  return progress;
}

/**
 * The run is done once nothing is pending: completed, unless it was stopped meanwhile (or is an
 * event-triggered run before its end).
 */
export async function completeRunIfDone(runId: string, ex: Executor = db()) {
  const [row] = await ex
    .update(campaignRuns)
    .set({ status: "completed", finishedAt: new Date() })
    .where(
      and(
        eq(campaignRuns.id, runId),
        eq(campaignRuns.status, "sending"),
        eq(campaignRuns.pending, 0),
        // An event-triggered run listens until its end time (or a cancel), however empty it is.
        sql`(${campaignRuns.trigger} is null or (${campaignRuns.trigger} ->> 'endAt')::timestamptz <= now())`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Sets `pending` to 0 when the run has no unsettled delivery left; says whether it did. */
export async function settlePendingIfNoneLeft(runId: string, ex: Executor = db()) {
  const rows = await executeRows<{ id: string }>(
    sql`update campaign_runs set pending = 0 where id = ${runId} and not exists (
        select 1 from campaign_deliveries where run_id = ${runId} and status in ('queued', 'sending'))
      returning id`,
    ex,
  );
  return rows.length > 0;
}
