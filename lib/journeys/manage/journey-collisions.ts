import { findJourney, listRunningJourneyPlans } from "@/db/queries/journeys";
import { listSegmentRefs } from "@/db/queries/segments";
import { listTemplates } from "@/db/queries/templates";
import { NotFoundError } from "@/lib/errors";
import { ZDraftGraph } from "../graph/graph-schema";
import { validateGraph } from "../graph/validate-graph";
import { findCollisions } from "./trigger-collisions";

const triggerOf = (plan: unknown) =>
  plan && typeof plan === "object" ? (plan as { trigger?: unknown }).trigger : undefined;

/**
 * The live journeys that start on what this journey's draft starts on: asked before publishing.
 * A draft that would not publish has none, so the marketer sees its defects first (publishing
 * reports them) and is asked about other journeys only when the publish would go through.
 */
export async function journeyCollisions(workspaceId: string, journeyId: string) {
  const journey = await findJourney(workspaceId, journeyId);
  if (!journey) throw new NotFoundError("No such journey in this workspace");
  const [templates, segments, running] = await Promise.all([
    listTemplates(workspaceId),
    listSegmentRefs(workspaceId),
    listRunningJourneyPlans(workspaceId),
  ]);
  const checked = validateGraph(journey.draftGraph, {
    template: (id) => templates.find((t) => t.id === id && t.publishedVersion > 0),
    segmentExists: (id) => segments.some((s) => s.id === id),
  });
  if (!checked.ok) return { collisions: [] };
  const graph = ZDraftGraph.parse(journey.draftGraph);
  const self = running.find((j) => j.id === journeyId);
  return {
    collisions: findCollisions({
      journeyId,
      draftTrigger: graph.nodes.find((n) => n.type === "trigger")?.data,
      liveTrigger: self ? triggerOf(self.plan) : undefined,
      running: running.map((j) => ({
        id: j.id,
        name: j.name,
        status: j.status,
        trigger: triggerOf(j.plan),
      })),
    }),
  };
}
