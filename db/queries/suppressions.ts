import { and, desc, eq, gt, ilike, isNull, or, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import {
  deliverabilitySettings,
  deliveryFeedback,
  suppressions,
  type TSuppression,
} from "@/db/schema";

type TChannel = TSuppression["channel"];

/** Suppressions in force now: no expiry, or an expiry still ahead. */
const active = (now: Date) => or(isNull(suppressions.expiresAt), gt(suppressions.expiresAt, now));

/** The entry in force for one address, or null. */
export async function findActiveSuppression(
  workspaceId: string,
  channel: TChannel,
  address: string,
  now = new Date(),
  ex: Executor = db(),
) {
  const [row] = await ex
    .select()
    .from(suppressions)
    .where(
      and(
        eq(suppressions.workspaceId, workspaceId),
        eq(suppressions.channel, channel),
        eq(suppressions.address, address),
        active(now),
      ),
    );
  return row ?? null;
}

/** Of these (normalised) addresses, the ones suppressed on the channel now, with their reason. */
export async function activeSuppressions(
  workspaceId: string,
  channel: TChannel,
  addresses: string[],
  now = new Date(),
  ex: Executor = db(),
): Promise<Map<string, string>> {
  if (!addresses.length) return new Map();
  const rows = await executeRows<{ address: string; reason: string }>(
    sql`select address, reason from suppressions
      where workspace_id = ${workspaceId} and channel = ${channel}::message_channel
        and (expires_at is null or expires_at > ${now.toISOString()}::timestamptz)
        and address = any(${sql.param(addresses)}::text[])`,
    ex,
  );
  return new Map(rows.map((r) => [r.address, r.reason]));
}

export type TNewSuppression = {
  channel: TChannel;
  address: string;
  reason: string;
  source: string;
  detail?: Record<string, unknown>;
  messageId?: string | null;
  createdBy?: string | null;
  expiresAt?: Date | null;
  createdAt?: Date;
};

/**
 * Adds or refreshes an entry. A permanent entry is never weakened by a soft bounce: when the
 * address is already suppressed without expiry, an expiring entry changes nothing.
 */
export async function upsertSuppression(
  workspaceId: string,
  s: TNewSuppression,
  ex: Executor = db(),
) {
  const [row] = await ex
    .insert(suppressions)
    .values({
      ...s,
      workspaceId,
      detail: s.detail ?? {},
      expiresAt: s.expiresAt ?? null,
      ...(s.createdAt ? { createdAt: s.createdAt } : {}),
    })
    .onConflictDoUpdate({
      target: [suppressions.workspaceId, suppressions.channel, suppressions.address],
      set: {
        reason: sql`excluded.reason`,
        source: sql`excluded.source`,
        detail: sql`excluded.detail`,
        messageId: sql`excluded.message_id`,
        createdBy: sql`excluded.created_by`,
        createdAt: sql`excluded.created_at`,
        expiresAt: sql`excluded.expires_at`,
      },
      // Keep a permanent entry in force against an expiring one.
      setWhere: sql`excluded.expires_at is null or ${suppressions.expiresAt} is not null
        or ${suppressions.expiresAt} <= now()`,
    })
    .returning();
  return row ?? null;
}

export async function listSuppressions(
  workspaceId: string,
  opts: { q?: string; limit: number },
  ex: Executor = db(),
) {
  const q = opts.q?.trim().toLowerCase();
  return ex
    .select()
    .from(suppressions)
    .where(
      and(
        eq(suppressions.workspaceId, workspaceId),
        q ? ilike(suppressions.address, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
      ),
    )
    .orderBy(desc(suppressions.createdAt), desc(suppressions.id))
    .limit(opts.limit);
}

export async function countSuppressions(workspaceId: string, ex: Executor = db()) {
  const [row] = await executeRows<{ n: number }>(
    sql`select count(*)::int as n from suppressions where workspace_id = ${workspaceId}`,
    ex,
  );
  return Number(row?.n ?? 0);
}

export async function deleteSuppression(workspaceId: string, id: string, ex: Executor = db()) {
  const [row] = await ex
    .delete(suppressions)
    .where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.id, id)))
    .returning();
  return row ?? null;
}

/** Records one piece of feedback; null when (workspace, source, event id) was recorded before. */
export async function insertFeedbackOnce(
  row: typeof deliveryFeedback.$inferInsert,
  ex: Executor = db(),
) {
  const [inserted] = await ex
    .insert(deliveryFeedback)
    .values(row)
    .onConflictDoNothing()
    .returning();
  return inserted ?? null;
}

export async function countFeedbackSince(
  workspaceId: string,
  channel: TChannel,
  address: string,
  type: string,
  since: Date,
  ex: Executor = db(),
) {
  const [row] = await executeRows<{ n: number }>(
    sql`select count(*)::int as n from delivery_feedback
      where workspace_id = ${workspaceId} and channel = ${channel}::message_channel
        and address = ${address} and type = ${type} and occurred_at >= ${since.toISOString()}::timestamptz`,
    ex,
  );
  return Number(row?.n ?? 0);
}

export async function findDeliverabilitySettings(workspaceId: string, ex: Executor = db()) {
  const [row] = await ex
    .select()
    .from(deliverabilitySettings)
    .where(eq(deliverabilitySettings.workspaceId, workspaceId));
  return row ?? null;
}

export async function saveDeliverabilitySettings(
  workspaceId: string,
  set: Omit<typeof deliverabilitySettings.$inferInsert, "workspaceId">,
  ex: Executor = db(),
) {
  await ex
    .insert(deliverabilitySettings)
    .values({ ...set, workspaceId })
    .onConflictDoUpdate({ target: deliverabilitySettings.workspaceId, set });
}

/** Every workspace's ESP webhook keys, for re-sealing after an AUTH_SECRET rotation. */
export async function listDeliverabilityKeysAnyWorkspace(ex: Executor = db()) {
  return ex
    .select({ workspaceId: deliverabilitySettings.workspaceId, keys: deliverabilitySettings.keys })
    .from(deliverabilitySettings);
}

/** Replaces the keys with the same keys sealed again, only if they are still what was read. */
export async function replaceDeliverabilityKeysAnyWorkspace(
  row: { workspaceId: string; from: Record<string, string>; to: Record<string, string> },
  ex: Executor = db(),
): Promise<boolean> {
  const moved = await ex
    .update(deliverabilitySettings)
    .set({ keys: row.to })
    .where(
      and(
        eq(deliverabilitySettings.workspaceId, row.workspaceId),
        sql`${deliverabilitySettings.keys} = ${JSON.stringify(row.from)}::jsonb`,
      ),
    )
    .returning({ workspaceId: deliverabilitySettings.workspaceId });
  return moved.length > 0;
}

export type TSenderRates = {
  provider: string;
  sent: number;
  bounces: number;
  complaints: number;
};

/**
 * Per sending provider since `since`: messages sent (not tests) and the bounces (hard and soft)
 * and complaints feedback named. Feedback naming no known message counts under its source.
 */
export async function senderRates(
  workspaceId: string,
  since: Date,
  ex: Executor = db(),
): Promise<TSenderRates[]> {
  const rows = await executeRows<TSenderRates>(
    sql`with sent as (
        select provider, count(*)::int as n from messages
        where workspace_id = ${workspaceId} and is_test = false and provider is not null
          and sent_at >= ${since.toISOString()}::timestamptz
        group by provider
      ), fb as (
        select provider,
          count(*) filter (where type in ('hard_bounce', 'soft_bounce'))::int as bounces,
          count(*) filter (where type = 'complaint')::int as complaints
        from delivery_feedback
        where workspace_id = ${workspaceId} and occurred_at >= ${since.toISOString()}::timestamptz
        group by provider
      )
      select coalesce(sent.provider, fb.provider) as provider, coalesce(sent.n, 0) as sent,
        coalesce(fb.bounces, 0) as bounces, coalesce(fb.complaints, 0) as complaints
      from sent full join fb on fb.provider = sent.provider
      order by 1`,
    ex,
  );
  return rows.map((r) => ({
    provider: r.provider,
    sent: Number(r.sent),
    bounces: Number(r.bounces),
    complaints: Number(r.complaints),
  }));
}

export type TSenderRateDay = TSenderRates & { day: string };

/**
 * The same per provider and day (UTC), for the dashboard's chart. Feedback counts on the day its
 * message was sent (a complaint about Monday's mail is Monday's rate, as mailbox providers report
 * it), and on the day it arrived when it names no message Waymark knows.
 */
export async function senderRatesByDay(
  workspaceId: string,
  since: Date,
  ex: Executor = db(),
): Promise<TSenderRateDay[]> {
  const rows = await executeRows<TSenderRateDay>(
    sql`with sent as (
        select provider, to_char(sent_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n
        from messages
        where workspace_id = ${workspaceId} and is_test = false and provider is not null
          and sent_at >= ${since.toISOString()}::timestamptz
        group by 1, 2
      ), fb as (
        select f.provider,
          to_char(coalesce(m.sent_at, f.occurred_at) at time zone 'UTC', 'YYYY-MM-DD') as day,
          count(*) filter (where f.type in ('hard_bounce', 'soft_bounce'))::int as bounces,
          count(*) filter (where f.type = 'complaint')::int as complaints
        from delivery_feedback f
        left join messages m on m.id = f.message_id and m.workspace_id = f.workspace_id
        where f.workspace_id = ${workspaceId}
          and coalesce(m.sent_at, f.occurred_at) >= ${since.toISOString()}::timestamptz
        group by 1, 2
      )
      select coalesce(sent.provider, fb.provider) as provider, coalesce(sent.day, fb.day) as day,
        coalesce(sent.n, 0) as sent, coalesce(fb.bounces, 0) as bounces,
        coalesce(fb.complaints, 0) as complaints
      from sent full join fb on fb.provider = sent.provider and fb.day = sent.day
      order by 2, 1`,
    ex,
  );
  return rows.map((r) => ({
    provider: r.provider,
    day: r.day,
    sent: Number(r.sent),
    bounces: Number(r.bounces),
    complaints: Number(r.complaints),
  }));
}

/** Contacts of the workspace with this (normalised) email or phone: whom a complaint opts out. */
export async function findContactIdsByAddress(
  workspaceId: string,
  channel: TChannel,
  address: string,
  ex: Executor = db(),
): Promise<string[]> {
  const rows = await executeRows<{ id: string }>(
    channel === "email"
      ? sql`select id from contacts where workspace_id = ${workspaceId} and lower(email) = ${address} limit 20`
      : sql`select id from contacts where workspace_id = ${workspaceId} and phone = ${address} limit 20`,
    ex,
  );
  return rows.map((r) => r.id);
}
