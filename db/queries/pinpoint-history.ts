import { sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

// The imported Pinpoint history's daily counts (db/schema/analytics.ts `pinpoint_history_daily`):
// recomputed from the contact events the event-stream import stored, and read by the overview.
// Which Pinpoint type counts as what comes from lib/pinpoint/events/engagement-metrics.ts.

export const PINPOINT_HISTORY_METRICS = [
  "sent",
  "delivered",
  "opened",
  "clicked",
  "bounced",
  "failed",
  "unsubscribed",
  "replied",
] as const;
export type TPinpointHistoryMetric = (typeof PINPOINT_HISTORY_METRICS)[number];
export type TPinpointHistoryCounts = Record<TPinpointHistoryMetric, number>;
/** A Pinpoint event type, the name it is stored under, and what it counts as. */
export type TPinpointHistoryKind = {
  type: string;
  name: string;
  channel: "email" | "sms" | "push";
  metric: TPinpointHistoryMetric;
};

const columns = sql.raw(PINPOINT_HISTORY_METRICS.join(", "));
const counts = sql.raw(
  PINPOINT_HISTORY_METRICS.map((m) => `count(*) filter (where k.metric = '${m}')::int`).join(", "),
);
const kindsTable = (kinds: TPinpointHistoryKind[]) =>
  sql`(values ${sql.join(
    kinds.map(
      (k) => sql`(${k.type}::text, ${k.name}::text, ${k.channel}::text, ${k.metric}::text)`,
    ),
    sql`, `,
  )}) as k(type, name, channel, metric)`;
const nameList = (kinds: TPinpointHistoryKind[]) =>
  sql.join(
    [...new Set(kinds.map((k) => k.name))].map((n) => sql`${n}`),
    sql`, `,
  );

/**
 * Recounts and the full rebuild take turns: two batches committing the same day must not each count
 * it without the other's events, nor a batch insert beside a rebuild that did not see its events.
 * Each statement after the wait reads what the other committed (read committed).
 */
const lockHistory = (ex: Executor) =>
  ex.execute(sql`select pg_advisory_xact_lock(hashtextextended('pinpoint_history_daily', 0))`);

/**
 * Recomputes the workspace's buckets for the days (in its zone) on which `times` fall, from its
 * events: deleted and counted again, so a repeat (an event already stored, a batch run twice)
 * changes nothing. Each day is one range scan of the (workspace, name, time) index per name.
 * Called at the end of an import batch's transaction, so the lock is held only until it commits.
 */
export async function recomputePinpointHistoryDays(
  workspaceId: string,
  times: Date[],
  kinds: TPinpointHistoryKind[],
  ex: Executor,
) {
  if (!times.length || !kinds.length) return 0;
  await lockHistory(ex);
  const isoTimes = [...new Set(times.map((t) => t.toISOString()))];
  const days = await executeRows<{ day: string }>(
    sql`select distinct to_char((t at time zone w.timezone)::date, 'YYYY-MM-DD') as day
        from unnest(array[${sql.join(
          isoTimes.map((t) => sql`${t}`),
          sql`, `,
        )}]::timestamptz[]) t, workspaces w
        where w.id = ${workspaceId}`,
    ex,
  );
  if (!days.length) return 0;
  const dayList: SQL = sql.join(
    days.map((d) => sql`${d.day}::date`),
    sql`, `,
  );
  await ex.execute(
    sql`delete from pinpoint_history_daily where workspace_id = ${workspaceId} and day in (${dayList})`,
  );
  await ex.execute(sql`
    insert into pinpoint_history_daily (workspace_id, day, channel, ${columns})
    select ${workspaceId}::uuid, d.day, k.channel::message_channel, ${counts}
    from (select unnest(array[${dayList}]) as day) d
    cross join (select timezone from workspaces where id = ${workspaceId}) w
    cross join lateral (
      select e.name, e.properties->>'pinpointEventType' as type from events e
      where e.workspace_id = ${workspaceId} and e.name in (${nameList(kinds)})
        and e.occurred_at >= (d.day::timestamp at time zone w.timezone)
        and e.occurred_at < ((d.day + 1)::timestamp at time zone w.timezone)
      offset 0
    ) e
    join ${kindsTable(kinds)} on k.name = e.name and k.type = e.type
    group by d.day, k.channel`);
  return days.length;
}

/** Every workspace's buckets from all their events (the full rollup rebuild). */
export async function rebuildPinpointHistoryAnyWorkspace(
  kinds: TPinpointHistoryKind[],
  ex: Executor,
) {
  await lockHistory(ex);
  await ex.execute(sql`delete from pinpoint_history_daily where true`);
  if (!kinds.length) return;
  await ex.execute(sql`
    insert into pinpoint_history_daily (workspace_id, day, channel, ${columns})
    select e.workspace_id, (e.occurred_at at time zone w.timezone)::date, k.channel::message_channel, ${counts}
    from events e
    join workspaces w on w.id = e.workspace_id
    join ${kindsTable(kinds)} on k.name = e.name and k.type = e.properties->>'pinpointEventType'
    where e.name in (${nameList(kinds)})
    group by 1, 2, 3`);
}

/** Per day and channel of the range, the workspace's imported counts (only days that have some). */
export async function pinpointHistoryByDay(
  workspaceId: string,
  f: { from: string; to: string; channel?: string | null },
  ex: Executor = db(),
) {
  const channel = f.channel ? sql`and channel = ${f.channel}` : sql``;
  return executeRows<{ day: string; channel: string } & TPinpointHistoryCounts>(
    sql`select to_char(day, 'YYYY-MM-DD') as day, channel::text as channel, ${columns}
        from pinpoint_history_daily
        where workspace_id = ${workspaceId} and day between ${f.from}::date and ${f.to}::date ${channel}
        order by 1, 2`,
    ex,
  );
}

/** The first and last day the workspace has imported history on (null: none). */
export async function pinpointHistorySpan(
  workspaceId: string,
  ex: Executor = db(),
): Promise<{ first: string; last: string } | null> {
  const [row] = await executeRows<{ first: string | null; last: string | null }>(
    sql`select to_char(min(day), 'YYYY-MM-DD') as first, to_char(max(day), 'YYYY-MM-DD') as last
        from pinpoint_history_daily where workspace_id = ${workspaceId}`,
    ex,
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
