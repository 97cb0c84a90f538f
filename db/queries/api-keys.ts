import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { apiKeys, users, workspaces } from "@/db/schema";
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

export async function findActiveApiKeyByHash(keyHash: string, ex: Executor = db()) {
  const [row] = await ex
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      kind: apiKeys.kind,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
      workspace: {
        id: workspaces.id,
        slug: workspaces.slug,
        name: workspaces.name,
        timezone: workspaces.timezone,
      },
    })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * Records use at most once a minute per key: a hot ingestion key would otherwise turn every API
 * call into a write on the same row.
 */
export async function touchApiKey(keyId: string, now: Date, ex: Executor = db()) {
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  await ex
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, keyId),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, aMinuteAgo)),
      ),
    );
}
