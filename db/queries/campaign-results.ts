import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

export type TTreatmentCounts = {
  /** Treatment position; null for the holdout. */
  treatment: number | null;
  audience: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
};

/**
 * Per treatment of one run: its share of the audience, and how many of its messages were sent,
 * delivered, opened, clicked and unsubscribed from (each message counted once per outcome, from
 * its lifecycle events), counted over the raw rows.
 */
export async function runTreatmentCounts(
  workspaceId: string,
  runId: string,
  ex: Executor = db(),
): Promise<TTreatmentCounts[]> {
  const had = (type: string) =>
    sql`count(*) filter (where d.message_id is not null and exists (
      select 1 from message_events e where e.message_id = d.message_id and e.type = ${type}::message_event_type))::int`;
  return executeRows<TTreatmentCounts>(
    sql`select d.treatment, count(*)::int as audience,
        (count(*) filter (where d.status = 'sent'))::int as sent,
        ${had("delivered")} as delivered, ${had("opened")} as opened,
        ${had("clicked")} as clicked, ${had("unsubscribed")} as unsubscribed
      from campaign_deliveries d
      where d.run_id = (select id from campaign_runs where id = ${runId} and workspace_id = ${workspaceId})
      group by d.treatment order by d.treatment nulls last`,
    ex,
  );
}

export type TConversionCounts = {
  /** Treatment position; null for the holdout. */
  treatment: number | null;
  /** Every contact the run assigned to it, whatever became of their message (intention to treat). */
  assigned: number;
  converted: number;
};

/**
 * Per treatment and the holdout of one run: how many of the contacts assigned to it performed the
 * conversion event within `windowDays` of their exposure. Exposure is the same moment for every
 * group of a run (its own send time for local-time and event-triggered deliveries, else the
 * snapshot), so the holdout is measured exactly like the treatments. One EXISTS per contact on
 * the events index `(workspace_id, contact_id, name, occurred_at)`.
 */
export async function runConversionCounts(
  workspaceId: string,
  runId: string,
  conversion: { event: string; windowDays: number },
  ex: Executor = db(),
): Promise<TConversionCounts[]> {
  return executeRows<TConversionCounts>(
    sql`select d.treatment, count(*)::int as assigned,
        (count(*) filter (where exists (
          select 1 from events e
          where e.workspace_id = ${workspaceId} and e.contact_id = d.contact_id
            and e.name = ${conversion.event}
            and e.occurred_at >= coalesce(d.not_before, r.snapshot_at, r.scheduled_for)
            and e.occurred_at < coalesce(d.not_before, r.snapshot_at, r.scheduled_for)
              + make_interval(days => ${conversion.windowDays}))))::int as converted
      from campaign_runs r join campaign_deliveries d on d.run_id = r.id
      where r.id = ${runId} and r.workspace_id = ${workspaceId}
        and d.status not in ('cancelled', 'expired')
      group by d.treatment order by d.treatment nulls last`,
    ex,
  );
}

/** Each contact of a run with its group, in contact order (the demo seed's conversions). */
export async function listDeliveryGroups(workspaceId: string, runId: string, ex: Executor = db()) {
  const rows = await executeRows<{ contact_id: string; treatment: number | null }>(
    sql`select d.contact_id, d.treatment from campaign_deliveries d
      where d.run_id = (select id from campaign_runs where id = ${runId} and workspace_id = ${workspaceId})
      order by d.contact_id`,
    ex,
  );
  return rows.map((r) => ({ contactId: r.contact_id, treatment: r.treatment }));
}
