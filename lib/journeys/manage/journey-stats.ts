import { journeyNodeCounts } from "@/db/queries/journeys";

/** The canvas badges: per node, contacts who reached it (passed + waiting), are at it now, and passed it. */
export async function journeyStats(workspaceId: string, journeyId: string) {
  const { passed, waiting, totals } = await journeyNodeCounts(workspaceId, journeyId);
  const nodes: Record<string, { entered: number; waiting: number; passed: number }> = {};
  const at = (id: string) => (nodes[id] ??= { entered: 0, waiting: 0, passed: 0 });
  for (const r of passed) at(r.node_id).passed = r.n;
  for (const r of waiting) at(r.node_id).waiting = r.n;
  for (const n of Object.values(nodes)) n.entered = n.passed + n.waiting;
  return { nodes, totals };
}
