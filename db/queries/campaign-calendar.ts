import { and, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { campaignRuns, campaigns } from "@/db/schema";

const DAY_MS = 86_400_000;

/**
 * A workspace's campaign runs scheduled in [from, to), a day wider either side (a local-time
 * run's date can differ from its first instant's day), with their campaign's name and channel.
 */
export async function listRunsAround(
  workspaceId: string,
  from: Date,
  to: Date,
  ex: Executor = db(),
) {
  return ex
    .select({
      id: campaignRuns.id,
      campaignId: campaignRuns.campaignId,
      name: campaigns.name,
      channel: campaignRuns.channel,
      occurrence: campaignRuns.occurrence,
      status: campaignRuns.status,
      scheduledFor: campaignRuns.scheduledFor,
      sendLocal: campaignRuns.sendLocal,
    })
    .from(campaignRuns)
    .innerJoin(campaigns, eq(campaigns.id, campaignRuns.campaignId))
    .where(
      and(
        eq(campaignRuns.workspaceId, workspaceId),
        gte(campaignRuns.scheduledFor, new Date(from.getTime() - DAY_MS)),
        lt(campaignRuns.scheduledFor, new Date(to.getTime() + DAY_MS)),
      ),
    )
    .orderBy(campaignRuns.scheduledFor);
}

/** Recurring campaigns waiting for or running an occurrence (a paused one skips them). */
export async function listActiveRecurring(workspaceId: string, ex: Executor = db()) {
  return ex
    .select({
      campaignId: campaigns.id,
      name: campaigns.name,
      channel: campaigns.channel,
      nextRunAt: campaigns.nextRunAt,
      scheduleSettings: campaigns.scheduleSettings,
    })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.workspaceId, workspaceId),
        eq(campaigns.scheduleKind, "recurring"),
        inArray(campaigns.state, ["scheduled", "running"]),
        isNotNull(campaigns.nextRunAt),
      ),
    );
}
