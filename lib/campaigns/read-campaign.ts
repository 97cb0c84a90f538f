import { findRun, listRuns, runProgress } from "@/db/queries/campaign-runs";
import { findCampaign, listTreatments } from "@/db/queries/campaigns";
import { NotFoundError } from "@/lib/errors";

/** A campaign with its treatments and runs (newest first), for the editor and run pages. */
export async function readCampaign(workspaceId: string, campaignId: string) {
  const campaign = await findCampaign(workspaceId, campaignId);
  if (!campaign) throw new NotFoundError("No such campaign in this workspace");
  const [treatments, runs] = await Promise.all([
    listTreatments(workspaceId, campaignId),
    listRuns(workspaceId, campaignId),
  ]);
  return { campaign, treatments, runs };
}

/** One run and its live progress, counted over the raw delivery rows. */
export async function readRun(workspaceId: string, runId: string) {
  const run = await findRun(workspaceId, runId);
  if (!run) throw new NotFoundError("No such campaign run in this workspace");
  return { run, progress: await runProgress(workspaceId, runId) };
}
