import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { campaignIdOrThrow } from "@/lib/campaigns/campaign-id";
import { readCampaign } from "@/lib/campaigns/read-campaign";
import { editCampaign } from "@/lib/campaigns/save-campaign";

type P = { workspace: string; campaignId: string };

export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) =>
  NextResponse.json(await readCampaign(workspace.id, campaignIdOrThrow(params.campaignId))),
);

/** Replaces a draft's settings (the same full body as creating one). */
export const PATCH = withWorkspace<P>("edit", async (req, { workspace, params }) => {
  const body = await parseJson(req, z.unknown());
  return NextResponse.json({
    campaign: await editCampaign(workspace.id, campaignIdOrThrow(params.campaignId), body),
  });
});
