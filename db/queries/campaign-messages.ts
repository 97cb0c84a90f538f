import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { messageEvents, messages, type TMessage, type TMessageEventType } from "@/db/schema";

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

export type TNewMessage = typeof messages.$inferInsert;

/**
 * Bulk `insertMessageOnce`: inserts the rows whose idempotency key is free and returns which were
 * created, plus the rows that already held their key (an earlier attempt of the same delivery).
 */
export async function insertMessagesOnce(
  ex: Executor,
  workspaceId: string,
  rows: TNewMessage[],
): Promise<{ created: Set<string>; existing: TMessage[] }> {
  if (!rows.length) return { created: new Set(), existing: [] };
  const made = await ex
    .insert(messages)
    .values(rows)
    .onConflictDoNothing({ target: [messages.workspaceId, messages.idempotencyKey] })
    .returning({ id: messages.id });
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
  ex: Executor,
  workspaceId: string,
  settled: TMessageSettlement[],
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
  ex: Executor,
  rows: {
    workspaceId: string;
    messageId: string;
    type: TMessageEventType;
    detail: Record<string, unknown>;
    occurredAt: Date;
  }[],
) {
  for (let i = 0; i < rows.length; i += 2000)
    await ex.insert(messageEvents).values(rows.slice(i, i + 2000));
}
