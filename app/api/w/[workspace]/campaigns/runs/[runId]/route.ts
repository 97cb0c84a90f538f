import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { campaignIdOrThrow } from "@/lib/campaigns/campaign-id";
import { readRun } from "@/lib/campaigns/read-campaign";

type P = { workspace: string; runId: string };

/** A run and its progress by status and treatment; the run page polls it. */
export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) =>
  NextResponse.json(await readRun(workspace.id, campaignIdOrThrow(params.runId, "campaign run"))),
);
