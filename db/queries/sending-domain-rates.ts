import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

export type TDomainRates = { domain: string; sent: number; bounces: number; complaints: number };
export type TDomainRateDay = TDomainRates & { day: string };

const counts = <T extends TDomainRates>(r: T): T => ({
  ...r,
  sent: Number(r.sent),
  bounces: Number(r.bounces),
  complaints: Number(r.complaints),
});

/**
 * Per sending domain (the From address's, stored on each email as sent) since `since`: real
 * emails sent and the bounces and complaints feedback named. Unlike the per-provider figures,
 * feedback naming no message Waymark knows has no domain and is left out: a domain's rate is
 * only ever about mail sent from it.
 */
export async function sendingDomainRates(
  workspaceId: string,
  since: Date,
  ex: Executor = db(),
): Promise<TDomainRates[]> {
  const rows = await executeRows<TDomainRates>(
    sql`with sent as (
        select sending_domain as domain, count(*)::int as n from messages
        where workspace_id = ${workspaceId} and is_test = false and sending_domain is not null
          and sent_at >= ${since.toISOString()}::timestamptz
        group by 1
      ), fb as (
        select m.sending_domain as domain,
          count(*) filter (where f.type in ('hard_bounce', 'soft_bounce'))::int as bounces,
          count(*) filter (where f.type = 'complaint')::int as complaints
        from delivery_feedback f
        join messages m on m.id = f.message_id and m.workspace_id = f.workspace_id
        where f.workspace_id = ${workspaceId} and f.occurred_at >= ${since.toISOString()}::timestamptz
          and m.sending_domain is not null and m.is_test = false
        group by 1
      )
      select coalesce(sent.domain, fb.domain) as domain, coalesce(sent.n, 0) as sent,
        coalesce(fb.bounces, 0) as bounces, coalesce(fb.complaints, 0) as complaints
      from sent full join fb on fb.domain = sent.domain
      order by 1`,
    ex,
  );
  return rows.map(counts);
}

/**
 * The same per domain and day (UTC) for the dashboard's chart; feedback counts on the day its
 * message was sent, as for providers (db/queries/suppressions.ts `senderRatesByDay`).
 */
export async function sendingDomainRatesByDay(
  workspaceId: string,
  since: Date,
  ex: Executor = db(),
): Promise<TDomainRateDay[]> {
  const rows = await executeRows<TDomainRateDay>(
    sql`with sent as (
        select sending_domain as domain, to_char(sent_at at time zone 'UTC', 'YYYY-MM-DD') as day,
          count(*)::int as n
        from messages
        where workspace_id = ${workspaceId} and is_test = false and sending_domain is not null
          and sent_at >= ${since.toISOString()}::timestamptz
        group by 1, 2
      ), fb as (
        select m.sending_domain as domain,
          to_char(m.sent_at at time zone 'UTC', 'YYYY-MM-DD') as day,
          count(*) filter (where f.type in ('hard_bounce', 'soft_bounce'))::int as bounces,
          count(*) filter (where f.type = 'complaint')::int as complaints
        from delivery_feedback f
        join messages m on m.id = f.message_id and m.workspace_id = f.workspace_id
        where f.workspace_id = ${workspaceId} and m.sending_domain is not null
          and m.is_test = false and m.sent_at >= ${since.toISOString()}::timestamptz
        group by 1, 2
      )
      select coalesce(sent.domain, fb.domain) as domain, coalesce(sent.day, fb.day) as day,
        coalesce(sent.n, 0) as sent, coalesce(fb.bounces, 0) as bounces,
        coalesce(fb.complaints, 0) as complaints
      from sent full join fb on fb.domain = sent.domain and fb.day = sent.day
      order by 2, 1`,
    ex,
  );
  return rows.map(counts);
}
