import { db, type Executor } from "@/db";
import { listJourneysMentioning } from "@/db/queries/journeys";
import { graphReferencesId } from "@/lib/journeys/graph/graph-references";

/**
 * Journeys whose draft or live version references a segment or template: the database narrows
 * to graphs that mention the id, the typed walk of each graph confirms it is a reference.
 */
export async function findJourneysReferencing(
  workspaceId: string,
  ref: { segmentId: string } | { templateId: string },
  ex: Executor = db(),
) {
  const id = "segmentId" in ref ? ref.segmentId : ref.templateId;
  return (await listJourneysMentioning(workspaceId, id, ex))
    .filter((j) => graphReferencesId(j.draft_graph, ref) || graphReferencesId(j.live_graph, ref))
    .map(({ id, name, status }) => ({ id, name, status }));
}
