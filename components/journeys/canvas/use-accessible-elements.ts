"use client";
import type { Edge } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { TCanvasNode } from "@/lib/journeys/canvas/canvas-state";
import { draftHandles } from "@/lib/journeys/canvas/draft-handles";
import { summarizeNode } from "@/lib/journeys/canvas/summarize-node";
import { useCanvasContext } from "./canvas-context";
import { stepLabel } from "./describe-graph-change";

/**
 * Names every step and connection for screen readers ("Send message: Welcome email", "Connection
 * from Branch (yes) to Exit") instead of React Flow's "Edge from send_x1 to exit_y2". A node or
 * edge object that did not change keeps its named copy, so a drag re-renders only what moved.
 */
export function useAccessibleElements(nodes: TCanvasNode[], edges: Edge[]) {
  const { summary } = useCanvasContext();
  const t = useTranslations("journeys");
  const roles = useMemo(
    () => ({
      step: { "aria-roledescription": t("canvas.announce.stepRole") },
      edge: { "aria-roledescription": t("canvas.announce.connectionRole") },
    }),
    [t],
  );
  const cache = useMemo(
    () => ({ nodes: new WeakMap<object, TCanvasNode>(), edges: new WeakMap<object, Edge>() }),
    // A new summary (template or segment names) or language names the steps anew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [summary, t],
  );
  const named = useMemo(
    () =>
      nodes.map((n) => {
        let copy = cache.nodes.get(n);
        if (!copy) {
          const what = n.type ? summarizeNode(n.type, n.data, summary) : "";
          copy = {
            ...n,
            ariaLabel: what ? `${stepLabel(n, t)}: ${what}` : stepLabel(n, t),
            domAttributes: roles.step,
          };
          cache.nodes.set(n, copy);
        }
        return copy;
      }),
    [nodes, cache, summary, t, roles],
  );
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const namedEdges = useMemo(
    () =>
      edges.map((e) => {
        let copy = cache.edges.get(e);
        const source = byId.get(e.source);
        const target = byId.get(e.target);
        const output = source?.type
          ? draftHandles(source.type, source.data, summary.words).find(
              (h) => h.id === (e.sourceHandle ?? "next"),
            )
          : undefined;
        const ariaLabel = t("canvas.announce.edge", {
          from: `${stepLabel(source, t)}${output?.label ? ` (${output.label})` : ""}`,
          to: stepLabel(target, t),
        });
        if (!copy || copy.ariaLabel !== ariaLabel) {
          copy = { ...e, ariaLabel, domAttributes: roles.edge };
          cache.edges.set(e, copy);
        }
        return copy;
      }),
    [edges, byId, cache, t, roles, summary.words],
  );
  return { nodes: named, edges: namedEdges };
}
