import { layoutGraph } from "@/lib/journeys/canvas/layout-graph";
import type { TJourneySettings } from "@/lib/journeys/graph/journey-settings";
import { ZPublishNode } from "@/lib/journeys/graph/graph-schema";
import type { TRefs } from "./convert-condition";
import { convertActivity } from "./convert-journey-activity";
import { convertJourneySettings } from "./convert-journey-settings";
import { convertStart } from "./convert-journey-start";
import {
  newJourneyBuild,
  obj,
  str,
  type R,
  type TEdge,
  type TJourneyBuild,
  type TNode,
} from "./journey-build";
import { NoteList } from "./report";

export { ACTIVITY_TYPES } from "./convert-journey-activity";

/**
 * A Pinpoint journey as a Waymark draft: each activity one node (a split with an
 * `EvaluationWaitTime` a wait before it, or a wait-for-event when it waits for a custom event), the
 * start condition the trigger, a path's end an exit, laid out top to bottom with dagre. Activities
 * with no Waymark equivalent (ContactCenter, Lambda CUSTOM) are reported and stepped over.
 */
export type TConvertedJourney = {
  name: string;
  graph: { nodes: TNode[]; edges: TEdge[] };
  settings: TJourneySettings;
  /** Pinpoint ids of segments and names of templates it needs. */
  segmentIds: string[];
  templateNames: string[];
  notes: NoteList;
};

export function convertJourney(j: R, refs: TRefs): TConvertedJourney {
  const notes = new NoteList();
  const name = String(j.Name ?? "").trim() || `Pinpoint journey ${String(j.Id ?? "")}`;
  const settings = convertJourneySettings(j, notes);
  const activities = obj(j.Activities);
  const b = newJourneyBuild(refs, new Set(Object.keys(activities)), notes);
  for (const [id, raw] of Object.entries(activities)) convertActivity(b, id, raw);

  const firstFrom = convertStart(b, j);
  const first = str(j.StartActivity);
  if (!first || !b.ids.has(first))
    notes.error("StartActivity", first ? `no activity "${first}"` : "is required");
  b.outs.push({ from: firstFrom.from, handle: firstFrom.handle, to: first });

  const edges = wire(b);
  for (const n of b.nodes) {
    const parsed = ZPublishNode.safeParse(n);
    if (!parsed.success && !notes.errors.length)
      for (const issue of parsed.error.issues)
        notes.error(`Activities.${n.id}`, `${issue.path.slice(1).join(".")}: ${issue.message}`);
  }
  const order = (nodeId: string, handle: string | null | undefined) =>
    b.outs.findIndex((o) => o.from === nodeId && o.handle === handle);
  const positions = layoutGraph(b.nodes, edges, order);
  for (const n of b.nodes) n.position = positions[n.id] ?? n.position;
  return {
    name,
    graph: { nodes: b.nodes, edges },
    settings,
    segmentIds: b.segmentIds,
    templateNames: b.templateNames,
    notes,
  };
}

/**
 * The edges, from every way out: an activity left out leads to the one after it; a way out to an
 * activity the journey lacks is reported; a path's end gets an exit of its own.
 */
function wire(b: TJourneyBuild): TEdge[] {
  const resolve = (to: string | undefined): string | undefined => {
    const seen = new Set<string>();
    while (to && !to.startsWith("@") && b.skipTo.has(to) && !seen.has(to)) {
      seen.add(to);
      to = b.skipTo.get(to);
    }
    if (!to) return undefined;
    if (to.startsWith("@")) return to.slice(1);
    return b.entryOf.get(to);
  };
  const edges: TEdge[] = [];
  let exits = 0;
  for (const o of b.outs) {
    let target = resolve(o.to);
    if (o.to && !o.to.startsWith("@") && !b.ids.has(o.to))
      b.notes.error(
        `Activities.${o.from}`,
        `leads to "${o.to}", which is not an activity of this journey`,
      );
    if (!target) {
      target = `exit-${++exits}`;
      b.node(target, "exit", {});
    }
    edges.push({ id: `e-${o.from}-${o.handle}`, source: o.from, sourceHandle: o.handle, target });
  }
  return edges;
}
