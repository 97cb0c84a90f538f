import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";
import { journeyStats } from "@/lib/journeys/manage/journey-stats";

type P = { workspace: string; journeyId: string };

export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) =>
  NextResponse.json(await journeyStats(workspace.id, journeyIdOrThrow(params.journeyId))),
);
