import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { workspaceCampaignDefaults } from "@/db/schema";

export async function findCampaignDefaults(workspaceId: string, ex: Executor = db()) {
  const [row] = await ex
    .select()
    .from(workspaceCampaignDefaults)
    .where(eq(workspaceCampaignDefaults.workspaceId, workspaceId));
  return row ?? null;
}

export async function saveCampaignDefaults(
  workspaceId: string,
  limits: Record<string, unknown>,
  ex: Executor = db(),
) {
  const [row] = await ex
    .insert(workspaceCampaignDefaults)
    .values({ workspaceId, limits })
    .onConflictDoUpdate({
      target: workspaceCampaignDefaults.workspaceId,
      set: { limits, updatedAt: new Date() },
    })
    .returning();
  return row!;
}
