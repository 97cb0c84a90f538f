import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { listJourneys } from "@/db/queries/journeys";
import { createJourney, ZCreateJourney } from "@/lib/journeys/manage/manage-journeys";

type P = { workspace: string };

export const GET = withWorkspace<P>("read", async (_req, { workspace }) =>
  NextResponse.json({ journeys: await listJourneys(workspace.id) }),
);

export const POST = withWorkspace<P>("edit", async (req, { workspace, user }) => {
  const input = await parseJson(req, ZCreateJourney);
  return NextResponse.json(
    { journey: await createJourney(workspace.id, user.id, input) },
    { status: 201 },
  );
});
