import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { campaignRuns } from "@/db/schema";
import type { TCampaignDeliveryStatus } from "@/db/schema";

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/** A claim older than this was lost with its worker (longer than a batch ever takes). */
export const STALE_CLAIM_SECONDS = 300;

/**
 * Claims up to `limit` unsettled deliveries of the slice [from, to) for this worker: queued ones
 * whose local send time (if any) has come at `now`, or ones whose claim went stale. `FOR UPDATE
 * SKIP LOCKED` lets several workers drain the same run (or slice) at once without waiting on, or
 * taking, each other's rows.
 */
export async function claimDeliveries(
  runId: string,
  slice: { from: string; to: string | null },
  limit: number,
  now: Date,
  opts: {
    /**
     * A warming sender's few daily sends go to the contacts seen most recently, across the whole
     * run (any slice's worker may take them; SKIP LOCKED keeps them apart).
     */
    mostEngagedFirst?: boolean;
  } = {},
  ex: Executor = db(),
) {
  return executeRows<{ contact_id: string; treatment: number | null }>(
    sql`update campaign_deliveries d set status = 'sending', claimed_at = now()
      from (
        select q.contact_id from campaign_deliveries q
        ${opts.mostEngagedFirst ? sql`left join contacts c on c.id = q.contact_id` : sql``}
        where q.run_id = ${runId}
          ${
            // Warming: the whole run's most engaged, not each slice's (the day's cap is small).
            opts.mostEngagedFirst
              ? sql``
              : sql`and q.contact_id >= ${slice.from}::uuid ${slice.to ? sql`and q.contact_id < ${slice.to}::uuid` : sql``}`
          }
          and ((q.status = 'queued' and (q.not_before is null or q.not_before <= ${now.toISOString()}::timestamptz))
            or (q.status = 'sending' and q.claimed_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})))
        order by ${opts.mostEngagedFirst ? sql`c.last_seen_at desc nulls last, ` : sql``}q.contact_id limit ${limit}
        for update of q skip locked
      ) s
      where d.run_id = ${runId} and d.contact_id = s.contact_id
      returning d.contact_id, d.treatment`,
    ex,
  );
}

export type TSettledDelivery = {
  contactId: string;
  status: Exclude<TCampaignDeliveryStatus, "queued" | "sending">;
  messageId?: string | null;
};

/**
 * Settles claimed deliveries and takes exactly the rows it moved off the run's `pending` count in
 * the same statement's transaction: a delivery settled twice (a retried step) counts once.
 */
export async function settleDeliveries(
  runId: string,
  settled: TSettledDelivery[],
  ex: Executor,
): Promise<number> {
  if (!settled.length) return 0;
  const payload = settled.map((s) => ({
    contact_id: s.contactId,
    status: s.status,
    message_id: s.messageId ?? null,
  }));
  const [row] = await executeRows<{ n: number }>(
    sql`with moved as (
        update campaign_deliveries d
        set status = x.status::campaign_delivery_status, message_id = x.message_id, settled_at = now(), claimed_at = null
        from jsonb_to_recordset(${json(payload)}) as x(contact_id uuid, status text, message_id uuid)
        where d.run_id = ${runId} and d.contact_id = x.contact_id and d.status = 'sending'
        returning 1
      ), counted as (
        update campaign_runs set pending = pending - (select count(*) from moved) where id = ${runId}
      )
      select count(*)::int as n from moved`,
    ex,
  );
  return row?.n ?? 0;
}

/** The earliest local send time still ahead in the slice (a local-time run), or null. */
export async function nextNotBefore(
  runId: string,
  slice: { from: string; to: string | null },
  ex: Executor = db(),
): Promise<Date | null> {
  const [row] = await executeRows<{ at: string | null }>(
    sql`select min(not_before) as at from campaign_deliveries
      where run_id = ${runId} and contact_id >= ${slice.from}::uuid
        ${slice.to ? sql`and contact_id < ${slice.to}::uuid` : sql``}
        and status = 'queued' and not_before is not null`,
    ex,
  );
  return row?.at ? new Date(row.at) : null;
}

/**
 * Puts claimed deliveries back in the queue (handed back on shutdown, a retryable provider
 * failure), each not before `notBefore` when given: the provider's Retry-After or the backoff.
 */
export async function releaseDeliveries(
  runId: string,
  released: { contactId: string; notBefore?: Date }[],
  ex: Executor = db(),
) {
  if (!released.length) return;
  const payload = released.map((r) => ({
    contact_id: r.contactId,
    not_before: r.notBefore?.toISOString() ?? null,
  }));
  await ex.execute(sql`update campaign_deliveries d set status = 'queued', claimed_at = null,
      not_before = coalesce(greatest(x.not_before, d.not_before), d.not_before)
    from jsonb_to_recordset(${json(payload)}) as x(contact_id uuid, not_before timestamptz)
    where d.run_id = ${runId} and d.status = 'sending' and d.contact_id = x.contact_id`);
}

/**
 * Drops what is still queued (or stale-claimed: its worker is gone) as `expired`, or as
 * `cancelled` when the run is cancelled. A fresh claim is left to its worker, which settles it.
 */
export async function dropUnsent(
  runId: string,
  to: "expired" | "cancelled" = "expired",
  ex: Executor = db(),
): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    sql`with moved as (
        update campaign_deliveries set status = ${to}::campaign_delivery_status, settled_at = now(), claimed_at = null
        where run_id = ${runId} and (status = 'queued' or (status = 'sending' and claimed_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})))
        returning 1
      ), counted as (
        update campaign_runs set pending = pending - (select count(*) from moved) where id = ${runId}
      )
      select count(*)::int as n from moved`,
    ex,
  );
  return row?.n ?? 0;
}

/** The run and whether it may still send (a paused or cancelled run's workers stop). */
export async function runSendState(runId: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ status: campaignRuns.status, expiresAt: campaignRuns.expiresAt })
    .from(campaignRuns)
    .where(eq(campaignRuns.id, runId));
  return row ?? null;
}
