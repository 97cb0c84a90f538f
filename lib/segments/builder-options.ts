import { listSegmentRefs } from "@/db/queries/segments";
import { listAttributeKeys, listEventNames } from "@/db/queries/segment-options";

/** What the builder suggests: known events and attributes, and the segments a condition may use. */
export async function loadBuilderOptions(workspaceId: string, exceptId?: string) {
  const [eventNames, attributeKeys, refs] = await Promise.all([
    listEventNames(workspaceId),
    listAttributeKeys(workspaceId),
    listSegmentRefs(workspaceId),
  ]);
  const segments = refs
    .filter((s) => s.id !== exceptId)
    .map((s) => ({ id: s.id, name: s.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { eventNames, attributeKeys, segments };
}
