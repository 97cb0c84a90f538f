import { sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import type { TMessageFilter } from "./analytics-messages";

// The dashboard figures counted straight from the raw rows, without the rollups: the reference the
// rollup queries are tested against and benchmarked beside. Written independently of the refresh SQL.

type TGroup = "none" | "day" | "channel" | "template" | "node";
const GROUP_KEY: Record<Exclude<TGroup, "day">, SQL> = {
  none: sql`'all'`,
  channel: sql`f.channel::text`,
  template: sql`f.template_id::text || ':' || f.template_version`,
  node: sql`f.origin->>'nodeId'`,
};

/** Per group key and event type: messages whose first event of that type fell on a day of the range. */
export async function rawMessageCounts(
  workspaceId: string,
  timeZone: string,
  f: TMessageFilter,
  group: TGroup,
  ex: Executor = db(),
) {
  const cond = [sql`e.workspace_id = ${workspaceId}`, sql`not m.is_test`];
  if (f.channel) cond.push(sql`m.channel = ${f.channel}`);
  if (f.journeyId)
    cond.push(sql`m.origin->>'kind' = 'journey' and m.origin->>'journeyId' = ${f.journeyId}`);
  if (f.templateId) cond.push(sql`m.template_id = ${f.templateId}::uuid`);
  const key =
    group === "day"
      ? sql`to_char((f.first_at at time zone ${timeZone})::date, 'YYYY-MM-DD')`
      : GROUP_KEY[group];
  const rows = await executeRows<{ key: string | null; type: string; n: number }>(
    sql`select ${key} as key, f.type::text as type, count(*)::int as n from (
          select e.message_id, e.type, min(e.occurred_at) as first_at, m.channel, m.template_id, m.template_version, m.origin
          from message_events e join messages m on m.id = e.message_id
          where ${sql.join(cond, sql` and `)}
          group by e.message_id, e.type, m.channel, m.template_id, m.template_version, m.origin
        ) f
        where (f.first_at at time zone ${timeZone})::date between ${f.from}::date and ${f.to}::date
        group by 1, 2`,
    ex,
  );
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const k = r.key ?? "";
    const bucket = out.get(k) ?? {};
    bucket[r.type] = r.n;
    out.set(k, bucket);
  }
  return out;
}

/** Entries, exits by kind and conversions per day of the range, from journey_entries. */
export async function rawJourneyFlow(
  workspaceId: string,
  journeyId: string | null,
  timeZone: string,
  r: { from: string; to: string },
  ex: Executor = db(),
) {
  const j = journeyId ? sql`and journey_id = ${journeyId}::uuid` : sql``;
  const inRange = (col: SQL) =>
    sql`(${col} at time zone ${timeZone})::date between ${r.from}::date and ${r.to}::date`;
  const [row] = await executeRows<{
    entered: number;
    exited: number;
    completed: number;
    cancelled: number;
    converted: number;
  }>(
    sql`select
      (select count(*)::int from journey_entries where workspace_id = ${workspaceId} ${j} and ${inRange(sql`created_at`)}) as entered,
      (select count(*)::int from journey_entries where workspace_id = ${workspaceId} ${j} and status = 'exited' and ${inRange(sql`exited_at`)}) as exited,
      (select count(*)::int from journey_entries where workspace_id = ${workspaceId} ${j} and status = 'completed' and ${inRange(sql`exited_at`)}) as completed,
      (select count(*)::int from journey_entries where workspace_id = ${workspaceId} ${j} and status = 'cancelled' and ${inRange(sql`exited_at`)}) as cancelled,
      (select count(*)::int from journey_entries where workspace_id = ${workspaceId} ${j} and converted and exited_at is not null and ${inRange(sql`exited_at`)}) as converted`,
    ex,
  );
  return row ?? { entered: 0, exited: 0, completed: 0, cancelled: 0, converted: 0 };
}

/** Per node and outcome: visits passed in the range and how many of those entries converted. */
export async function rawNodeOutcomes(
  workspaceId: string,
  journeyId: string,
  timeZone: string,
  r: { from: string; to: string },
  ex: Executor = db(),
) {
  return executeRows<{ node_id: string; outcome: string; passed: number; converted: number }>(
    sql`select v.node_id, v.outcome, count(*)::int as passed, count(*) filter (where e.converted)::int as converted
        from journey_node_visits v join journey_entries e on e.id = v.entry_id
        where e.workspace_id = ${workspaceId} and v.journey_id = ${journeyId}::uuid
          and (v.passed_at at time zone ${timeZone})::date between ${r.from}::date and ${r.to}::date
        group by 1, 2 order by 1, 2`,
    ex,
  );
}
