import type { SQL } from "drizzle-orm";
import { everyoneCondition, staticMembersCondition } from "@/db/queries/campaign-audience";
import { findSegment } from "@/db/queries/segments";
import { compileSegment } from "@/lib/segments/compile-segment";

/**
 * The WHERE condition over contacts `c` for a campaign's audience: everyone, a static segment's
 * frozen members, or a dynamic segment compiled by lib/segments at `now`. Null when the segment
 * is gone.
 */
export async function audienceCondition(
  workspaceId: string,
  audienceKind: "segment" | "everyone",
  segmentId: string | null,
  now: Date,
): Promise<SQL | null> {
  if (audienceKind === "everyone") return everyoneCondition();
  if (!segmentId) return null;
  const segment = await findSegment(workspaceId, segmentId);
  if (!segment) return null;
  if (segment.type === "static" || !segment.definition) return staticMembersCondition(segment.id);
  return compileSegment(workspaceId, segment.definition, { now });
}
