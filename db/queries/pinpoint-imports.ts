import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { pinpointEndpoints, pinpointImportIds, workspaces } from "@/db/schema";

/** Everything the Pinpoint importer made in a workspace, keyed `kind:pinpointId`. */
export async function findPinpointImportIds(
  workspaceId: string,
  ex: Executor = db(),
): Promise<Map<string, string>> {
  const rows = await ex
    .select()
    .from(pinpointImportIds)
    .where(eq(pinpointImportIds.workspaceId, workspaceId));
  return new Map(rows.map((r) => [`${r.kind}:${r.pinpointId}`, r.waymarkId]));
}

export async function savePinpointImportId(
  workspaceId: string,
  row: { kind: string; pinpointId: string; waymarkId: string },
  ex: Executor = db(),
) {
  await ex
    .insert(pinpointImportIds)
    .values({ workspaceId, ...row })
    .onConflictDoUpdate({
      target: [pinpointImportIds.workspaceId, pinpointImportIds.kind, pinpointImportIds.pinpointId],
      set: { waymarkId: row.waymarkId, importedAt: sql`now()` },
    });
}

/** The contacts of these endpoints (the members of an imported Pinpoint segment). */
export async function findContactIdsOfEndpoints(
  workspaceId: string,
  endpointIds: string[],
  ex: Executor = db(),
): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < endpointIds.length; i += 5000) {
    const rows = await ex
      .select({ contactId: pinpointEndpoints.contactId })
      .from(pinpointEndpoints)
      .where(
        and(
          eq(pinpointEndpoints.workspaceId, workspaceId),
          inArray(pinpointEndpoints.endpointId, endpointIds.slice(i, i + 5000)),
        ),
      );
    for (const r of rows) out.add(r.contactId);
  }
  return [...out];
}

/** The workspace the import CLI names by slug. */
export async function findWorkspaceIdBySlug(slug: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.slug, slug));
  return row ?? null;
}
