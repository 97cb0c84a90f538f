import { deleteSegment, findSegment } from "@/db/queries/segments";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findSegmentUsages } from "./segment-usages";

/** Deletes a segment unless something live uses it; the refusal names every user. */
export async function removeSegment(workspaceId: string, slug: string, segmentId: string): Promise<void> {
  const segment = await findSegment(workspaceId, segmentId);
  if (!segment) throw new NotFoundError("No such segment in this workspace");
  const blocking = (await findSegmentUsages(workspaceId, slug, segmentId)).filter((u) => u.blocking);
  if (blocking.length) {
    const list = blocking.map((u) => `${u.kind} "${u.name}"`).join(", ");
    throw new ConflictError(`"${segment.name}" cannot be deleted while it is used by ${list}. Remove it from ${blocking.length === 1 ? "that" : "those"} first.`);
  }
  if (!(await deleteSegment(workspaceId, segmentId))) throw new NotFoundError("No such segment in this workspace");
}
