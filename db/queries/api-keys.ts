import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { db, type Executor } from "@/db";
import { apiKeys, users } from "@/db/schema";
import type { TApiKeyKind, TApiKeyScope } from "@/lib/api-keys/kinds";

export async function insertApiKey(
  values: {
    workspaceId: string;
    name: string;
    prefix: string;
    keyHash: string;
    kind: TApiKeyKind;
    scopes: TApiKeyScope[];
    createdBy: string | null;
    accessKeyId?: string | null;
  },
  ex: Executor = db(),
) {
  const [key] = await ex.insert(apiKeys).values(values).returning({
    id: apiKeys.id,
    name: apiKeys.name,
    prefix: apiKeys.prefix,
    kind: apiKeys.kind,
    scopes: apiKeys.scopes,
    accessKeyId: apiKeys.accessKeyId,
    createdAt: apiKeys.createdAt,
  });
  return key!;
}

export async function listApiKeys(workspaceId: string, ex: Executor = db()) {
  return ex
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      kind: apiKeys.kind,
      scopes: apiKeys.scopes,
      accessKeyId: apiKeys.accessKeyId,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdByName: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(
  workspaceId: string,
  keyId: string,
  now: Date,
  ex: Executor = db(),
) {
  const rows = await ex
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(
      and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)),
    )
    .returning({ id: apiKeys.id });
  return rows.length === 1;
}

export type TActiveApiKey = {
  id: string;
  name: string;
  kind: TApiKeyKind;
  scopes: TApiKeyScope[];
  lastUsedAt: Date | null;
  workspace: { id: string; slug: string; name: string; timezone: string };
};

/**
 * The unrevoked key with this hash and its workspace. With `touchAt`, records the use in the same
 * statement, at most once a minute per key (a hot ingestion key would otherwise turn every API call
 * into a write on the same row), so authenticating a request is one round trip, not two.
 */
export async function findActiveApiKeyByHash(
  keyHash: string,
  opts: { touchAt?: Date } = {},
  ex: Executor = db(),
): Promise<TActiveApiKey | null> {
  const at = opts.touchAt;
  const [row] = await executeRows<{
    key: Omit<TActiveApiKey, "lastUsedAt"> & { lastUsedAt: string | null };
  }>(
    sql`with found as (
        select k.id, k.name, k.kind, k.scopes, k.last_used_at, w.id as workspace_id, w.slug,
          w.name as workspace_name, w.timezone
        from api_keys k join workspaces w on w.id = k.workspace_id
        where k.key_hash = ${keyHash} and k.revoked_at is null
        limit 1
      )${
        at
          ? sql`, touched as (
        update api_keys set last_used_at = ${at.toISOString()}::timestamptz
        where id = (select id from found)
          and (last_used_at is null or last_used_at < ${new Date(at.getTime() - 60_000).toISOString()}::timestamptz)
      )`
          : sql``
      }
      select json_build_object('id', id, 'name', name, 'kind', kind, 'scopes', to_json(scopes),
        'lastUsedAt', last_used_at, 'workspace', json_build_object('id', workspace_id,
          'slug', slug, 'name', workspace_name, 'timezone', timezone)) as key
      from found`,
    ex,
  );
  if (!row) return null;
  const { lastUsedAt, ...key } = row.key;
  return { ...key, lastUsedAt: lastUsedAt ? new Date(lastUsedAt) : null };
}
