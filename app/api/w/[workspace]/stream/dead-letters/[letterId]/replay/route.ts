import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { replayDeadLetter } from "@/lib/stream/replay-dead-letter";

type P = { workspace: string; letterId: string };

/** Sends a dead letter's events again (same ids); on success it leaves the list. */
export const POST = withWorkspace<P>("manage", async (_req, { workspace, params }) =>
  NextResponse.json({ result: await replayDeadLetter(workspace.id, params.letterId) }),
);
