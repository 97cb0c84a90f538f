import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { entryIdOrThrow } from "@/lib/journeys/runs/entry-id";
import { cancelJourneyRun } from "@/lib/journeys/runs/manage-runs";

type P = { workspace: string; entryId: string };

/** Cancels an active journey run (the entry and, with the local executor, its executor run). */
export const POST = withWorkspace<P>("manage", async (req, { workspace, params }) => {
  await parseJson(req, z.object({}));
  return NextResponse.json(await cancelJourneyRun(workspace.id, entryIdOrThrow(params.entryId)));
});
