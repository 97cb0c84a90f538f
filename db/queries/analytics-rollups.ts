import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { MESSAGE_EVENT_TYPES } from "@/db/schema";

// The rollup refresh's SQL (lib/analytics/refresh-rollups.ts decides what to run when). Each step
// deletes whole (workspace, day) buckets and recomputes them from the raw rows, so running a step
// twice, or over a day that did not change, is harmless.

const typeCounts = sql.raw(
  MESSAGE_EVENT_TYPES.map((t) => `count(*) filter (where f.type = '${t}')::int`).join(", "),
);
const typeColumns = sql.raw(MESSAGE_EVENT_TYPES.join(", "));

const UUID_RE = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
/** An id inside messages.origin, or null: a malformed origin must not fail the whole refresh. */
const originId = (kind: string, key: string) =>
  sql.raw(
    `case when m.origin->>'kind' = '${kind}' and m.origin->>'${key}' ~* '${UUID_RE}' then (m.origin->>'${key}')::uuid end`,
  );
const originJourney = originId("journey", "journeyId");
/** The dimensions every message row is grouped by, after (workspace, day). */
const dimensionColumns = sql.raw(
  "channel, template_id, template_version, journey_id, node_id, campaign_id, campaign_run_id, treatment",
);
const dimensions = sql`m.channel, m.template_id, m.template_version, ${originJourney},
  case when m.origin->>'kind' = 'journey' then m.origin->>'nodeId' end,
  ${originId("campaign", "campaignId")}, ${originId("campaign", "runId")},
  case when m.origin->>'kind' = 'campaign' and m.origin->>'treatment' ~ '^[0-9]{1,2}$' then (m.origin->>'treatment')::smallint end`;
const dimensionGroups = sql.raw("group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10");

export async function lockRefreshState(source: string, ex: Executor) {
  await ex.execute(
    sql`insert into analytics_refresh_state (source) values (${source}) on conflict (source) do nothing`,
  );
  const [row] = await executeRows<{ safe_id: string | number; refreshed_at: Date | string | null }>(
    sql`select safe_id, refreshed_at from analytics_refresh_state where source = ${source} for update`,
    ex,
  );
  return { safeId: Number(row?.safe_id ?? 0), neverRefreshed: !row?.refreshed_at };
}

export async function saveRefreshState(source: string, safeId: number, ex: Executor) {
  await ex.execute(
    sql`update analytics_refresh_state set safe_id = ${safeId}, refreshed_at = now() where source = ${source}`,
  );
}

/**
 * The highest message event id below which every row is committed (or rolled back). Event ids come
 * from a sequence, so a slow transaction can commit an id below one already visible. A SHARE lock
 * waits for every transaction that has written to message_events to end, and holds new writers off
 * only for the one index lookup that follows, then is released with this short transaction.
 */
export async function settledMaxEventId(): Promise<number> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`lock table message_events in share mode`);
    const [row] = await executeRows<{ max: string | number | null }>(
      sql`select max(id) as max from message_events`,
      tx,
    );
    return Number(row?.max ?? 0);
  });
}

/**
 * Marks the (workspace, day) buckets to recompute: with `ids`, every day on which any message
 * that has an event in that id range had an event (a late first open can move the day a message
 * counts as opened).
 */
export async function markMessageDaysAnyWorkspace(
  ids: { after: number; upTo: number },
  ex: Executor,
) {
  await ex.execute(
    sql`create temp table _msg_days (workspace_id uuid, day date, primary key (workspace_id, day)) on commit drop`,
  );
  const touched = sql`e.message_id in (select message_id from message_events where id > ${ids.after} and id <= ${ids.upTo})`;
  await ex.execute(sql`
    insert into _msg_days
    select distinct e.workspace_id, (e.occurred_at at time zone w.timezone)::date
    from message_events e join workspaces w on w.id = e.workspace_id
    where ${touched}`);
  // A temp table has no statistics until analysed; without them the planner nests loops over it.
  await ex.execute(sql`analyze _msg_days`);
  const [row] = await executeRows<{ n: number }>(sql`select count(*)::int as n from _msg_days`, ex);
  return row?.n ?? 0;
}

/** Recomputes the marked buckets: each message once per event type, on its first such event's day. */
export async function recomputeMessageDaysAnyWorkspace(ex: Executor) {
  await ex.execute(
    sql`delete from message_daily_rollup r using _msg_days d where r.workspace_id = d.workspace_id and r.day = d.day`,
  );
  await ex.execute(sql`
    insert into message_daily_rollup (workspace_id, day, ${dimensionColumns}, ${typeColumns})
    with cand as (
      -- Lateral (kept apart by offset 0), so each day is one range scan of the (workspace, time) index,
      -- not a join filter comparing every event with every day.
      select distinct e.message_id
      from _msg_days d join workspaces w on w.id = d.workspace_id
      cross join lateral (
        select message_id from message_events e where e.workspace_id = d.workspace_id
          and e.occurred_at >= (d.day::timestamp at time zone w.timezone) and e.occurred_at < ((d.day + 1)::timestamp at time zone w.timezone)
        offset 0
      ) e
    ), firsts as (
      select e.workspace_id, e.message_id, e.type, min(e.occurred_at) as first_at
      from message_events e where e.message_id in (select message_id from cand)
      group by 1, 2, 3
    ), bucketed as (
      select f.message_id, f.type, f.workspace_id, (f.first_at at time zone w.timezone)::date as day
      from firsts f join workspaces w on w.id = f.workspace_id
    )
    select f.workspace_id, f.day, ${dimensions}, ${typeCounts}
    from bucketed f
    join _msg_days d on d.workspace_id = f.workspace_id and d.day = f.day
    join messages m on m.id = f.message_id and m.workspace_id = f.workspace_id and not m.is_test
    ${dimensionGroups}`);
}

/**
 * Journey rollups for the days from `trailingDays` before today (per workspace zone) on, or every
 * day when null. Node buckets also include the passing days of entries that exited in the window,
 * since an entry's conversion is only known when it exits.
 */
export async function recomputeJourneyDaysAnyWorkspace(
  trailingDays: number | null,
  now: Date,
  ex: Executor,
) {
  const cutoff =
    trailingDays === null
      ? sql`date '1970-01-01'`
      : sql`(${now.toISOString()}::timestamptz at time zone w.timezone)::date - ${trailingDays}::int`;
  await ex.execute(sql`
    create temp table _j_cut on commit drop as
    select w.id as workspace_id, w.timezone as tz, (${cutoff})::date as cutoff, ((${cutoff})::date::timestamp at time zone w.timezone) as cutoff_at
    from workspaces w`);
  await ex.execute(sql`analyze _j_cut`);
  await ex.execute(
    sql`delete from journey_daily_rollup r using _j_cut c where r.workspace_id = c.workspace_id and r.day >= c.cutoff`,
  );
  await ex.execute(sql`
    insert into journey_daily_rollup (workspace_id, journey_id, day, entered, exited, completed, cancelled, converted)
    select workspace_id, journey_id, day, sum(entered)::int, sum(exited)::int, sum(completed)::int, sum(cancelled)::int, sum(converted)::int from (
      select e.workspace_id, e.journey_id, (e.created_at at time zone c.tz)::date as day, 1 as entered, 0 as exited, 0 as completed, 0 as cancelled, 0 as converted
      from journey_entries e join _j_cut c on c.workspace_id = e.workspace_id where e.created_at >= c.cutoff_at
      union all
      select e.workspace_id, e.journey_id, (e.exited_at at time zone c.tz)::date, 0, (e.status = 'exited')::int, (e.status = 'completed')::int, (e.status = 'cancelled')::int, e.converted::int
      from journey_entries e join _j_cut c on c.workspace_id = e.workspace_id where e.exited_at >= c.cutoff_at
    ) x group by 1, 2, 3`);
  await ex.execute(sql`
    create temp table _j_days on commit drop as
    select distinct e.workspace_id, v.journey_id, (v.passed_at at time zone c.tz)::date as day
    from journey_node_visits v join journey_entries e on e.id = v.entry_id join _j_cut c on c.workspace_id = e.workspace_id
    where v.passed_at >= c.cutoff_at or e.exited_at >= c.cutoff_at`);
  await ex.execute(sql`analyze _j_days`);
  await ex.execute(
    sql`delete from journey_node_daily_rollup r using _j_cut c where r.workspace_id = c.workspace_id and r.day >= c.cutoff`,
  );
  await ex.execute(
    sql`delete from journey_node_daily_rollup r using _j_days d where r.journey_id = d.journey_id and r.day = d.day`,
  );
  await ex.execute(sql`
    insert into journey_node_daily_rollup (workspace_id, journey_id, day, node_id, outcome, passed, converted)
    select e.workspace_id, v.journey_id, d.day, v.node_id, v.outcome, count(*)::int, count(*) filter (where e.converted)::int
    from journey_node_visits v join journey_entries e on e.id = v.entry_id join _j_cut c on c.workspace_id = e.workspace_id
    join _j_days d on d.journey_id = v.journey_id and d.day = (v.passed_at at time zone c.tz)::date
    group by 1, 2, 3, 4, 5`);
}

/** The full rebuild in one pass: every message's first event of each type, bucketed and counted. */
export async function recomputeAllMessageDaysAnyWorkspace(ex: Executor) {
  // One big aggregation: sort in memory rather than in many spill files (for this transaction only).
  await ex.execute(sql`set local work_mem = '128MB'`);
  await ex.execute(sql`
    insert into message_daily_rollup (workspace_id, day, ${dimensionColumns}, ${typeColumns})
    select f.workspace_id, (f.first_at at time zone w.timezone)::date, ${dimensions}, ${typeCounts}
    from (select workspace_id, message_id, type, min(occurred_at) as first_at from message_events group by 1, 2, 3) f
    join workspaces w on w.id = f.workspace_id
    join messages m on m.id = f.message_id and m.workspace_id = f.workspace_id and not m.is_test
    ${dimensionGroups}`);
}

/** Replaces every rollup row (the on-demand full rebuild). */
export async function truncateMessageRollupAnyWorkspace(ex: Executor) {
  await ex.execute(sql`delete from message_daily_rollup where true`);
}

export async function listZonesAnyWorkspace(ex: Executor) {
  return executeRows<{ id: string; timezone: string }>(
    sql`select id, timezone from workspaces`,
    ex,
  );
}

export async function upsertSegmentSnapshots(
  workspaceId: string,
  day: string,
  sizes: { segmentId: string; size: number }[],
  ex: Executor,
) {
  if (!sizes.length) return;
  const values = sql.join(
    sizes.map(
      (s) => sql`(${workspaceId}::uuid, ${s.segmentId}::uuid, ${day}::date, ${s.size}::int)`,
    ),
    sql`, `,
  );
  await ex.execute(sql`
    insert into segment_size_snapshots (workspace_id, segment_id, day, size) values ${values}
    on conflict (segment_id, day) do update set size = excluded.size, taken_at = now()`);
}

export async function segmentSnapshotTakenAt(workspaceId: string, day: string, ex: Executor) {
  const [row] = await executeRows<{ at: Date | string | null }>(
    sql`select max(taken_at) as at from segment_size_snapshots where workspace_id = ${workspaceId} and day = ${day}::date`,
    ex,
  );
  return row?.at ? new Date(row.at) : null;
}

/** When the rollups were last brought up to date (shown on the dashboards). */
export async function lastRefreshedAt(ex: Executor): Promise<Date | null> {
  const [row] = await executeRows<{ at: Date | string | null }>(
    sql`select max(refreshed_at) as at from analytics_refresh_state`,
    ex,
  );
  return row?.at ? new Date(row.at) : null;
}
