import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { messages, type TMessage, type TMessageEventType } from "@/db/schema";

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

export type TNewMessage = typeof messages.$inferInsert;

/**
 * Bulk `insertMessageOnce`: inserts the rows whose idempotency key is free and returns which were
 * created, plus the rows that already held their key (an earlier attempt of the same delivery).
 */
export async function insertMessagesOnce(
  workspaceId: string,
  rows: TNewMessage[],
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
    origin: r.origin,
    status: r.status,
    reason: r.reason ?? null,
    recipient: r.recipient ?? null,
    content: r.content ?? null,
    attempts: r.attempts ?? 0,
    sending_since: r.sendingSince?.toISOString() ?? null,
  }));
  const made = await executeRows<{ id: string }>(
    sql`insert into messages (id, workspace_id, contact_id, idempotency_key, channel, template_id, template_version,
        origin, status, reason, recipient, content, attempts, sending_since)
      select x.id, ${workspaceId}, x.contact_id, x.idempotency_key, x.channel::message_channel, x.template_id,
        x.template_version, x.origin, x.status::message_status, x.reason, x.recipient, x.content, x.attempts, x.sending_since
      from jsonb_to_recordset(${json(payload)}) as x(id uuid, contact_id uuid, idempotency_key text, channel text,
        template_id uuid, template_version int, origin jsonb, status text, reason text, recipient text, content jsonb,
        attempts int, sending_since timestamptz)
      on conflict (workspace_id, idempotency_key) do nothing
      returning id`,
    ex,
  );
  const created = new Set(made.map((m) => m.id));
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
  reason: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
};

/** Bulk `settleMessage`: one statement for a batch's outcomes. */
export async function settleMessages(
  workspaceId: string,
  settled: TMessageSettlement[],
  ex: Executor,
) {
  if (!settled.length) return;
  const payload = settled.map((s) => ({
    id: s.id,
    status: s.status,
    provider: s.provider,
    provider_message_id: s.providerMessageId,
    reason: s.reason,
    sent_at: s.sentAt?.toISOString() ?? null,
    delivered_at: s.deliveredAt?.toISOString() ?? null,
  }));
  await ex.execute(sql`update messages m set status = x.status::message_status, provider = x.provider,
      provider_message_id = x.provider_message_id, reason = x.reason,
      sent_at = coalesce(x.sent_at, m.sent_at), delivered_at = coalesce(x.delivered_at, m.delivered_at)
    from jsonb_to_recordset(${json(payload)}) as x(id uuid, status text, provider text, provider_message_id text, reason text, sent_at timestamptz, delivered_at timestamptz)
    where m.workspace_id = ${workspaceId} and m.id = x.id`);
}

export async function insertMessageEvents(
  rows: {
    workspaceId: string;
    messageId: string;
    type: TMessageEventType;
    detail: Record<string, unknown>;
    occurredAt: Date;
  }[],
  ex: Executor,
) {
  if (!rows.length) return;
  const payload = rows.map((r) => ({
    workspace_id: r.workspaceId,
    message_id: r.messageId,
    type: r.type,
    detail: r.detail,
    occurred_at: r.occurredAt.toISOString(),
  }));
  await ex.execute(sql`insert into message_events (workspace_id, message_id, type, detail, occurred_at)
    select x.workspace_id, x.message_id, x.type::message_event_type, x.detail, x.occurred_at
    from jsonb_to_recordset(${json(payload)}) as x(workspace_id uuid, message_id uuid, type text, detail jsonb, occurred_at timestamptz)`);
}
