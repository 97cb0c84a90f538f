import { db } from "@/db";
import { deleteSegment, lockSegment } from "@/db/queries/segments";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findSegmentUsages } from "./segment-usages";

/**
 * Deletes a segment unless something live uses it; the refusal names every user. The check and
 * the delete are one transaction holding the segment's row lock, and a save that starts using the
 * segment share-locks that row first (save-segment.ts): either the save commits before the check
 * reads, or it finds the segment gone.
 */
export async function removeSegment(
  workspaceId: string,
  slug: string,
  segmentId: string,
): Promise<void> {
  await db().transaction(async (tx) => {
    const segment = await lockSegment(workspaceId, segmentId, tx);
    if (!segment) throw new NotFoundError("No such segment in this workspace");
    const blocking = (await findSegmentUsages(workspaceId, slug, segmentId, tx)).filter(
      (u) => u.blocking,
    );
    if (blocking.length) {
      const list = blocking.map((u) => `${u.kind} "${u.name}"`).join(", ");
      throw new ConflictError(
        `"${segment.name}" cannot be deleted while it is used by ${list}. Remove it from ${blocking.length === 1 ? "that" : "those"} first.`,
        undefined,
        { code: "in_use", values: { users: blocking.map((u) => `"${u.name}"`).join(", ") } },
      );
    }
    if (!(await deleteSegment(workspaceId, segmentId, tx)))
      throw new NotFoundError("No such segment in this workspace");
  });
}
