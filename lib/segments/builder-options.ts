import { listSegmentRefs } from "@/db/queries/segments";
import { listAttributeKeys, listEventNames } from "@/db/queries/segment-options";
import { listTopics } from "@/db/queries/topics";

/** What the builder suggests: known events and attributes, the segments and topics a condition may use. */
export async function loadBuilderOptions(workspaceId: string, exceptId?: string) {
  const [eventNames, attributeKeys, refs, topicRows] = await Promise.all([
    listEventNames(workspaceId),
    listAttributeKeys(workspaceId),
    listSegmentRefs(workspaceId),
    listTopics(workspaceId),
  ]);
  const segments = refs
    .filter((s) => s.id !== exceptId)
    .map((s) => ({ id: s.id, name: s.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const topics = topicRows.map((t) => ({ key: t.key, name: t.name }));
  return { eventNames, attributeKeys, segments, topics };
}
