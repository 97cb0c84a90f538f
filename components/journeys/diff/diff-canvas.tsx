"use client";
import { applyNodeChanges, ReactFlowProvider, type Edge, type NodeChange } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useMemo, useState, type CSSProperties } from "react";
import type { TSummaryContext } from "@/lib/journeys/canvas/summarize-node";
import type { TCanvasNode } from "@/lib/journeys/canvas/canvas-state";
import type { TGraphDiff, TDiffStatus } from "@/lib/journeys/diff/diff-graphs";
import { CanvasContext } from "../canvas/canvas-context";
import { CanvasDecorations } from "../canvas/canvas-decorations";
import { JourneyCanvas } from "../canvas/journey-canvas";

const noop = () => {};

/**
 * Outlines and a corner badge per status, on React Flow's own node wrapper (its `className` and
 * `style`), so the diff needs nothing from the editor's node component. The badge's text comes
 * from the catalogue through a CSS variable.
 */
const NODE_CLASS: Record<TDiffStatus, string> = {
  added: "rounded-xl outline-3 outline-offset-2 outline-emerald-500 before:bg-emerald-600",
  removed:
    "rounded-xl opacity-60 outline-3 outline-offset-2 outline-dashed outline-red-500 before:bg-red-600",
  changed: "rounded-xl outline-3 outline-offset-2 outline-amber-500 before:bg-amber-600",
  unchanged: "",
};
const BADGE =
  "before:absolute before:-top-3 before:right-3 before:z-10 before:rounded-full before:px-2 before:text-[11px] before:leading-5 before:font-semibold before:text-white before:content-[var(--diff-label)]";
const EDGE_STYLE: Record<string, CSSProperties> = {
  added: { stroke: "#059669", strokeWidth: 3 },
  removed: { stroke: "#dc2626", strokeWidth: 2, strokeDasharray: "6 4" },
};

/** Both graphs on one read-only canvas: the newer graph, plus what it removed where it was. */
export function DiffCanvas({ diff, summary }: { diff: TGraphDiff; summary: TSummaryContext }) {
  return (
    <ReactFlowProvider>
      <Canvas diff={diff} summary={summary} />
    </ReactFlowProvider>
  );
}

function Canvas({ diff, summary }: { diff: TGraphDiff; summary: TSummaryContext }) {
  const t = useTranslations("journeyDiff");
  const initial = useMemo<TCanvasNode[]>(
    () =>
      diff.nodes.map((d) => ({
        id: d.id,
        type: d.node.type,
        position: { x: d.node.position.x, y: d.node.position.y },
        data: d.node.data as Record<string, unknown>,
        // `diff-<status>` marks the node for tests and the list's "show on canvas".
        className:
          d.status === "unchanged"
            ? undefined
            : `diff-${d.status} ${NODE_CLASS[d.status]} ${BADGE}`,
        style:
          d.status === "unchanged"
            ? undefined
            : ({ "--diff-label": JSON.stringify(t(`status.${d.status}`)) } as CSSProperties),
      })) as TCanvasNode[],
    [diff, t],
  );
  const [nodes, setNodes] = useState(initial);
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setNodes(initial);
  }
  const edges = useMemo<Edge[]>(
    () =>
      diff.edges.map((e) => ({
        id: e.key,
        source: e.source,
        sourceHandle: e.sourceHandle,
        target: e.target,
        style: EDGE_STYLE[e.status],
      })),
    [diff],
  );
  const ctx = useMemo(
    () => ({ decorations: new CanvasDecorations(), summary, readOnly: true }),
    [summary],
  );
  return (
    <CanvasContext.Provider value={ctx}>
      <div className="flex h-full min-h-[420px] min-w-0 flex-1" data-testid="diff-canvas">
        <JourneyCanvas
          nodes={nodes}
          edges={edges}
          onNodesChange={(c: NodeChange<TCanvasNode>[]) => setNodes((n) => applyNodeChanges(c, n))}
          onEdgesChange={noop}
          onConnect={noop}
          onDropKind={noop}
        />
      </div>
    </CanvasContext.Provider>
  );
}
