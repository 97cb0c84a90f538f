import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from "@xyflow/react";
import { ZDraftGraph, type TDraftGraph } from "../graph/graph-schema";
import type { TNodeKind } from "../graph/node-data";
import { defaultNodeData } from "./default-node-data";
import { draftHandles } from "./draft-handles";

export type TCanvasNode = Node<Record<string, unknown>, TNodeKind>;
export type TCanvasEdge = Edge;
type TSnapshot = { nodes: TCanvasNode[]; edges: TCanvasEdge[] };

/**
 * The canvas's state and its undo history. Pure: the hook in components/journeys only dispatches.
 * Only edits that change the journey enter the history (selection and measuring do not), a drag
 * enters once when it ends, and typing in one field coalesces into one entry.
 */
export type TCanvasState = TSnapshot & {
  past: TSnapshot[];
  future: TSnapshot[];
  /** The graph before the drag in progress, pushed when it ends. */
  dragStart: TSnapshot | null;
  /** Consecutive data edits with the same key share one undo entry. */
  coalesceKey: string | null;
  /** Bumps on every edit of the journey, so autosave knows when to run. */
  revision: number;
};

export type TCanvasAction =
  | { type: "nodes_change"; changes: NodeChange<TCanvasNode>[] }
  | { type: "edges_change"; changes: EdgeChange[] }
  | { type: "connect"; connection: Connection }
  | { type: "add"; kind: TNodeKind; position: { x: number; y: number }; id?: string }
  | { type: "update_data"; id: string; data: Record<string, unknown>; coalesceKey?: string }
  | { type: "remove_selected" }
  | {
      type: "paste";
      nodes: TCanvasNode[];
      edges: TCanvasEdge[];
      newId: (kind: TNodeKind) => string;
    }
  | { type: "move"; positions: Record<string, { x: number; y: number }> }
  | { type: "select"; ids: string[] | "all" }
  /** The whole graph at once (a published version restored into the draft): one undo step. */
  | { type: "replace"; graph: TDraftGraph }
  | { type: "undo" }
  | { type: "redo" };

const HISTORY_LIMIT = 100;

export function newNodeId(kind: TNodeKind): string {
  return `${kind}_${Math.random().toString(36).slice(2, 8)}`;
}

export function edgeId(
  source: string,
  sourceHandle: string | null | undefined,
  target: string,
): string {
  return `e_${source}_${sourceHandle ?? "next"}_${target}`;
}

export function initialCanvasState(graph: TDraftGraph): TCanvasState {
  return {
    ...fromDraftGraph(graph),
    past: [],
    future: [],
    dragStart: null,
    coalesceKey: null,
    revision: 0,
  };
}

/** Stored draft → canvas nodes and edges (React Flow's own shape, so this is nearly the identity). */
export function fromDraftGraph(graph: TDraftGraph): TSnapshot {
  return {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      position: { x: n.position.x, y: n.position.y },
      data: n.data,
    })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle ?? null,
      target: e.target,
    })),
  };
}

/** Canvas → the draft the server stores: no selection, sizes or other view state. */
export function toDraftGraph(s: { nodes: TCanvasNode[]; edges: TCanvasEdge[] }): TDraftGraph {
  return ZDraftGraph.parse({
    nodes: s.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
      data: n.data,
    })),
    edges: s.edges.map((e) => ({
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle ?? null,
      target: e.target,
    })),
  });
}

function commit(s: TCanvasState, next: TSnapshot, coalesceKey: string | null = null): TCanvasState {
  const coalesce = coalesceKey !== null && coalesceKey === s.coalesceKey;
  const past = coalesce
    ? s.past
    : [...s.past, { nodes: s.nodes, edges: s.edges }].slice(-HISTORY_LIMIT);
  return {
    ...s,
    ...next,
    past,
    future: [],
    coalesceKey,
    dragStart: null,
    revision: s.revision + 1,
  };
}

const deselect = <T extends { selected?: boolean }>(xs: T[]) =>
  xs.map((x) => (x.selected ? { ...x, selected: false } : x));

/**
 * Node changes from React Flow: a finished drag is one undo step. Removals go through
 * remove_selected, so nodes and their edges leave in one undo step.
 */
function nodesChange(
  s: TCanvasState,
  a: Extract<TCanvasAction, { type: "nodes_change" }>,
): TCanvasState {
  const changes = a.changes.filter(
    (c) => c.type !== "remove" && c.type !== "add" && c.type !== "replace",
  );
  if (!changes.length) return s;
  const nodes = applyNodeChanges(changes, s.nodes);
  const moves = changes.filter((c) => c.type === "position");
  if (!moves.length) return { ...s, nodes };
  const dragging = moves.some((c) => c.type === "position" && c.dragging);
  if (dragging)
    return { ...s, nodes, dragStart: s.dragStart ?? { nodes: s.nodes, edges: s.edges } };
  const before = s.dragStart ?? { nodes: s.nodes, edges: s.edges };
  return {
    ...s,
    nodes,
    edges: s.edges,
    past: [...s.past, before].slice(-HISTORY_LIMIT),
    future: [],
    dragStart: null,
    coalesceKey: null,
    revision: s.revision + 1,
  };
}

/** A new edge; one output leads to one step, so it replaces the edge from the same handle. */
function connect(s: TCanvasState, a: Extract<TCanvasAction, { type: "connect" }>): TCanvasState {
  const { source, target, sourceHandle } = a.connection;
  if (!source || !target || source === target) return s;
  if (s.nodes.find((n) => n.id === target)?.type === "trigger") return s;
  const edges = s.edges.filter(
    (e) => !(e.source === source && (e.sourceHandle ?? null) === (sourceHandle ?? null)),
  );
  return commit(s, {
    nodes: s.nodes,
    edges: [
      ...edges,
      {
        id: edgeId(source, sourceHandle, target),
        source,
        sourceHandle: sourceHandle ?? null,
        target,
      },
    ],
  });
}

/** A node's settings; outputs it no longer has (a removed variant or case) take their edges. */
function updateData(
  s: TCanvasState,
  a: Extract<TCanvasAction, { type: "update_data" }>,
): TCanvasState {
  const node = s.nodes.find((n) => n.id === a.id);
  if (!node) return s;
  const nodes = s.nodes.map((n) => (n.id === a.id ? { ...n, data: a.data } : n));
  const handles = new Set(draftHandles(node.type ?? "exit", a.data).map((h) => h.id));
  const edges = s.edges.filter((e) => e.source !== a.id || handles.has(e.sourceHandle ?? "next"));
  return commit(
    s,
    { nodes, edges: edges.length === s.edges.length ? s.edges : edges },
    a.coalesceKey ?? null,
  );
}

/** Copied nodes and the edges between them, with new ids, offset and selected. */
function paste(s: TCanvasState, a: Extract<TCanvasAction, { type: "paste" }>): TCanvasState {
  const ids = new Map(a.nodes.map((n) => [n.id, a.newId(n.type ?? "exit")]));
  const pasted: TCanvasNode[] = a.nodes.map((n) => ({
    id: ids.get(n.id)!,
    type: n.type,
    position: { x: n.position.x + 40, y: n.position.y + 40 },
    data: structuredClone(n.data),
    selected: true,
  }));
  const inner = a.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const source = ids.get(e.source)!;
      const target = ids.get(e.target)!;
      return {
        id: edgeId(source, e.sourceHandle, target),
        source,
        sourceHandle: e.sourceHandle ?? null,
        target,
      };
    });
  if (!pasted.length) return s;
  return commit(s, {
    nodes: [...deselect(s.nodes), ...pasted],
    edges: [...deselect(s.edges), ...inner],
  });
}

/** Back one step; the present goes to the future. */
function undo(s: TCanvasState): TCanvasState {
  const prev = s.past.at(-1);
  if (!prev) return s;
  return {
    ...s,
    ...prev,
    past: s.past.slice(0, -1),
    future: [{ nodes: s.nodes, edges: s.edges }, ...s.future],
    coalesceKey: null,
    dragStart: null,
    revision: s.revision + 1,
  };
}

/** Forward one step, undoing an undo. */
function redo(s: TCanvasState): TCanvasState {
  const next = s.future[0];
  if (!next) return s;
  return {
    ...s,
    ...next,
    past: [...s.past, { nodes: s.nodes, edges: s.edges }],
    future: s.future.slice(1),
    coalesceKey: null,
    dragStart: null,
    revision: s.revision + 1,
  };
}

export function canvasReducer(s: TCanvasState, a: TCanvasAction): TCanvasState {
  switch (a.type) {
    case "nodes_change":
      return nodesChange(s, a);
    case "edges_change": {
      const changes = a.changes.filter((c) => c.type === "select");
      return changes.length ? { ...s, edges: applyEdgeChanges(changes, s.edges) } : s;
    }
    case "connect":
      return connect(s, a);
    case "add": {
      const node: TCanvasNode = {
        id: a.id ?? newNodeId(a.kind),
        type: a.kind,
        position: a.position,
        data: defaultNodeData(a.kind),
        selected: true,
      };
      return commit(s, { nodes: [...deselect(s.nodes), node], edges: deselect(s.edges) });
    }
    case "update_data":
      return updateData(s, a);
    case "remove_selected": {
      const gone = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
      const nodes = s.nodes.filter((n) => !gone.has(n.id));
      const edges = s.edges.filter(
        (e) => !e.selected && !gone.has(e.source) && !gone.has(e.target),
      );
      if (nodes.length === s.nodes.length && edges.length === s.edges.length) return s;
      return commit(s, { nodes, edges });
    }
    case "paste":
      return paste(s, a);
    case "move": {
      const nodes = s.nodes.map((n) =>
        a.positions[n.id] ? { ...n, position: a.positions[n.id]! } : n,
      );
      return commit(s, { nodes, edges: s.edges });
    }
    case "select": {
      const all = a.ids === "all";
      const ids = new Set(all ? [] : a.ids);
      const nodes = s.nodes.map((n) =>
        (all || ids.has(n.id)) === !!n.selected ? n : { ...n, selected: all || ids.has(n.id) },
      );
      const edges = s.edges.map((e) => (all === !!e.selected ? e : { ...e, selected: all }));
      return { ...s, nodes, edges };
    }
    case "replace":
      return commit(s, fromDraftGraph(a.graph));
    case "undo":
      return undo(s);
    case "redo":
      return redo(s);
  }
}
