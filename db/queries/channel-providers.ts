import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { channelProviders } from "@/db/schema";

export async function listChannelProviderRows(workspaceId: string, ex: Executor = db()) {
  return ex.select().from(channelProviders).where(eq(channelProviders.workspaceId, workspaceId));
}

export async function upsertChannelProvider(
  row: {
    workspaceId: string;
    kind: string;
    config: Record<string, unknown>;
    updatedBy: string | null;
  },
  ex: Executor = db(),
) {
  await ex
    .insert(channelProviders)
    .values({ ...row, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [channelProviders.workspaceId, channelProviders.kind],
      set: { config: row.config, updatedBy: row.updatedBy, updatedAt: new Date() },
    });
}

export async function deleteChannelProvider(
  workspaceId: string,
  kind: string,
  ex: Executor = db(),
) {
  const rows = await ex
    .delete(channelProviders)
    .where(and(eq(channelProviders.workspaceId, workspaceId), eq(channelProviders.kind, kind)))
    .returning({ kind: channelProviders.kind });
  return rows.length > 0;
}

/** Every workspace's stored provider configs (re-sealing after a key rotation; a handful per workspace). */
export async function listAllChannelProviderRows(ex: Executor = db()) {
  return ex
    .select({
      workspaceId: channelProviders.workspaceId,
      kind: channelProviders.kind,
      config: channelProviders.config,
    })
    .from(channelProviders);
}

/**
 * Replaces a stored config with the same settings sealed again, only if it is still the config that
 * was read (a save in between wins). The row's updatedAt is left: nothing a user set changed.
 */
export async function replaceSealedConfig(
  row: { workspaceId: string; kind: string; from: unknown; to: Record<string, unknown> },
  ex: Executor = db(),
): Promise<boolean> {
  const moved = await ex
    .update(channelProviders)
    .set({ config: row.to })
    .where(
      and(
        eq(channelProviders.workspaceId, row.workspaceId),
        eq(channelProviders.kind, row.kind),
        sql`${channelProviders.config} = ${JSON.stringify(row.from)}::jsonb`,
      ),
    )
    .returning({ kind: channelProviders.kind });
  return moved.length > 0;
}
