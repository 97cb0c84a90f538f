import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";
import {
  testJourneyOnContact,
  ZTestOnContact,
} from "@/lib/journeys/simulate/test-journey-on-contact";

type P = { workspace: string; journeyId: string };

/** Walks the draft for one contact without sending anything: any member may look. */
export const POST = withWorkspace<P>("read", async (req, { workspace, params }) => {
  const input = await parseJson(req, ZTestOnContact);
  return NextResponse.json(
    await testJourneyOnContact(workspace.id, journeyIdOrThrow(params.journeyId), input),
  );
});
