"use client";
import { useReactFlow } from "@xyflow/react";
import { useCallback, type RefObject } from "react";
import type { TNodeKind } from "@/lib/journeys/graph/node-data";
import type { TCanvasActions } from "../canvas/use-canvas";

/**
 * Commands that move the canvas's view: add a step in the middle of what is shown (a palette
 * click), bring a step into view and select it, and tidy up then fit the graph to the view.
 */
export function useCanvasViewport(
  actions: TCanvasActions,
  /** The canvas's box, where a palette click drops a node. */
  canvasRef: RefObject<HTMLDivElement | null>,
) {
  const flow = useReactFlow();
  const addAtCentre = useCallback(
    (kind: TNodeKind) => {
      const r = canvasRef.current?.getBoundingClientRect();
      const p = flow.screenToFlowPosition({
        x: (r?.left ?? 0) + (r?.width ?? 800) / 2,
        y: (r?.top ?? 0) + (r?.height ?? 600) / 2,
      });
      actions.add(kind, { x: p.x - 130 + Math.random() * 40, y: p.y - 40 + Math.random() * 40 });
    },
    [actions, flow, canvasRef],
  );
  const focusNode = useCallback(
    (id: string) => {
      const n = flow.getNode(id);
      actions.select([id]);
      if (n)
        void flow.setCenter(n.position.x + 130, n.position.y + 50, {
          zoom: Math.max(flow.getZoom(), 0.9),
          duration: 300,
        });
    },
    [actions, flow],
  );
  const layout = () => {
    actions.layout();
    window.setTimeout(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 }), 50);
  };
  return { addAtCentre, focusNode, layout };
}
