import { db } from "@/db";
import {
  completeRunIfDone,
  findRunById,
  settlePendingIfNoneLeft,
} from "@/db/queries/campaign-runs";
import { findCampaign, setCampaignState } from "@/db/queries/campaigns";
import type { TCampaignState } from "@/db/schema";

/**
 * Below this many pending deliveries, a run whose count did not reach zero is checked against its
 * rows: a contact erased mid-run takes its delivery row with it, and nothing else would ever
 * take it off `pending`. Above it, the check would scan most of a large run for nothing.
 */
const RECOUNT_BELOW = 2000;

/**
 * Completes the run once nothing is pending, and moves a one-off campaign that was running it to
 * the run's end state. Called after every slice by whichever worker finds it empty; idempotent.
 */
export async function finishRunIfDone(runId: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    let completed = await completeRunIfDone(runId, tx);
    let run = completed ?? (await findRunById(runId, tx));
    if (!run) return false;
    if (!completed && run.status === "sending" && run.pending > 0 && run.pending < RECOUNT_BELOW)
      if (await settlePendingIfNoneLeft(runId, tx)) {
        completed = await completeRunIfDone(runId, tx);
        run = completed ?? run;
      }
    const end: TCampaignState | null =
      run.status === "completed" ? "completed" : run.status === "failed" ? "failed" : null;
    if (!end) return false;
    const campaign = await findCampaign(run.workspaceId, run.campaignId, tx);
    // A recurring campaign with an occurrence still to come goes back to waiting for it.
    const next = campaign?.nextRunAt && campaign.scheduleKind === "recurring" ? "scheduled" : end;
    if (campaign?.state === "running")
      await setCampaignState(run.workspaceId, run.campaignId, next, null, {}, tx);
    return true;
  });
}
