import { NextResponse } from "next/server";
import { z } from "zod";
import { withWorkspace } from "@/app/_server/with-workspace";
import { dispatchRunStarted, dispatchRunsResumed } from "@/inngest/campaign-dispatch";
import { campaignIdOrThrow } from "@/lib/campaigns/campaign-id";
import { controlCampaign } from "@/lib/campaigns/control-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { NotFoundError } from "@/lib/errors";

type P = { workspace: string; campaignId: string; action: string };

/**
 * `launch`, `pause`, `resume` or `cancel`. The state change commits first; the run is then handed
 * to the executor (a lost hand-off leaves the run waiting, never a half-written campaign).
 */
export const POST = withWorkspace<P>("edit", async (_req, { workspace, params, user }) => {
  const action = z.enum(["launch", "pause", "resume", "cancel"]).safeParse(params.action);
  if (!action.success)
    throw new NotFoundError("Unknown action: use launch, pause, resume or cancel");
  const campaignId = campaignIdOrThrow(params.campaignId);
  if (action.data === "launch") {
    // A recurring campaign has no run yet: the scheduler starts one at each occurrence.
    const run = await launchCampaign(workspace.id, campaignId, user.id);
    if (run) await dispatchRunStarted(run);
    return NextResponse.json({ run }, { status: 201 });
  }
  const { state, resumed } = await controlCampaign(workspace.id, campaignId, action.data, user.id);
  if (resumed.length) await dispatchRunsResumed(resumed);
  return NextResponse.json({ state });
});
