import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

// Dashboard figures over message_daily_rollup. Every function is scoped by workspace first.

export type TMessageFilter = {
  from: string;
  to: string;
  channel?: string | null;
  journeyId?: string | null;
  templateId?: string | null;
};
export const MESSAGE_METRICS = [
  "sent",
  "delivered",
  "opened",
  "clicked",
  "failed",
  "bounced",
  "unsubscribed",
  "replied",
] as const;
export type TMessageMetric = (typeof MESSAGE_METRICS)[number];
export type TMessageCounts = Record<TMessageMetric, number>;

const sums = sql.raw(MESSAGE_METRICS.map((m) => `coalesce(sum(${m}), 0)::int as ${m}`).join(", "));

function where(workspaceId: string, f: TMessageFilter) {
  const parts = [
    sql`workspace_id = ${workspaceId}`,
    sql`day between ${f.from}::date and ${f.to}::date`,
  ];
  if (f.channel) parts.push(sql`channel = ${f.channel}`);
  if (f.journeyId) parts.push(sql`journey_id = ${f.journeyId}::uuid`);
  if (f.templateId) parts.push(sql`template_id = ${f.templateId}::uuid`);
  return sql.join(parts, sql` and `);
}

export async function messageTotals(
  workspaceId: string,
  f: TMessageFilter,
  ex: Executor = db(),
): Promise<TMessageCounts> {
  const [row] = await executeRows<TMessageCounts>(
    sql`select ${sums} from message_daily_rollup where ${where(workspaceId, f)}`,
    ex,
  );
  return row ?? (Object.fromEntries(MESSAGE_METRICS.map((m) => [m, 0])) as TMessageCounts);
}

export async function messagesByDay(workspaceId: string, f: TMessageFilter, ex: Executor = db()) {
  return executeRows<TMessageCounts & { day: string }>(
    sql`select to_char(day, 'YYYY-MM-DD') as day, ${sums} from message_daily_rollup where ${where(workspaceId, f)} group by day order by day`,
    ex,
  );
}

export async function messagesByChannel(
  workspaceId: string,
  f: TMessageFilter,
  ex: Executor = db(),
) {
  return executeRows<TMessageCounts & { channel: string }>(
    sql`select channel::text as channel, ${sums} from message_daily_rollup where ${where(workspaceId, f)} group by channel order by channel`,
    ex,
  );
}

export async function messagesByDayAndChannel(
  workspaceId: string,
  f: TMessageFilter,
  ex: Executor = db(),
) {
  return executeRows<{ day: string; channel: string; sent: number }>(
    sql`select to_char(day, 'YYYY-MM-DD') as day, channel::text as channel, coalesce(sum(sent), 0)::int as sent from message_daily_rollup where ${where(workspaceId, f)} group by day, channel order by day, channel`,
    ex,
  );
}

/** Per template version (with the template's name and channel): the counts behind its rates. */
export async function messagesByTemplateVersion(
  workspaceId: string,
  f: TMessageFilter,
  ex: Executor = db(),
) {
  return executeRows<
    TMessageCounts & {
      template_id: string;
      template_version: number;
      name: string;
      channel: string;
    }
  >(
    sql`select r.template_id::text as template_id, r.template_version, t.name, r.channel::text as channel, ${sql.raw(MESSAGE_METRICS.map((m) => `coalesce(sum(r.${m}), 0)::int as ${m}`).join(", "))}
        from message_daily_rollup r join templates t on t.id = r.template_id and t.workspace_id = r.workspace_id
        where ${sql.join([sql`r.workspace_id = ${workspaceId}`, sql`r.day between ${f.from}::date and ${f.to}::date`, ...(f.channel ? [sql`r.channel = ${f.channel}`] : []), ...(f.journeyId ? [sql`r.journey_id = ${f.journeyId}::uuid`] : [])], sql` and `)}
        group by r.template_id, r.template_version, t.name, r.channel order by t.name, r.template_version`,
    ex,
  );
}

/** Per journey node that sends: the message counts, for the funnel and the canvas. */
export async function messagesByJourneyNode(
  workspaceId: string,
  journeyId: string,
  f: { from: string; to: string },
  ex: Executor = db(),
) {
  return executeRows<TMessageCounts & { node_id: string }>(
    sql`select node_id, ${sums} from message_daily_rollup where ${where(workspaceId, { ...f, journeyId })} and node_id is not null group by node_id`,
    ex,
  );
}
