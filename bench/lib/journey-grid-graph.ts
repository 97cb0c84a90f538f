/**
 * A journey of `size` nodes in one long chain (trigger, then send / wait / update / branch in
 * turn), laid out on a grid ten nodes wide so the whole journey fits the view as a marketer would
 * first see it. Used by the canvas bench and the e2e test that opens a 200-node canvas.
 */
export type GridNode = {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: Record<string, unknown>;
};
type GridEdge = { id: string; source: string; sourceHandle: string | null; target: string };

export const GRID_COLUMNS = 10;

export function journeyGridGraph(size: number): { nodes: GridNode[]; edges: GridEdge[] } {
  const nodes: GridNode[] = [
    {
      id: "t",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { kind: "event", event: "Signed Up", filters: [] },
    },
  ];
  const edges: GridEdge[] = [];
  let prev = "t";
  for (let i = 1; i < size; i++) {
    const id = `n${i}`;
    const kind =
      i % 4 === 0 ? "branch" : i % 4 === 1 ? "send" : i % 4 === 2 ? "wait" : "update_contact";
    const data =
      kind === "branch"
        ? {
            condition: {
              kind: "attribute",
              filter: { property: "plan", type: "string", op: "equals", value: "pro" },
            },
          }
        : kind === "send"
          ? { channel: "email", templateId: "" }
          : kind === "wait"
            ? { kind: "duration", amount: i, unit: "hours" }
            : { attribute: `step_${i}`, value: true };
    nodes.push({
      id,
      type: kind,
      position: { x: (i % GRID_COLUMNS) * 320, y: Math.floor(i / GRID_COLUMNS) * 170 },
      data,
    });
    edges.push({
      id: `e${i}`,
      source: prev,
      // A branch continues on its "yes" output.
      sourceHandle: prev.startsWith("n") && Number(prev.slice(1)) % 4 === 0 ? "yes" : null,
      target: id,
    });
    prev = id;
  }
  return { nodes, edges };
}

/** A node in the middle of the journey (row size/20, column 5), the one the drag grabs. */
export const middleNodeId = (size: number) =>
  `n${Math.floor(size / 2 / GRID_COLUMNS) * GRID_COLUMNS + 5}`;
