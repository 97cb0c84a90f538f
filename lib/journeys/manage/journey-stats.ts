import { journeyNodeCounts } from "@/db/queries/journeys";

/** The canvas badges: per node, contacts who reached it (passed + waiting), are at it now, and passed it (by outcome). */
export async function journeyStats(workspaceId: string, journeyId: string) {
  const { passed, waiting, totals } = await journeyNodeCounts(workspaceId, journeyId);
  const nodes: Record<
    string,
    { entered: number; waiting: number; passed: number; outcomes: Record<string, number> }
  > = {};
  const at = (id: string) => (nodes[id] ??= { entered: 0, waiting: 0, passed: 0, outcomes: {} });
  // Per outcome too, so each edge out of a branch, split or wait-for-event says how many took it.
  for (const r of passed) {
    at(r.node_id).passed += r.n;
    at(r.node_id).outcomes[r.outcome] = r.n;
  }
  for (const r of waiting) at(r.node_id).waiting = r.n;
  for (const n of Object.values(nodes)) n.entered = n.passed + n.waiting;
  return { nodes, totals };
}
