import { findJourney, listRunningJourneyPlans } from "@/db/queries/journeys";
import { listSegmentRefs } from "@/db/queries/segments";
import { listTemplates } from "@/db/queries/templates";
import { NotFoundError } from "@/lib/errors";
import { ZDraftGraph } from "../graph/graph-schema";
import { validateGraph } from "../graph/validate-graph";
import { runSegmentCount } from "@/db/queries/segments";
import { compileSegmentCount, loadSegmentResolver } from "@/lib/segments/compile-segment";
import {
  describeSharedTrigger,
  findCollisions,
  segmentOverlapCandidates,
  type TCollision,
} from "./trigger-collisions";

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
  const input = {
    journeyId,
    draftTrigger: graph.nodes.find((n) => n.type === "trigger")?.data,
    liveTrigger: self ? triggerOf(self.plan) : undefined,
    running: running.map((j) => ({
      id: j.id,
      name: j.name,
      status: j.status,
      trigger: triggerOf(j.plan),
    })),
  };
  return {
    collisions: [...findCollisions(input), ...(await segmentOverlaps(workspaceId, input))],
  };
}

/**
 * Running journeys that start on entering another segment with contacts in common with this
 * one's now: each of them would enter both journeys. One count query per other segment, however
 * many journeys start on it.
 */
async function segmentOverlaps(
  workspaceId: string,
  input: Parameters<typeof segmentOverlapCandidates>[0],
): Promise<TCollision[]> {
  const found = segmentOverlapCandidates(input);
  if (!found?.others.length) return [];
  const resolve = await loadSegmentResolver(workspaceId);
  const shared = new Map<string, Promise<number>>();
  const sharedWith = (segmentId: string) => {
    const known = shared.get(segmentId);
    if (known) return known;
    const counted = compileSegmentCount(
      workspaceId,
      {
        kind: "group",
        match: "all",
        conditions: [
          { kind: "segment", segmentId: found.segmentId, in: true },
          { kind: "segment", segmentId, in: true },
        ],
      },
      { resolve },
    ).then(runSegmentCount);
    shared.set(segmentId, counted);
    return counted;
  };
  const out: TCollision[] = [];
  for (const j of found.others) {
    const both = await sharedWith(j.segmentId);
    if (both === 0) continue;
    const because = { kind: "segment_overlap" as const, shared: both };
    out.push({
      id: j.id,
      name: j.name,
      status: j.status,
      reason: describeSharedTrigger(because),
      because,
    });
  }
  return out;
}
