import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

export type TRunTreatmentFigures = {
  runId: string;
  /** Treatment position; null for the holdout (which receives nothing). */
  treatment: number | null;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
};

/**
 * Per run and treatment of one campaign, from the message rollup (each message once per outcome,
 * as the dashboards count it): what the across-runs results read. As fresh as the last refresh.
 */
export async function campaignRunRollups(
  workspaceId: string,
  campaignId: string,
  ex: Executor = db(),
): Promise<TRunTreatmentFigures[]> {
  return executeRows<TRunTreatmentFigures>(
    sql`select campaign_run_id as "runId", treatment,
        coalesce(sum(sent), 0)::int as sent, coalesce(sum(delivered), 0)::int as delivered,
        coalesce(sum(opened), 0)::int as opened, coalesce(sum(clicked), 0)::int as clicked,
        coalesce(sum(unsubscribed), 0)::int as unsubscribed
      from message_daily_rollup
      where workspace_id = ${workspaceId} and campaign_id = ${campaignId}
        and campaign_run_id is not null
      group by campaign_run_id, treatment`,
    ex,
  );
}

export type TRunGroupCounts = {
  runId: string;
  treatment: number | null;
  /** Every delivery of the group, as a single run's results count its audience. */
  audience: number;
  /** Those still assigned when the run ended (not cancelled or expired): the conversion denominator. */
  assigned: number;
  /** Of those, who performed the conversion event within the window of their exposure (0 without one). */
  converted: number;
};

/**
 * Per run and group (treatments and holdout) of one campaign: its size, and with a conversion
 * event its conversions, counted exactly as a single run's page counts them (runConversionCounts):
 * intention to treat, exposure at the delivery's own time or the snapshot.
 */
export async function campaignGroupCounts(
  workspaceId: string,
  campaignId: string,
  conversion: { event: string; windowDays: number } | null,
  ex: Executor = db(),
): Promise<TRunGroupCounts[]> {
  const live = sql`d.status not in ('cancelled', 'expired')`;
  const converted = conversion
    ? sql`(count(*) filter (where ${live} and exists (
          select 1 from events e
          where e.workspace_id = ${workspaceId} and e.contact_id = d.contact_id
            and e.name = ${conversion.event}
            and e.occurred_at >= coalesce(d.not_before, r.snapshot_at, r.scheduled_for)
            and e.occurred_at < coalesce(d.not_before, r.snapshot_at, r.scheduled_for)
              + make_interval(days => ${conversion.windowDays}))))::int`
    : sql`0`;
  return executeRows<TRunGroupCounts>(
    sql`select r.id as "runId", d.treatment, count(*)::int as audience,
        (count(*) filter (where ${live}))::int as assigned, ${converted} as converted
      from campaign_runs r join campaign_deliveries d on d.run_id = r.id
      where r.campaign_id = ${campaignId} and r.workspace_id = ${workspaceId}
      group by r.id, d.treatment`,
    ex,
  );
}

/** The messages a run sent (delivery settled as sent), in contact order: the demo's engagement. */
export async function listRunSentMessages(workspaceId: string, runId: string, ex: Executor = db()) {
  const rows = await executeRows<{ message_id: string }>(
    sql`select d.message_id from campaign_deliveries d
      where d.run_id = (select id from campaign_runs where id = ${runId} and workspace_id = ${workspaceId})
        and d.status = 'sent' and d.message_id is not null order by d.contact_id`,
    ex,
  );
  return rows.map((r) => r.message_id);
}
