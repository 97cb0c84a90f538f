import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { findJourney, listJourneyVersions } from "@/db/queries/journeys";
import { NotFoundError } from "@/lib/errors";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";

type P = { workspace: string; journeyId: string };

/** Published versions, newest first: who published each, when, how many entered it, and which is live. */
export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) => {
  const journey = await findJourney(workspace.id, journeyIdOrThrow(params.journeyId));
  if (!journey) throw new NotFoundError("No such journey in this workspace");
  return NextResponse.json({
    liveVersion: journey.liveVersion,
    status: journey.status,
    versions: await listJourneyVersions(workspace.id, journey.id),
  });
});
