import { sql } from "drizzle-orm";
import { type Executor, db } from "@/db";
import { executeRows } from "@/db/execute-rows";

/**
 * Active entries still at their trigger node well after entering: their start event never reached
 * the executor (it was down, or the process died between the commit and the send). Only entries
 * younger than a day: Inngest drops a repeated event id for 24 hours, so re-sending stays harmless.
 * Entries whose start event the local executor already holds are left out: at audience scale a
 * wave of 100,000 runs is queued longer than the grace, and re-sending them all would be wasted
 * work (an executor elsewhere, Inngest's, keeps no `executor_events` here and relies on its dedup).
 */
export async function listStalledEntriesAnyWorkspace(
  input: { olderThan: Date; newerThan: Date; limit: number },
  ex: Executor = db(),
) {
  return executeRows<{ id: string; journey_id: string; version: number; contact_id: string }>(
    sql`select e.id, e.journey_id, e.version, e.contact_id
      from journey_entries e
      join journey_versions v on v.journey_id = e.journey_id and v.version = e.version
      where e.status = 'active' and e.created_at < ${input.olderThan.toISOString()}::timestamptz and e.created_at > ${input.newerThan.toISOString()}::timestamptz
        and e.current_node_id = v.plan ->> 'entryStepId'
        and not exists (select 1 from executor_events ev where ev.id = 'entry-' || e.id)
      order by e.created_at
      limit ${input.limit}`,
    ex,
  );
}
