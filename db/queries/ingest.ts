import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/execute-rows";
import type { Executor } from "@/db";

// Bulk statements for ingestion. Each takes the whole batch as one JSON parameter and expands it
// with jsonb_to_recordset: one round trip per step whatever the batch size, and no parameter limit.

type Row = Record<string, unknown>;
const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/** Creates the contacts that do not exist yet and returns every id by external id. */
export async function ensureContactsByExternalId(
  workspaceId: string,
  externalIds: string[],
  ex: Executor,
) {
  if (!externalIds.length) return new Map<string, string>();
  // Sorted, so concurrent batches take the unique-index locks in the same order. Most ids of a
  // live stream exist already: look them up first and insert only the rest.
  const ids = [...new Set(externalIds)].sort();
  const select = async (wanted: string[]) =>
    rowsOf<{ id: string; external_id: string }>(
      await ex.execute(sql`
        with input as (select x as external_id from unnest(${sql.param(wanted)}::text[]) x),
        existing as (
          select c.id, c.external_id from contacts c join input i on i.external_id = c.external_id where c.workspace_id = ${workspaceId}
        ),
        ins as (
          insert into contacts (workspace_id, external_id)
          select ${workspaceId}, i.external_id from input i where not exists (select 1 from existing e where e.external_id = i.external_id)
          order by i.external_id
          on conflict (workspace_id, external_id) where external_id is not null do nothing
          returning id, external_id
        )
        select id, external_id from existing union all select id, external_id from ins`),
    );
  const found = new Map((await select(ids)).map((r) => [r.external_id, r.id]));
  // An id another batch inserted between our look-up and insert is in neither set: read it again.
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length) for (const r of await select(missing)) found.set(r.external_id, r.id);
  return found;
}

export async function findAliasContacts(workspaceId: string, anonymousIds: string[], ex: Executor) {
  if (!anonymousIds.length)
    return new Map<string, { contactId: string; externalId: string | null }>();
  const rows = rowsOf<{ anonymous_id: string; contact_id: string; external_id: string | null }>(
    await ex.execute(sql`
      select a.anonymous_id, a.contact_id, c.external_id from contact_aliases a join contacts c on c.id = a.contact_id
      where a.workspace_id = ${workspaceId} and a.anonymous_id = any(${sql.param(anonymousIds)}::text[])`),
  );
  return new Map(
    rows.map((r) => [r.anonymous_id, { contactId: r.contact_id, externalId: r.external_id }]),
  );
}

/** One new anonymous contact per id; ids another batch claimed meanwhile resolve to that batch's contact. */
export async function createAnonymousContacts(
  workspaceId: string,
  anonymousIds: string[],
  ex: Executor,
) {
  const out = new Map<string, string>();
  for (const anonymousId of [...new Set(anonymousIds)].sort()) {
    const [row] = rowsOf<{ contact_id: string }>(
      await ex.execute(sql`
        with c as (insert into contacts (workspace_id) values (${workspaceId}) returning id)
        insert into contact_aliases (workspace_id, anonymous_id, contact_id) select ${workspaceId}, ${anonymousId}, id from c
        on conflict do nothing returning contact_id`),
    );
    if (row) out.set(anonymousId, row.contact_id);
  }
  const lost = anonymousIds.filter((a) => !out.has(a));
  if (lost.length) {
    await ex.execute(sql`delete from contacts c where c.workspace_id = ${workspaceId} and c.external_id is null
      and not exists (select 1 from contact_aliases a where a.contact_id = c.id) and not exists (select 1 from events e where e.contact_id = c.id)
      and c.created_at >= now() - interval '1 minute'`);
    for (const [a, v] of await findAliasContacts(workspaceId, lost, ex)) out.set(a, v.contactId);
  }
  return out;
}

export async function upsertAliases(
  workspaceId: string,
  links: { anonymousId: string; contactId: string }[],
  ex: Executor,
) {
  if (!links.length) return;
  await ex.execute(sql`
    insert into contact_aliases (workspace_id, anonymous_id, contact_id)
    select ${workspaceId}, x.anonymous_id, x.contact_id from jsonb_to_recordset(${json(links.map((l) => ({ anonymous_id: l.anonymousId, contact_id: l.contactId })))}) as x(anonymous_id text, contact_id uuid)
    order by x.anonymous_id
    on conflict (workspace_id, anonymous_id) do update set contact_id = excluded.contact_id`);
}

export type TEventRow = {
  contactId: string;
  name: string;
  properties: Row;
  occurredAt: Date;
  messageId: string;
  /** What of the sender's `context` is kept (ip, userAgent, app, os, campaign, page…). */
  context?: Row | null;
};

/** Inserts events; a message id seen before is skipped. Returns the rows actually stored. */
export async function insertEvents(workspaceId: string, rows: TEventRow[], ex: Executor) {
  if (!rows.length) return [];
  return rowsOf<TStoredEvent>(await ex.execute(insertEventsSql(workspaceId, rows)));
}

/** What `insertEvents` returns of each row it stored (a duplicate message id stores nothing). */
export type TStoredEvent = {
  id: string | number;
  message_id: string;
  contact_id: string;
  name: string;
  occurred_at: string | Date;
};

/** `insertEvents`' statement, to run alone or as a step of a larger one (a data-modifying CTE). */
export function insertEventsSql(workspaceId: string, rows: TEventRow[]) {
  const payload = rows.map((r) => ({
    contact_id: r.contactId,
    name: r.name,
    properties: r.properties,
    occurred_at: r.occurredAt.toISOString(),
    message_id: r.messageId,
    context: r.context ?? null,
  }));
  return sql`insert into events (workspace_id, contact_id, name, properties, occurred_at, message_id, context)
      select ${workspaceId}, x.contact_id, x.name, x.properties, x.occurred_at, x.message_id, x.context
      from jsonb_to_recordset(${json(payload)}) as x(contact_id uuid, name text, properties jsonb, occurred_at timestamptz, message_id text, context jsonb)
      on conflict (workspace_id, message_id) do nothing
      returning id, message_id, contact_id, name, occurred_at`;
}

/** Row locks in id order, so batches that touch the same contacts never deadlock. */
export async function lockContacts(contactIds: string[], ex: Executor) {
  if (!contactIds.length) return;
  await ex.execute(
    sql`select id from contacts where id = any(${sql.param([...new Set(contactIds)])}::uuid[]) order by id for update`,
  );
}

const PROFILE_FIELDS = ["email", "phone", "timezone", "locale", "country", "city"] as const;

/**
 * Applies merged profile patches: fields present in a patch replace (null clears), attributes
 * merge. The row is rewritten anyway, so last seen moves forward in the same update.
 */
export async function applyProfilePatches(
  workspaceId: string,
  patches: { contactId: string; patch: Row; seenAt: Date }[],
  ex: Executor,
) {
  if (!patches.length) return;
  // `fill` holds what the device's context says (zone, locale): used only where the contact has none.
  const sets = PROFILE_FIELDS.map((f) =>
    sql.raw(
      `${f} = case when p.patch ? '${f}' then p.patch->>'${f}' else coalesce(c.${f}, p.patch->'fill'->>'${f}') end`,
    ),
  );
  await ex.execute(sql`
    update contacts c set ${sql.join(sets, sql`, `)},
      attributes = (c.attributes || coalesce(p.patch->'set', '{}'::jsonb))
        - coalesce(array(select jsonb_array_elements_text(p.patch->'unset')), '{}'::text[]),
      updated_at = now(),
      last_seen_at = greatest(c.last_seen_at, p.seen_at)
    from jsonb_to_recordset(${json(patches.map((p) => ({ contact_id: p.contactId, patch: p.patch, seen_at: p.seenAt.toISOString() })))}) as p(contact_id uuid, patch jsonb, seen_at timestamptz)
    where c.id = p.contact_id and c.workspace_id = ${workspaceId}`);
}

/**
 * Last seen is kept to the hour: rewriting a contact row for every event of an active session
 * would double the cost of ingestion for a figure nobody reads to the minute.
 */
export async function touchLastSeen(
  workspaceId: string,
  seen: { contactId: string; at: Date }[],
  ex: Executor,
) {
  if (!seen.length) return;
  await ex.execute(sql`
    update contacts c set last_seen_at = x.at
    from unnest(${sql.param(seen.map((s) => s.contactId))}::uuid[], ${sql.param(seen.map((s) => s.at.toISOString()))}::timestamptz[]) as x(contact_id, at)
    where c.id = x.contact_id and c.workspace_id = ${workspaceId} and (c.last_seen_at is null or c.last_seen_at < x.at - interval '1 hour')`);
}

export async function upsertPushTokens(
  workspaceId: string,
  tokens: { contactId: string; token: string; platform: string }[],
  ex: Executor,
) {
  if (!tokens.length) return;
  await ex.execute(sql`
    insert into push_tokens (workspace_id, token, platform, contact_id)
    select ${workspaceId}, x.token, x.platform::push_platform, x.contact_id
    from jsonb_to_recordset(${json(tokens.map((t) => ({ token: t.token, platform: t.platform, contact_id: t.contactId })))}) as x(token text, platform text, contact_id uuid)
    order by x.token
    on conflict (workspace_id, token) do update set contact_id = excluded.contact_id, platform = excluded.platform, last_seen_at = now()`);
}

export async function upsertSubscriptions(
  workspaceId: string,
  subs: { contactId: string; channel: string; status: string; source: string; at: Date }[],
  ex: Executor,
) {
  if (!subs.length) return;
  await ex.execute(sql`
    insert into channel_subscriptions (workspace_id, contact_id, channel, status, source, changed_at)
    select ${workspaceId}, x.contact_id, x.channel::subscription_channel, x.status::subscription_status, x.source::subscription_source, x.at
    from jsonb_to_recordset(${json(subs.map((s) => ({ contact_id: s.contactId, channel: s.channel, status: s.status, source: s.source, at: s.at.toISOString() })))})
      as x(contact_id uuid, channel text, status text, source text, at timestamptz)
    order by x.contact_id, x.channel
    on conflict (contact_id, channel) do update set status = excluded.status, source = excluded.source, changed_at = excluded.changed_at
    where channel_subscriptions.status <> excluded.status`);
}
