"use client";
import type { Connection, EdgeChange, NodeChange } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import {
  canvasReducer,
  initialCanvasState,
  newNodeId,
  type TCanvasEdge,
  type TCanvasNode,
} from "@/lib/journeys/canvas/canvas-state";
import { draftHandles } from "@/lib/journeys/canvas/draft-handles";
import { layoutGraph } from "@/lib/journeys/canvas/layout-graph";
import type { TDraftGraph } from "@/lib/journeys/graph/graph-schema";
import type { TNodeKind } from "@/lib/journeys/graph/node-data";

/**
 * The canvas store: the pure reducer plus callbacks whose identity never changes, so React Flow
 * and the memoised nodes do not re-render for a new function on every state change.
 */
export function useCanvas(initial: TDraftGraph) {
  const [state, dispatch] = useReducer(canvasReducer, initial, initialCanvasState);
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  const clipboard = useRef<{ nodes: TCanvasNode[]; edges: TCanvasEdge[] } | null>(null);

  const onNodesChange = useCallback(
    (changes: NodeChange<TCanvasNode>[]) => dispatch({ type: "nodes_change", changes }),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => dispatch({ type: "edges_change", changes }),
    [],
  );
  const onConnect = useCallback(
    (connection: Connection) => dispatch({ type: "connect", connection }),
    [],
  );
  const actions = useMemo(
    () => ({
      add: (kind: TNodeKind, position: { x: number; y: number }) =>
        dispatch({ type: "add", kind, position }),
      updateData: (id: string, data: Record<string, unknown>, coalesceKey?: string) =>
        dispatch({ type: "update_data", id, data, coalesceKey }),
      removeSelected: () => dispatch({ type: "remove_selected" }),
      select: (ids: string[] | "all") => dispatch({ type: "select", ids }),
      replace: (graph: TDraftGraph) => dispatch({ type: "replace", graph }),
      undo: () => dispatch({ type: "undo" }),
      redo: () => dispatch({ type: "redo" }),
      copy: () => {
        const nodes = latest.current.nodes.filter((n) => n.selected);
        if (nodes.length) clipboard.current = { nodes, edges: latest.current.edges };
        return nodes.length;
      },
      paste: () => {
        if (clipboard.current) dispatch({ type: "paste", ...clipboard.current, newId: newNodeId });
      },
      layout: () => {
        const { nodes, edges } = latest.current;
        const order = new Map(
          nodes.map((n) => [n.id, draftHandles(n.type ?? "exit", n.data).map((h) => h.id)]),
        );
        dispatch({
          type: "move",
          positions: layoutGraph(nodes, edges, (id, h) => order.get(id)?.indexOf(h ?? "next") ?? 0),
        });
      },
    }),
    [],
  );
  return { state, onNodesChange, onEdgesChange, onConnect, actions, latest };
}
export type TCanvasActions = ReturnType<typeof useCanvas>["actions"];
