import { NextResponse } from "next/server";
import { z } from "zod";
import { withWorkspace } from "@/app/_server/with-workspace";
import { findWorkspaceJourneyVersion } from "@/db/queries/journeys";
import { NotFoundError } from "@/lib/errors";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";

type P = { workspace: string; journeyId: string; version: string };

const ZVersion = z.coerce.number().int().positive().max(1_000_000);

/** One published version as drawn, for viewing it read-only on the canvas. */
export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) => {
  const version = ZVersion.safeParse(params.version);
  if (!version.success) throw new NotFoundError("No such version of this journey");
  const found = await findWorkspaceJourneyVersion(
    workspace.id,
    journeyIdOrThrow(params.journeyId),
    version.data,
  );
  if (!found) throw new NotFoundError("No such version of this journey");
  return NextResponse.json({ version: found });
});
