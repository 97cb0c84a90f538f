import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { listCampaigns } from "@/db/queries/campaigns";
import { dispatchRunStarted } from "@/inngest/campaign-dispatch";
import { createCampaignAndLaunch } from "@/lib/campaigns/save-campaign";

type P = { workspace: string };

export const GET = withWorkspace<P>("read", async (_req, { workspace }) =>
  NextResponse.json({ campaigns: await listCampaigns(workspace.id) }),
);

/**
 * A new draft; with `?launch=1` it is launched in the same transaction ("Save and send now"), so
 * a launch refused leaves nothing behind. The body is checked in full by lib/campaigns (fields
 * named on a 400).
 */
export const POST = withWorkspace<P>("edit", async (req, { workspace, user }) => {
  const body = await parseJson(req, z.unknown());
  const launch = new URL(req.url).searchParams.get("launch") === "1";
  const { campaign, run } = await createCampaignAndLaunch(workspace.id, user.id, body, launch);
  if (run) await dispatchRunStarted(run);
  return NextResponse.json({ campaign, run }, { status: 201 });
});
