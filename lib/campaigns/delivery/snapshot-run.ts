import { findRunById, snapshotAudience, transitionRun } from "@/db/queries/campaign-runs";
import { findCampaign, setCampaignState } from "@/db/queries/campaigns";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { audienceCondition } from "../audience-condition";
import { ZTreatment } from "../campaign-settings";
import { finishRunIfDone } from "./finish-run";

/**
 * Takes the run's audience snapshot (one INSERT … SELECT) and says how many were queued. A run
 * whose segment is gone fails with the reason; a run already past its snapshot returns null.
 */
export async function snapshotRun(
  runId: string,
  now = new Date(),
): Promise<{ audience: number; queued: number } | null> {
  const run = await findRunById(runId);
  if (!run) throw new Error(`campaign run ${runId} does not exist`);
  if (run.status !== "snapshotting") return null;
  const audience = await audienceCondition(run.workspaceId, run.audienceKind, run.segmentId, now);
  if (!audience) {
    await transitionRun(runId, ["snapshotting"], "failed", {
      error: "The campaign's segment no longer exists",
      finishedAt: new Date(),
    });
    await finishRunIfDone(runId);
    return null;
  }
  const treatments = ZTreatment.array().parse(run.treatments);
  const counts = await snapshotAudience({
    runId,
    workspaceId: run.workspaceId,
    campaignId: run.campaignId,
    audience,
    holdoutPercent: run.holdoutPercent,
    treatmentPercents: treatments.map((t) => t.percent),
    sendLocal: run.sendLocal
      ? {
          ...run.sendLocal,
          zone: (await findWorkspaceById(run.workspaceId))?.timezone ?? "UTC",
          now,
        }
      : null,
  });
  // A scheduled campaign is running from its first snapshot on; a recurring one keeps its next
  // occurrence (the scheduler already moved it past this one).
  const campaign = counts ? await findCampaign(run.workspaceId, run.campaignId) : null;
  if (campaign?.state === "scheduled")
    await setCampaignState(run.workspaceId, run.campaignId, "running", null, {
      nextRunAt: campaign.nextRunAt && campaign.nextRunAt > now ? campaign.nextRunAt : null,
    });
  if (counts && counts.queued === 0) await finishRunIfDone(runId);
  return counts;
}
