import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { findSegment } from "@/db/queries/segments";
import { NotFoundError } from "@/lib/errors";
import { removeSegment } from "@/lib/segments/remove-segment";
import { editSegment } from "@/lib/segments/save-segment";
import { ZUpdateSegment } from "@/lib/segments/schemas";
import { findSegmentUsages } from "@/lib/segments/segment-usages";

type P = { workspace: string; segmentId: string };

/** A malformed id is the same 404 as an unknown one. */
const segmentIdOrThrow = (id: string) => {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("No such segment in this workspace");
  return id;
};

export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) => {
  const segment = await findSegment(workspace.id, segmentIdOrThrow(params.segmentId));
  if (!segment) throw new NotFoundError("No such segment in this workspace");
  return NextResponse.json({
    segment,
    usedBy: await findSegmentUsages(workspace.id, workspace.slug, segment.id),
  });
});

export const PATCH = withWorkspace<P>("edit", async (req, { workspace, params }) => {
  const id = segmentIdOrThrow(params.segmentId);
  const patch = await parseJson(req, ZUpdateSegment);
  return NextResponse.json({ segment: await editSegment(workspace.id, id, patch) });
});

export const DELETE = withWorkspace<P>("edit", async (_req, { workspace, params }) => {
  await removeSegment(workspace.id, workspace.slug, segmentIdOrThrow(params.segmentId));
  return NextResponse.json({ ok: true });
});
