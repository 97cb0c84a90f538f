import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { apiKeys, pinpointEndpoints, sigv4Signatures, workspaces } from "@/db/schema";

/** The active key an AWS access key id belongs to, with its workspace, or null. */
export async function findActiveKeyByAccessKeyId(accessKeyId: string, ex: Executor = db()) {
  const [row] = await ex
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      kind: apiKeys.kind,
      scopes: apiKeys.scopes,
      keyHash: apiKeys.keyHash,
      lastUsedAt: apiKeys.lastUsedAt,
      workspace: {
        id: workspaces.id,
        slug: workspaces.slug,
        name: workspaces.name,
        timezone: workspaces.timezone,
        pinpointApplicationId: workspaces.pinpointApplicationId,
      },
    })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.accessKeyId, accessKeyId), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * Records a served signature; false when it was served before (a replay). Expired signatures are
 * pruned a few at a time on the way, so the table stays the size of 15 minutes of traffic without
 * a job of its own.
 */
export async function recordSignatureOnce(
  signature: string,
  expiresAt: Date,
  now: Date,
  ex: Executor = db(),
): Promise<boolean> {
  const inserted = await ex
    .insert(sigv4Signatures)
    .values({ signature, expiresAt })
    .onConflictDoNothing()
    .returning({ signature: sigv4Signatures.signature });
  await ex.execute(sql`
    delete from sigv4_signatures where signature in (
      select signature from sigv4_signatures where expires_at < ${now.toISOString()} limit 50)`);
  return inserted.length > 0;
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
