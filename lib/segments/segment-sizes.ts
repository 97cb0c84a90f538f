import { runSegmentCount, staticMemberCounts } from "@/db/queries/segments";
import type { TSegmentDefinition } from "./definition";
import { compileSegmentCount, loadSegmentResolver } from "./compile-segment";

/**
 * Contacts in each segment: the live count of a dynamic one, the snapshot size of a static one.
 * A dynamic one that cannot be compiled (it should not happen: saves are checked) counts as null.
 */
export async function segmentSizes(
  workspaceId: string,
  list: { id: string; type: "dynamic" | "static"; definition: TSegmentDefinition | null }[],
  now = new Date(),
) {
  const statics = await staticMemberCounts(workspaceId);
  const resolve = await loadSegmentResolver(workspaceId);
  const sizes = new Map<string, number | null>();
  for (const s of list) {
    if (s.type === "static") sizes.set(s.id, statics.get(s.id) ?? 0);
    else if (s.definition)
      sizes.set(
        s.id,
        await compileSegmentCount(workspaceId, s.definition, { now, selfId: s.id, resolve }).then(
          runSegmentCount,
          () => null,
        ),
      );
  }
  return sizes;
}
