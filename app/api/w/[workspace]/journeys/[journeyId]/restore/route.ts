import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";
import { restoreJourneyVersion, ZRestoreVersion } from "@/lib/journeys/manage/manage-journeys";

type P = { workspace: string; journeyId: string };

/** Copies a published version's graph into the draft (`{ version }`); what runs is unchanged until a publish. */
export const POST = withWorkspace<P>("edit", async (req, { workspace, params }) => {
  const { version } = await parseJson(req, ZRestoreVersion);
  return NextResponse.json(
    await restoreJourneyVersion(workspace.id, journeyIdOrThrow(params.journeyId), version),
  );
});
