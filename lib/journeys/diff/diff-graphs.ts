import type { TDraftGraph } from "../graph/graph-schema";

/**
 * What changed between two journey graphs (two versions, a version and the draft, or a file and
 * the live journey), for review like a code diff. Nodes are matched by id (ids are stable: the
 * canvas never renumbers them, and a definitions file keeps them). A node is changed when its
 * kind or its settings differ; a node only moved on the canvas is not a change, but is flagged
 * so the view can say so. Edges are matched by where they go (source, outlet, target), not by
 * their ids, which the canvas derives and older drafts spelled differently.
 */
export type TDiffStatus = "added" | "removed" | "changed" | "unchanged";
export type TNodeDiff = {
  id: string;
  type: string;
  status: TDiffStatus;
  /** The settings that differ (`data` keys, and `type` when the kind changed). */
  fields: string[];
  moved: boolean;
  /** The node as it is in `after` (or in `before` when removed). */
  node: TDraftGraph["nodes"][number];
};
export type TEdgeDiff = {
  key: string;
  source: string;
  sourceHandle: string | null;
  target: string;
  status: Exclude<TDiffStatus, "changed">;
};
export type TGraphDiff = {
  nodes: TNodeDiff[];
  edges: TEdgeDiff[];
  counts: Record<Exclude<TDiffStatus, "unchanged">, number> & {
    edgesAdded: number;
    edgesRemoved: number;
  };
};

/** Deep equality of JSON values (key order aside); the view runs in the browser, without node:util. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

const edgeKey = (e: { source: string; sourceHandle?: string | null; target: string }) =>
  `${e.source}:${e.sourceHandle ?? "next"}->${e.target}`;

function changedFields(a: TDraftGraph["nodes"][number], b: TDraftGraph["nodes"][number]) {
  const fields: string[] = a.type === b.type ? [] : ["type"];
  const da = (a.data ?? {}) as Record<string, unknown>;
  const db = (b.data ?? {}) as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(da), ...Object.keys(db)])].sort())
    if (!sameJson(da[k], db[k])) fields.push(k);
  return fields;
}

export function diffGraphs(before: TDraftGraph, after: TDraftGraph): TGraphDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Set(after.nodes.map((n) => n.id));
  const nodes: TNodeDiff[] = after.nodes.map((n) => {
    const was = old.get(n.id);
    if (!was) return { id: n.id, type: n.type, status: "added", fields: [], moved: false, node: n };
    const fields = changedFields(was, n);
    const moved = was.position.x !== n.position.x || was.position.y !== n.position.y;
    return {
      id: n.id,
      type: n.type,
      status: fields.length ? "changed" : "unchanged",
      fields,
      moved,
      node: n,
    };
  });
  for (const n of before.nodes)
    if (!now.has(n.id))
      nodes.push({ id: n.id, type: n.type, status: "removed", fields: [], moved: false, node: n });

  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  const edges: TEdgeDiff[] = [];
  const seen = new Set<string>();
  for (const [list, other, status] of [
    [after.edges, oldEdges, "added"],
    [before.edges, newEdges, "removed"],
  ] as const)
    for (const e of list) {
      const key = edgeKey(e);
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({
        key,
        source: e.source,
        sourceHandle: e.sourceHandle ?? null,
        target: e.target,
        status: other.has(key) ? "unchanged" : status,
      });
    }

  const count = (s: TDiffStatus) => nodes.filter((n) => n.status === s).length;
  return {
    nodes,
    edges,
    counts: {
      added: count("added"),
      removed: count("removed"),
      changed: count("changed"),
      edgesAdded: edges.filter((e) => e.status === "added").length,
      edgesRemoved: edges.filter((e) => e.status === "removed").length,
    },
  };
}

/** True when the two graphs run the same way (positions aside). */
export const isEmptyDiff = (d: TGraphDiff) => Object.values(d.counts).every((n) => n === 0);
