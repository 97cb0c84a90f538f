import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { apiKeys, pinpointEndpoints, workspaces } from "@/db/schema";
import type { TApiKeyKind, TApiKeyScope } from "@/lib/api-keys/kinds";

export type TSigV4Key = {
  id: string;
  kind: TApiKeyKind;
  scopes: TApiKeyScope[];
  keyHash: string;
  workspace: {
    id: string;
    slug: string;
    name: string;
    timezone: string;
    pinpointApplicationId: string | null;
  };
};

/**
 * The active key an AWS access key id belongs to, with its workspace, or null. Raw SQL, as
 * `findActiveApiKeyByHash`: it runs on every signed request, where building the query with
 * drizzle cost more CPU than the database spent answering it.
 */
export async function findActiveKeyByAccessKeyId(
  accessKeyId: string,
  ex: Executor = db(),
): Promise<TSigV4Key | null> {
  const [row] = await executeRows<{ key: TSigV4Key }>(
    sql`select json_build_object('id', k.id, 'kind', k.kind, 'scopes', to_json(k.scopes),
        'keyHash', k.key_hash, 'workspace', json_build_object('id', w.id, 'slug', w.slug,
          'name', w.name, 'timezone', w.timezone,
          'pinpointApplicationId', w.pinpoint_application_id)) as key
      from api_keys k join workspaces w on w.id = k.workspace_id
      where k.access_key_id = ${accessKeyId} and k.revoked_at is null
      limit 1`,
    ex,
  );
  return row?.key ?? null;
}

/**
 * Records a served signature; false when it was served before (a replay). In the same statement,
 * one round trip and one commit for the request's whole bookkeeping: expired signatures are pruned
 * a few at a time, so the table stays the size of 15 minutes of traffic without a job of its own,
 * and the key that signed is marked used (at most once a minute, as `findActiveApiKeyByHash`
 * does) only when the signature was new, so a replay never counts as use.
 */
export async function recordSignatureOnce(
  signature: string,
  expiresAt: Date,
  now: Date,
  keyId: string,
  ex: Executor = db(),
): Promise<boolean> {
  const aMinuteAgo = new Date(now.getTime() - 60_000).toISOString();
  const [row] = await executeRows<{ recorded: boolean }>(
    sql`with recorded as (
        insert into sigv4_signatures (signature, expires_at)
        values (${signature}, ${expiresAt.toISOString()}::timestamptz)
        on conflict do nothing
        returning signature
      ), pruned as (
        delete from sigv4_signatures where signature in (
          select signature from sigv4_signatures where expires_at < ${now.toISOString()}::timestamptz
          limit 50)
      ), touched as (
        update api_keys set last_used_at = ${now.toISOString()}::timestamptz
        where id = ${keyId} and exists (select 1 from recorded)
          and (last_used_at is null or last_used_at < ${aMinuteAgo}::timestamptz)
      )
      select exists (select 1 from recorded) as recorded`,
    ex,
  );
  return row?.recorded === true;
}

export type TEndpointRow = {
  endpointId: string;
  contactId: string;
  userId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
};

const endpointColumns = {
  endpointId: pinpointEndpoints.endpointId,
  contactId: pinpointEndpoints.contactId,
  userId: pinpointEndpoints.userId,
  data: pinpointEndpoints.data,
  createdAt: pinpointEndpoints.createdAt,
  updatedAt: pinpointEndpoints.updatedAt,
};

export async function findEndpoints(
  workspaceId: string,
  endpointIds: string[],
  ex: Executor = db(),
): Promise<TEndpointRow[]> {
  if (!endpointIds.length) return [];
  return ex
    .select(endpointColumns)
    .from(pinpointEndpoints)
    .where(
      and(
        eq(pinpointEndpoints.workspaceId, workspaceId),
        inArray(pinpointEndpoints.endpointId, endpointIds),
      ),
    );
}

/**
 * What each of these endpoints holds now, by id (absent: never stored). Every PutEvents reads its
 * endpoints to skip unchanged ones, so this is raw SQL reading only the record.
 */
export async function findEndpointData(
  workspaceId: string,
  endpointIds: string[],
  ex: Executor = db(),
): Promise<Map<string, Record<string, unknown>>> {
  if (!endpointIds.length) return new Map();
  const rows = await executeRows<{ endpoint_id: string; data: Record<string, unknown> }>(
    sql`select endpoint_id, data from pinpoint_endpoints
      where workspace_id = ${workspaceId}
        and endpoint_id = any(${sql.param(endpointIds)}::text[])`,
    ex,
  );
  return new Map(rows.map((r) => [r.endpoint_id, r.data]));
}

export async function findUserEndpoints(
  workspaceId: string,
  userId: string,
  ex: Executor = db(),
): Promise<TEndpointRow[]> {
  return ex
    .select(endpointColumns)
    .from(pinpointEndpoints)
    .where(
      and(eq(pinpointEndpoints.workspaceId, workspaceId), eq(pinpointEndpoints.userId, userId)),
    )
    .orderBy(pinpointEndpoints.createdAt, pinpointEndpoints.endpointId);
}

/** Writes endpoints as received (the last of a batch wins for a repeated id). */
export async function upsertEndpoints(
  workspaceId: string,
  rows: { endpointId: string; contactId: string; userId: string | null; data: unknown }[],
  now: Date,
  ex: Executor,
) {
  if (!rows.length) return;
  const last = new Map(rows.map((r) => [r.endpointId, r]));
  await ex.execute(sql`
    insert into pinpoint_endpoints (workspace_id, endpoint_id, contact_id, user_id, data, created_at, updated_at)
    select ${workspaceId}, x.endpoint_id, x.contact_id, x.user_id, x.data, ${now.toISOString()}, ${now.toISOString()}
    from jsonb_to_recordset(${JSON.stringify(
      [...last.values()]
        .sort((a, b) => (a.endpointId < b.endpointId ? -1 : 1))
        .map((r) => ({
          endpoint_id: r.endpointId,
          contact_id: r.contactId,
          user_id: r.userId,
          data: r.data,
        })),
    )}::jsonb) as x(endpoint_id text, contact_id uuid, user_id text, data jsonb)
    on conflict (workspace_id, endpoint_id) do update set
      contact_id = excluded.contact_id, user_id = excluded.user_id, data = excluded.data,
      updated_at = excluded.updated_at`);
}

/** Deletes endpoints by id or by user; returns what was deleted. */
export async function deleteEndpoints(
  workspaceId: string,
  by: { endpointId: string } | { userId: string },
  ex: Executor = db(),
): Promise<TEndpointRow[]> {
  return ex
    .delete(pinpointEndpoints)
    .where(
      and(
        eq(pinpointEndpoints.workspaceId, workspaceId),
        "endpointId" in by
          ? eq(pinpointEndpoints.endpointId, by.endpointId)
          : eq(pinpointEndpoints.userId, by.userId),
      ),
    )
    .returning(endpointColumns);
}

/** Sets the workspace's Pinpoint application id (null clears it). */
export async function setPinpointApplicationId(
  workspaceId: string,
  applicationId: string | null,
  ex: Executor = db(),
) {
  await ex
    .update(workspaces)
    .set({ pinpointApplicationId: applicationId })
    .where(eq(workspaces.id, workspaceId));
}

/** Gives a key an AWS access key id if it has none (the demo key, made before they existed). */
export async function setAccessKeyIdIfMissing(
  workspaceId: string,
  keyHash: string,
  accessKeyId: string,
  ex: Executor = db(),
) {
  await ex
    .update(apiKeys)
    .set({ accessKeyId })
    .where(
      and(
        eq(apiKeys.workspaceId, workspaceId),
        eq(apiKeys.keyHash, keyHash),
        isNull(apiKeys.accessKeyId),
      ),
    );
}

export async function workspaceHasEndpoints(workspaceId: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ id: pinpointEndpoints.endpointId })
    .from(pinpointEndpoints)
    .where(eq(pinpointEndpoints.workspaceId, workspaceId))
    .limit(1);
  return Boolean(row);
}
