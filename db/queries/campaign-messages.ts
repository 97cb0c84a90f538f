import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { insertEventsSql, type TEventRow, type TStoredEvent } from "./ingest";
import { deletePushTokensSql } from "./send-context";
import { messages, type TMessage, type TMessageEventType } from "@/db/schema";

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

export type TNewMessage = typeof messages.$inferInsert;

/**
 * Inserts the rows whose idempotency key is free and returns which were created, plus the rows
 * that already held their key (an earlier attempt of the same delivery).
 * `events` (each naming its message's id) are written for the created rows only, in the same
 * statement: a data-modifying CTE is atomic without a transaction, and one round trip.
 */
export async function insertMessagesOnce(
  workspaceId: string,
  rows: TNewMessage[],
  opts: { events?: TMessageEventRow[] },
  ex: Executor,
): Promise<{ created: Set<string>; existing: TMessage[] }> {
  if (!rows.length) return { created: new Set(), existing: [] };
  // One JSON parameter for the whole batch: building hundreds of bound parameters per row in the
  // query builder cost more CPU than the insert itself (docs/benchmarks.md, campaign send).
  const payload = rows.map((r) => ({
    id: r.id,
    contact_id: r.contactId ?? null,
    idempotency_key: r.idempotencyKey,
    channel: r.channel,
    template_id: r.templateId ?? null,
    template_version: r.templateVersion ?? null,
    template_locale: r.templateLocale ?? null,
    origin: r.origin,
    status: r.status,
    reason: r.reason ?? null,
    recipient: r.recipient ?? null,
    content: r.content ?? null,
    attempts: r.attempts ?? 0,
    sending_since: r.sendingSince?.toISOString() ?? null,
    transactional: r.transactional ?? false,
    is_test: r.isTest ?? false,
  }));
  const insert = sql`insert into messages (id, workspace_id, contact_id, idempotency_key, channel, template_id, template_version,
        template_locale, origin, status, reason, recipient, content, attempts, sending_since, transactional, is_test)
      select x.id, ${workspaceId}, x.contact_id, x.idempotency_key, x.channel::message_channel, x.template_id,
        x.template_version, x.template_locale, x.origin, x.status::message_status, x.reason, x.recipient, x.content, x.attempts, x.sending_since,
        x.transactional, x.is_test
      from jsonb_to_recordset(${json(payload)}) as x(id uuid, contact_id uuid, idempotency_key text, channel text,
        template_id uuid, template_version int, template_locale text, origin jsonb, status text, reason text, recipient text, content jsonb,
        attempts int, sending_since timestamptz, transactional boolean, is_test boolean)
      on conflict (workspace_id, idempotency_key) do nothing
      returning id`;
  const made = await executeRows<{ id: string }>(
    opts.events?.length
      ? sql`with made as (${insert}),
          logged as (${insertMessageEventsSql(opts.events, sql`where x.message_id in (select id from made)`)})
        select id from made`
      : insert,
    ex,
  );
  const created = new Set(made.map((m) => m.id));
  // Only a concurrent attempt (or a retry nobody looked up first) finds keys taken; this separate
  // statement sees rows that attempt committed after the insert's snapshot was taken.
  const missing = rows.filter((r) => !created.has(r.id!)).map((r) => r.idempotencyKey);
  const existing = missing.length
    ? await ex
        .select()
        .from(messages)
        .where(
          and(eq(messages.workspaceId, workspaceId), inArray(messages.idempotencyKey, missing)),
        )
    : [];
  return { created, existing };
}

export type TMessageSettlement = {
  id: string;
  status: "queued" | "sent" | "delivered" | "failed";
  provider: string | null;
  providerMessageId: string | null;
  /** Email sent: the From address's domain (lib/deliverability/sending-domain.ts). */
  sendingDomain?: string | null;
  reason: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
};

/** Bulk `settleMessage`: one statement for a batch's outcomes. */
function settleMessagesSql(workspaceId: string, settled: TMessageSettlement[]) {
  const payload = settled.map((s) => ({
    id: s.id,
    status: s.status,
    provider: s.provider,
    provider_message_id: s.providerMessageId,
    sending_domain: s.sendingDomain ?? null,
    reason: s.reason,
    sent_at: s.sentAt?.toISOString() ?? null,
    delivered_at: s.deliveredAt?.toISOString() ?? null,
  }));
  return sql`update messages m set status = x.status::message_status, provider = x.provider,
      provider_message_id = x.provider_message_id, reason = x.reason,
      sending_domain = coalesce(x.sending_domain, m.sending_domain),
      sent_at = coalesce(x.sent_at, m.sent_at), delivered_at = coalesce(x.delivered_at, m.delivered_at)
    from jsonb_to_recordset(${json(payload)}) as x(id uuid, status text, provider text, provider_message_id text, sending_domain text, reason text, sent_at timestamptz, delivered_at timestamptz)
    where m.workspace_id = ${workspaceId} and m.id = x.id`;
}

export type TMessageEventRow = {
  workspaceId: string;
  messageId: string;
  type: TMessageEventType;
  detail: Record<string, unknown>;
  occurredAt: Date;
};

function insertMessageEventsSql(rows: TMessageEventRow[], filter = sql``) {
  const payload = rows.map((r) => ({
    workspace_id: r.workspaceId,
    message_id: r.messageId,
    type: r.type,
    detail: r.detail,
    occurred_at: r.occurredAt.toISOString(),
  }));
  return sql`insert into message_events (workspace_id, message_id, type, detail, occurred_at)
    select x.workspace_id, x.message_id, x.type::message_event_type, x.detail, x.occurred_at
    from jsonb_to_recordset(${json(payload)}) as x(workspace_id uuid, message_id uuid, type text, detail jsonb, occurred_at timestamptz)
    ${filter}`;
}

/**
 * What the provider's answers to a batch of messages write, as ONE statement (data-modifying
 * CTEs, so atomic without `begin`/`commit`, and one round trip where a transaction took five):
 * the messages settled, their message events, the push tokens the provider called dead, and the
 * contact events journeys branch on. The event stream's statement triggers fire at the end of
 * the statement, so they read the messages as settled, as they did after the separate `update`.
 * Returns the contact events stored (a duplicate message id stores nothing).
 */
export async function recordSendOutcomes(
  workspaceId: string,
  outcomes: {
    settlements: TMessageSettlement[];
    messageEvents: TMessageEventRow[];
    contactEvents: TEventRow[];
    deadTokens?: string[];
  },
  ex: Executor,
): Promise<TStoredEvent[]> {
  const { settlements, messageEvents, contactEvents, deadTokens = [] } = outcomes;
  const steps: SQL[] = [];
  if (settlements.length)
    steps.push(sql`settled as (${settleMessagesSql(workspaceId, settlements)})`);
  if (messageEvents.length) steps.push(sql`logged as (${insertMessageEventsSql(messageEvents)})`);
  if (deadTokens.length) steps.push(sql`dead as (${deletePushTokensSql(workspaceId, deadTokens)})`);
  if (!contactEvents.length) {
    if (!steps.length) return [];
    await ex.execute(sql`with ${sql.join(steps, sql`, `)} select 1`);
    return [];
  }
  steps.push(sql`stored as (${insertEventsSql(workspaceId, contactEvents)})`);
  return executeRows<TStoredEvent>(
    sql`with ${sql.join(steps, sql`, `)} select * from stored order by id`,
    ex,
  );
}
