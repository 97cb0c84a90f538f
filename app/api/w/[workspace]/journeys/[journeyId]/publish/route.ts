import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";
import { requestLocaleFromHeaders } from "@/lib/i18n/zod-errors";
import { publishJourney } from "@/lib/journeys/manage/manage-journeys";

type P = { workspace: string; journeyId: string };

/** 400 `invalid_graph` carries `errors`: every defect with the node ids (and handle) to highlight. */
export const POST = withWorkspace<P>("edit", async (req, { workspace, params, user }) =>
  NextResponse.json(
    await publishJourney(workspace.id, journeyIdOrThrow(params.journeyId), user.id, {
      locale: requestLocaleFromHeaders(req.headers),
    }),
  ),
);
