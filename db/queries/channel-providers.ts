import { and, eq } from "drizzle-orm";
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
