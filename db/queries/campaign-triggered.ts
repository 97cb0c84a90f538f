import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { campaignRuns, type TCampaignDeliveryStatus, type TCampaignRun } from "@/db/schema";
import { stableBucket, treatmentCase } from "./campaign-runs";

/** Open runs of event-triggered campaigns in a workspace (those still before their end). */
export async function listListeningRuns(
  workspaceId: string,
  ex: Executor = db(),
): Promise<TCampaignRun[]> {
  return ex
    .select()
    .from(campaignRuns)
    .where(
      and(
        eq(campaignRuns.workspaceId, workspaceId),
        eq(campaignRuns.status, "sending"),
        isNotNull(campaignRuns.trigger),
        sql`coalesce((${campaignRuns.trigger} ->> 'endAt')::timestamptz > now(), true)`,
      ),
    );
}

/** Event-triggered runs whose end has passed and that are still open (the scheduler closes them). */
export async function listEndedListeningRunIds(now: Date, ex: Executor = db()) {
  const rows = await executeRows<{ id: string }>(
    sql`select id from campaign_runs where status = 'sending' and trigger is not null
      and (trigger ->> 'endAt')::timestamptz <= ${now.toISOString()}::timestamptz`,
    ex,
  );
  return rows.map((r) => r.id);
}

export type TTriggeredDelivery = {
  runId: string;
  workspaceId: string;
  campaignId: string;
  contactId: string;
  /** WHERE condition over contacts `c`: the campaign's audience. */
  audience: SQL;
  holdoutPercent: number;
  treatmentPercents: number[];
  /** When the event happened: the delivery's exposure time for conversions. */
  occurredAt: Date;
  /** The event came later than the campaign's maximum delay: recorded as `expired`, not sent. */
  late: boolean;
};

/**
 * Adds one contact to an event-triggered run, in one statement: only while the run is sending and
 * the contact is in the audience, in the same holdout and treatment a snapshot would put them
 * (stable hash), once per run (the key), and the run's counts follow in the same statement.
 * Returns the new delivery's status, or null when nothing was added.
 */
export async function enqueueTriggeredDelivery(
  d: TTriggeredDelivery,
  ex: Executor = db(),
): Promise<TCampaignDeliveryStatus | null> {
  const hb = stableBucket(d.campaignId, "holdout");
  const holdoutBp = sql.raw(String(Math.round(d.holdoutPercent * 100)));
  const at = d.occurredAt.toISOString();
  const [row] = await executeRows<{ status: TCampaignDeliveryStatus }>(
    sql`with ins as (
        insert into campaign_deliveries (run_id, contact_id, treatment, status, not_before, settled_at)
        select r.id, c.id,
          case when ${hb} < ${holdoutBp} then null else ${treatmentCase(d.treatmentPercents, stableBucket(d.campaignId, "treatment"))} end,
          (case when ${hb} < ${holdoutBp} then 'holdout' when ${d.late} then 'expired' else 'queued' end)::campaign_delivery_status,
          ${at}::timestamptz,
          case when ${hb} < ${holdoutBp} or ${d.late} then now() end
        from campaign_runs r, contacts c
        where r.id = ${d.runId} and r.status = 'sending'
          and c.workspace_id = ${d.workspaceId} and c.id = ${d.contactId} and ${d.audience}
        on conflict do nothing
        returning status
      ), counted as (
        update campaign_runs set audience_count = coalesce(audience_count, 0) + (select count(*) from ins),
          pending = pending + (select count(*) from ins where status = 'queued')
        where id = ${d.runId} and exists (select 1 from ins)
      )
      select status from ins`,
    ex,
  );
  return row?.status ?? null;
}
