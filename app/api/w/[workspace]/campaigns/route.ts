import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { listCampaigns } from "@/db/queries/campaigns";
import { createCampaign } from "@/lib/campaigns/save-campaign";

type P = { workspace: string };

export const GET = withWorkspace<P>("read", async (_req, { workspace }) =>
  NextResponse.json({ campaigns: await listCampaigns(workspace.id) }),
);

/** A new draft; the body is checked in full by lib/campaigns (fields named on a 400). */
export const POST = withWorkspace<P>("edit", async (req, { workspace, user }) => {
  const body = await parseJson(req, z.unknown());
  return NextResponse.json(
    { campaign: await createCampaign(workspace.id, user.id, body) },
    { status: 201 },
  );
});
