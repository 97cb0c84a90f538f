import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { findJourney, listJourneyVersions } from "@/db/queries/journeys";
import { NotFoundError } from "@/lib/errors";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";
import {
  removeJourney,
  saveJourneyDraft,
  ZSaveJourney,
} from "@/lib/journeys/manage/manage-journeys";

type P = { workspace: string; journeyId: string };

export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) => {
  const journey = await findJourney(workspace.id, journeyIdOrThrow(params.journeyId));
  if (!journey) throw new NotFoundError("No such journey in this workspace");
  return NextResponse.json({
    journey,
    versions: await listJourneyVersions(workspace.id, journey.id),
  });
});

/** Autosave of the draft: name, graph and settings, each optional. */
export const PATCH = withWorkspace<P>("edit", async (req, { workspace, params }) => {
  const input = await parseJson(req, ZSaveJourney, { maxBytes: 2 * 1024 * 1024 });
  return NextResponse.json({
    journey: await saveJourneyDraft(workspace.id, journeyIdOrThrow(params.journeyId), input),
  });
});

export const DELETE = withWorkspace<P>("edit", async (_req, { workspace, params }) => {
  await removeJourney(workspace.id, journeyIdOrThrow(params.journeyId));
  return NextResponse.json({ ok: true });
});
