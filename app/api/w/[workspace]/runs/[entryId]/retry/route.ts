import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { env } from "@/lib/env";
import { entryIdOrThrow } from "@/lib/journeys/runs/entry-id";
import { retryJourneyRun } from "@/lib/journeys/runs/manage-runs";
import { localExecutor } from "@/lib/local-executor/start-local-executor";

type P = { workspace: string; entryId: string };

/** Retries a failed run on the local executor; 409 with other executors (Inngest's dashboard retries those). */
export const POST = withWorkspace<P>("manage", async (req, { workspace, params }) => {
  await parseJson(req, z.object({}));
  const result = await retryJourneyRun(workspace.id, entryIdOrThrow(params.entryId), env.executor);
  localExecutor().poke();
  return NextResponse.json(result);
});
