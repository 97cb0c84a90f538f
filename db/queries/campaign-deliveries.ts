import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { findContactsAccounts } from "./accounts";
import { campaignRuns, channelSubscriptions, contacts, pushTokens } from "@/db/schema";
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
  ex: Executor = db(),
) {
  return executeRows<{ contact_id: string; treatment: number | null }>(
    sql`update campaign_deliveries d set status = 'sending', claimed_at = now()
      from (
        select contact_id from campaign_deliveries
        where run_id = ${runId} and contact_id >= ${slice.from}::uuid
          ${slice.to ? sql`and contact_id < ${slice.to}::uuid` : sql``}
          and ((status = 'queued' and (not_before is null or not_before <= ${now.toISOString()}::timestamptz))
            or (status = 'sending' and claimed_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})))
        order by contact_id limit ${limit}
        for update skip locked
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

/** Puts claimed deliveries back in the queue (a retryable provider failure, a paused run). */
export async function releaseDeliveries(runId: string, contactIds: string[], ex: Executor = db()) {
  if (!contactIds.length) return;
  await ex.execute(sql`update campaign_deliveries set status = 'queued', claimed_at = null
    where run_id = ${runId} and status = 'sending'
      and contact_id in (select (jsonb_array_elements_text(${json(contactIds)}))::uuid)`);
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

/**
 * Profiles, opt-ins, devices and accounts of a batch of contacts: four queries, not four per
 * contact.
 */
export async function loadSendContacts(
  workspaceId: string,
  contactIds: string[],
  ex: Executor = db(),
) {
  if (!contactIds.length) return new Map();
  const [rows, subscriptions, tokens, accounts] = await Promise.all([
    ex
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, contactIds))),
    ex
      .select({
        contactId: channelSubscriptions.contactId,
        channel: channelSubscriptions.channel,
        status: channelSubscriptions.status,
        source: channelSubscriptions.source,
        changedAt: channelSubscriptions.changedAt,
      })
      .from(channelSubscriptions)
      .where(
        and(
          eq(channelSubscriptions.workspaceId, workspaceId),
          inArray(channelSubscriptions.contactId, contactIds),
        ),
      ),
    ex
      .select({
        contactId: pushTokens.contactId,
        token: pushTokens.token,
        platform: pushTokens.platform,
        lastSeenAt: pushTokens.lastSeenAt,
      })
      .from(pushTokens)
      .where(
        and(eq(pushTokens.workspaceId, workspaceId), inArray(pushTokens.contactId, contactIds)),
      )
      .orderBy(desc(pushTokens.lastSeenAt)),
    findContactsAccounts(workspaceId, contactIds, ex),
  ]);
  const byId = new Map(
    rows.map((contact) => [
      contact.id,
      {
        contact,
        subscriptions: [] as Omit<(typeof subscriptions)[number], "contactId">[],
        pushTokens: [] as Omit<(typeof tokens)[number], "contactId">[],
        accounts: accounts.get(contact.id) ?? [],
      },
    ]),
  );
  for (const { contactId, ...s } of subscriptions) byId.get(contactId)?.subscriptions.push(s);
  for (const { contactId, ...t } of tokens) byId.get(contactId)?.pushTokens.push(t);
  return byId;
}

/**
 * Contacts of the batch suppressed on this channel: a message to them bounced. (A separate
 * suppression list would join here too.)
 */
export async function suppressedContacts(
  workspaceId: string,
  channel: string,
  contactIds: string[],
  ex: Executor = db(),
): Promise<Set<string>> {
  if (!contactIds.length) return new Set();
  const rows = await executeRows<{ contact_id: string }>(
    sql`select distinct contact_id from messages
      where workspace_id = ${workspaceId} and channel = ${channel}::message_channel and status = 'bounced'
        and contact_id in (select (jsonb_array_elements_text(${json(contactIds)}))::uuid)`,
    ex,
  );
  return new Set(rows.map((r) => r.contact_id));
}

/** Messages each contact of the batch was sent since `since` (every origin: one global cap). */
export async function recentSendCounts(
  workspaceId: string,
  contactIds: string[],
  since: Date,
  ex: Executor = db(),
): Promise<Map<string, number>> {
  if (!contactIds.length) return new Map();
  const rows = await executeRows<{ contact_id: string; n: number }>(
    sql`select contact_id, count(*)::int as n from messages
      where workspace_id = ${workspaceId} and is_test = false and status in ('sent', 'delivered')
        and sent_at >= ${since.toISOString()}::timestamptz
        and contact_id in (select (jsonb_array_elements_text(${json(contactIds)}))::uuid)
      group by contact_id`,
    ex,
  );
  return new Map(rows.map((r) => [r.contact_id, r.n]));
}

/** Messages this campaign has sent each contact, over all its runs (its total cap per contact). */
export async function campaignSendCounts(
  campaignId: string,
  contactIds: string[],
  ex: Executor = db(),
): Promise<Map<string, number>> {
  if (!contactIds.length) return new Map();
  const rows = await executeRows<{ contact_id: string; n: number }>(
    sql`select d.contact_id, count(*)::int as n
      from campaign_runs r join campaign_deliveries d on d.run_id = r.id
      where r.campaign_id = ${campaignId} and d.status = 'sent'
        and d.contact_id in (select (jsonb_array_elements_text(${json(contactIds)}))::uuid)
      group by d.contact_id`,
    ex,
  );
  return new Map(rows.map((r) => [r.contact_id, r.n]));
}

/** The run and whether it may still send (a paused or cancelled run's workers stop). */
export async function runSendState(runId: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ status: campaignRuns.status, expiresAt: campaignRuns.expiresAt })
    .from(campaignRuns)
    .where(eq(campaignRuns.id, runId));
  return row ?? null;
}
