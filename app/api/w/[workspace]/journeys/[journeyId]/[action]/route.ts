import { NextResponse } from "next/server";
import { z } from "zod";
import { withWorkspace } from "@/app/_server/with-workspace";
import { NotFoundError } from "@/lib/errors";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";
import { changeJourneyStatus } from "@/lib/journeys/manage/manage-journeys";

type P = { workspace: string; journeyId: string; action: string };

/** `pause`, `resume` or `stop` (stop cancels every run in progress). */
export const POST = withWorkspace<P>("edit", async (_req, { workspace, params }) => {
  const action = z.enum(["pause", "resume", "stop"]).safeParse(params.action);
  if (!action.success) throw new NotFoundError("Unknown action: use pause, resume or stop");
  return NextResponse.json({
    journey: await changeJourneyStatus(
      workspace.id,
      journeyIdOrThrow(params.journeyId),
      action.data,
    ),
  });
});
