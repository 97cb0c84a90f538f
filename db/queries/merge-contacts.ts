import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import type { Executor } from "@/db";

/**
 * Folds contact `fromId` into `intoId` (an anonymous visitor who signs in, or Segment's `alias`):
 * events, anonymous ids, devices, accounts and channel choices move over; `into`'s own values win, `from`'s
 * fill the gaps; `from` is deleted.
 */
export async function mergeContactInto(
  workspaceId: string,
  fromId: string,
  intoId: string,
  ex: Executor,
) {
  const scope = sql`workspace_id = ${workspaceId} and contact_id = ${fromId}`;
  await ex.execute(sql`update events set contact_id = ${intoId} where ${scope}`);
  await ex.execute(sql`update contact_aliases set contact_id = ${intoId} where ${scope}`);
  await ex.execute(sql`update push_tokens set contact_id = ${intoId} where ${scope}`);
  await ex.execute(sql`
    insert into account_members (workspace_id, account_id, contact_id, joined_at)
    select workspace_id, account_id, ${intoId}, joined_at from account_members where ${scope}
    on conflict (account_id, contact_id) do nothing`);
  await ex.execute(sql`
    insert into channel_subscriptions (workspace_id, contact_id, channel, status, source, changed_at)
    select workspace_id, ${intoId}, channel, status, source, changed_at from channel_subscriptions where ${scope}
    on conflict (contact_id, channel) do update set status = excluded.status, source = excluded.source, changed_at = excluded.changed_at
    where excluded.changed_at > channel_subscriptions.changed_at`);
  // Topic choices merge like channel choices: per topic, the more recent one wins.
  await ex.execute(sql`
    insert into topic_subscriptions (workspace_id, contact_id, topic_id, status, source, changed_at)
    select workspace_id, ${intoId}, topic_id, status, source, changed_at from topic_subscriptions where ${scope}
    on conflict (contact_id, topic_id) do update set status = excluded.status, source = excluded.source, changed_at = excluded.changed_at
    where excluded.changed_at > topic_subscriptions.changed_at`);
  await ex.execute(sql`
    update contacts i set
      attributes = f.attributes || i.attributes,
      email = coalesce(i.email, f.email), phone = coalesce(i.phone, f.phone), timezone = coalesce(i.timezone, f.timezone),
      locale = coalesce(i.locale, f.locale), country = coalesce(i.country, f.country), city = coalesce(i.city, f.city),
      created_at = least(i.created_at, f.created_at), last_seen_at = greatest(i.last_seen_at, f.last_seen_at), updated_at = now()
    from contacts f where i.id = ${intoId} and f.id = ${fromId} and i.workspace_id = ${workspaceId} and f.workspace_id = ${workspaceId}`);
  await ex.execute(
    sql`delete from contacts where id = ${fromId} and workspace_id = ${workspaceId}`,
  );
}

export async function findContactIdByExternalId(
  workspaceId: string,
  externalId: string,
  ex: Executor,
): Promise<string | null> {
  const [row] = await executeRows<{ id: string }>(
    sql`select id from contacts where workspace_id = ${workspaceId} and external_id = ${externalId}`,
    ex,
  );
  return row?.id ?? null;
}
