import { db } from "@/db";
import { completeRunIfDone, findRunById } from "@/db/queries/campaign-runs";
import { findCampaign, setCampaignState } from "@/db/queries/campaigns";
import type { TCampaignState } from "@/db/schema";

/**
 * Completes the run once nothing is pending, and moves a one-off campaign that was running it to
 * the run's end state. Called after every batch by whichever worker settles last; idempotent.
 */
export async function finishRunIfDone(runId: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const completed = await completeRunIfDone(runId, tx);
    const run = completed ?? (await findRunById(runId, tx));
    if (!run) return false;
    const end: TCampaignState | null =
      run.status === "completed" ? "completed" : run.status === "failed" ? "failed" : null;
    if (!end) return false;
    const campaign = await findCampaign(run.workspaceId, run.campaignId, tx);
    if (campaign?.state === "running")
      await setCampaignState(run.workspaceId, run.campaignId, end, null, {}, tx);
    return true;
  });
}
