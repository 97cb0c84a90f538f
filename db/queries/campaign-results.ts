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
