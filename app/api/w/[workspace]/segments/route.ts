import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { listSegments } from "@/db/queries/segments";
import { createSegment } from "@/lib/segments/save-segment";
import { ZCreateSegment } from "@/lib/segments/schemas";

export const GET = withWorkspace("read", async (_req, { workspace }) =>
  NextResponse.json({ segments: await listSegments(workspace.id) }),
);

export const POST = withWorkspace("edit", async (req, { workspace, user }) => {
  const input = await parseJson(req, ZCreateSegment);
  return NextResponse.json(
    { segment: await createSegment(workspace.id, user.id, input) },
    { status: 201 },
  );
});
