import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { testDestination } from "@/lib/stream/manage-destinations";

type P = { workspace: string; destinationId: string };

/** Sends one `stream.test` event now, outside the stream; answers whether it went through. */
export const POST = withWorkspace<P>("manage", async (_req, { workspace, params }) =>
  NextResponse.json({ result: await testDestination(workspace.id, params.destinationId) }),
);
