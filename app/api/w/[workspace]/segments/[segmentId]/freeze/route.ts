import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { NotFoundError } from "@/lib/errors";
import { freezeSegment } from "@/lib/segments/copy-segment";
import { ZCopySegment } from "@/lib/segments/schemas";

/** A static snapshot of a dynamic segment, as a new segment beside it. */
type P = { workspace: string; segmentId: string };

export const POST = withWorkspace<P>("edit", async (req, { workspace, user, params }) => {
  if (!z.uuid().safeParse(params.segmentId).success)
    throw new NotFoundError("No such segment in this workspace");
  const { name } = await parseJson(req, ZCopySegment);
  return NextResponse.json(
    { segment: await freezeSegment(workspace.id, user.id, params.segmentId, name) },
    { status: 201 },
  );
});
