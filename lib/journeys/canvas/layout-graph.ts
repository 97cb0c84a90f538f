import dagre from "@dagrejs/dagre";

export const NODE_WIDTH = 260;
export const NODE_HEIGHT = 96;

/**
 * Top-to-bottom positions for every node (dagre), keeping each output's edges in handle order so
 * a branch's "yes" lands left of its "no".
 */
export function layoutGraph(
  nodes: { id: string; measured?: { width?: number; height?: number } }[],
  edges: { source: string; target: string; sourceHandle?: string | null }[],
  handleOrder: (nodeId: string, handle: string | null | undefined) => number = () => 0,
): Record<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 70, ranksep: 100, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes)
    g.setNode(n.id, {
      width: n.measured?.width ?? NODE_WIDTH,
      height: n.measured?.height ?? NODE_HEIGHT,
    });
  // dagre places a node's later edges further left (measured on 3.1.3), so add them last output first.
  const ordered = [...edges].sort(
    (a, b) => handleOrder(b.source, b.sourceHandle) - handleOrder(a.source, a.sourceHandle),
  );
  for (const e of ordered)
    if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out: Record<string, { x: number; y: number }> = {};
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number };
    // dagre centres nodes; React Flow positions their top-left corner.
    out[n.id] = { x: Math.round(p.x - p.width / 2), y: Math.round(p.y - p.height / 2) };
  }
  return out;
}
