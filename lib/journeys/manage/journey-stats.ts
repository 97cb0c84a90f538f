import {
  journeyActiveByNode,
  journeyFlowTotals,
  journeyNodeOutcomes,
} from "@/db/queries/analytics-journeys";
import type { TDayRange } from "@/lib/analytics/date-range";

export type TCanvasStats = {
  range: { from: string; to: string };
  nodes: Record<
    string,
    { entered: number; waiting: number; passed: number; outcomes: Record<string, number> }
  >;
  totals: { entered: number; active: number; completed: number; converted: number };
};

/**
 * The canvas badges for a range of days, read from the rollups the journey dashboard reads (the
 * same queries), so a node's "passed" and an edge's count equal the dashboard's per-step table for
 * that range: per node, the entries that passed it in the range (by outcome, for the edges), the
 * entries at it now (live, as the dashboard's "now" column), and their sum.
 */
export async function journeyStats(
  workspaceId: string,
  journeyId: string,
  range: Pick<TDayRange, "from" | "to">,
): Promise<TCanvasStats> {
  const r = { from: range.from, to: range.to };
  const [outcomes, active, flow] = await Promise.all([
    journeyNodeOutcomes(workspaceId, journeyId, r),
    journeyActiveByNode(workspaceId, journeyId),
    journeyFlowTotals(workspaceId, journeyId, r),
  ]);
  const nodes: TCanvasStats["nodes"] = {};
  const at = (id: string) => (nodes[id] ??= { entered: 0, waiting: 0, passed: 0, outcomes: {} });
  for (const o of outcomes) {
    if (!o.passed) continue;
    at(o.node_id).passed += o.passed;
    at(o.node_id).outcomes[o.outcome] = (at(o.node_id).outcomes[o.outcome] ?? 0) + o.passed;
  }
  for (const a of active) at(a.node_id).waiting = a.active;
  for (const n of Object.values(nodes)) n.entered = n.passed + n.waiting;
  return {
    range: r,
    nodes,
    totals: {
      entered: flow.entered,
      active: active.reduce((s, a) => s + a.active, 0),
      completed: flow.completed + flow.exited,
      converted: flow.converted,
    },
  };
}
