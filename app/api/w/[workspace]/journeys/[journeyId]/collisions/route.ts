import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { journeyCollisions } from "@/lib/journeys/manage/journey-collisions";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";

type P = { workspace: string; journeyId: string };

/** Live journeys whose trigger this draft shares: the editor asks before publishing over them. */
export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) =>
  NextResponse.json(await journeyCollisions(workspace.id, journeyIdOrThrow(params.journeyId))),
);
