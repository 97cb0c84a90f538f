"use client";
import { useLocale, useTranslations } from "next-intl";
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from "@xyflow/react";
import { createContext, memo, useContext, useMemo } from "react";
import type { TCanvasNode } from "@/lib/journeys/canvas/canvas-state";
import { edgeOutcomeLabel } from "@/lib/journeys/canvas/draft-handles";
import type { TSummaryWords } from "@/lib/journeys/canvas/summary-words";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/journeys/canvas/layout-graph";
import { roundedPath, routeEdge, type TRect } from "@/lib/journeys/canvas/route-edge";
import { useNodeDecoration } from "./canvas-decorations";
import { useCanvasContext } from "./canvas-context";

/** The boxes edges route around and each node's outcome labels, computed once per node change. */
export type TEdgeRouting = {
  rects: TRect[];
  label: (nodeId: string, handle: string | null | undefined) => string | null;
};
export const EdgeRoutingContext = createContext<TEdgeRouting>({ rects: [], label: () => null });

export function useEdgeRouting(nodes: TCanvasNode[], words?: TSummaryWords): TEdgeRouting {
  return useMemo(() => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return {
      rects: nodes.map((n) => ({
        id: n.id,
        x: n.position.x,
        y: n.position.y,
        width: n.measured?.width ?? NODE_WIDTH,
        height: n.measured?.height ?? NODE_HEIGHT,
      })),
      label: (id, handle) => {
        const n = byId.get(id);
        return n?.type ? edgeOutcomeLabel(n.type, n.data, handle, words) : null;
      },
    };
  }, [nodes, words]);
}

/** Where the label sits: on the edge's first drop, just below the output it names. */
const LABEL_OFFSET = 16;

/**
 * An edge that runs around the nodes between its ends (see routeEdge) and says which outcome it
 * carries when it leaves a branch, multi-branch, A/B split or wait-for-event.
 */
function RoutedEdgeView({
  id,
  source,
  target,
  sourceHandleId,
  sourceX,
  sourceY,
  targetX,
  targetY,
  style,
  markerEnd,
  animated,
}: EdgeProps<Edge>) {
  const t = useTranslations("journeys.stats");
  const locale = useLocale();
  const { rects, label: labelOf } = useContext(EdgeRoutingContext);
  const path = useMemo(
    () =>
      roundedPath(
        routeEdge({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, rects, source, target),
      ),
    [sourceX, sourceY, targetX, targetY, rects, source, target],
  );
  const label = labelOf(source, sourceHandleId);
  // A published journey's counts: how many took this way out (absent on a draft, so it reads "Yes").
  const { decorations } = useCanvasContext();
  const stats = useNodeDecoration(decorations, source).stats;
  const took = label && stats ? (stats.outcomes?.[sourceHandleId ?? "next"] ?? 0) : null;
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} />
      {label ? (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-none absolute max-w-[160px] truncate rounded-full border border-slate-200 bg-white px-1.5 text-[10px] leading-4 font-semibold text-slate-600 shadow-sm"
            style={{
              transform: `translate(-50%, -50%) translate(${sourceX}px, ${sourceY + LABEL_OFFSET}px)`,
            }}
            data-testid={`edge-label-${id}`}
            data-animated={animated ? "true" : undefined}
          >
            {label === "Yes" ? t("yes") : label === "No" ? t("no") : label}
            {took !== null ? (
              <span
                className="ml-1 font-normal text-slate-500 tabular-nums"
                data-testid={`edge-count-${id}`}
                title={t("tookHint", { count: took })}
              >
                {took.toLocaleString(locale)}
              </span>
            ) : null}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const RoutedEdge = memo(RoutedEdgeView);
