"use client";
import { useTranslations } from "next-intl";
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from "@xyflow/react";
import { memo, useEffect, useMemo, useRef } from "react";
import type { TCanvasNode } from "@/lib/journeys/canvas/canvas-state";
import { draftHandles } from "@/lib/journeys/canvas/draft-handles";
import { describeErrorPath } from "@/lib/journeys/canvas/field-errors";
import { summarizeNode } from "@/lib/journeys/canvas/summarize-node";
import { cn } from "@/lib/utils";
import { useNodeDecoration } from "./canvas-decorations";
import { useCanvasContext } from "./canvas-context";
import { usePathWords } from "../editor/use-path-words";
import { NODE_KIND_META } from "./node-kinds";
import { NodeStatsBadges } from "./node-stats-badges";
import { ErrorAlert } from "@/components/ui/error-alert";

/**
 * One step on the canvas. Memoised and fed only its own props and decoration, so dragging one
 * node or a new count on another does not re-render it.
 */
function JourneyNodeView({ id, type, data, selected }: NodeProps<TCanvasNode>) {
  const { decorations, summary, readOnly } = useCanvasContext();
  const deco = useNodeDecoration(decorations, id);
  const meta = NODE_KIND_META[type];
  const t = useTranslations("journeys.node");
  const pathWords = usePathWords();
  const kindLabel = useTranslations("journeys.kinds")(`${type}.label`);
  const handles = useMemo(
    () => draftHandles(type, data, summary.words),
    [type, data, summary.words],
  );
  const exitLine = useTranslations("journeys.kinds")("exit.hint");
  const summaryLine = useMemo(() => summarizeNode(type, data, summary), [type, data, summary]);
  // Step summaries are built in lib/ in English; an exit says the same as its kind's hint.
  const line = type === "exit" ? exitLine : summaryLine;
  // A step the marketer named shows that name where its kind would be; the summary stays below.
  const name = typeof data.name === "string" && data.name.trim() ? data.name.trim() : null;
  useRemeasureOnHandles(id, handles);
  const badHandles = new Set(deco.errors.map((e) => e.handle).filter(Boolean));
  const nodeErrors = deco.errors;
  const Icon = meta.icon;
  return (
    <div
      data-testid={`node-${id}`}
      data-kind={type}
      data-invalid={nodeErrors.length ? "true" : undefined}
      data-on-path={deco.pathIndex ? "true" : undefined}
      className={cn(
        "relative w-[260px] rounded-xl border border-slate-200 bg-white text-left shadow-sm transition-shadow",
        selected && "border-brand-500 ring-2 ring-brand-200",
        deco.pathIndex && "ring-4 ring-emerald-300",
        nodeErrors.length > 0 && "border-red-500 ring-4 ring-red-200",
      )}
    >
      <div className={cn("absolute inset-x-0 top-0 h-1 rounded-t-xl", meta.accent)} />
      {type !== "trigger" ? (
        <Handle
          type="target"
          position={Position.Top}
          className="!size-3 !border-2 !border-white !bg-slate-400"
        />
      ) : null}
      <div className="flex items-start gap-3 px-3 pt-3 pb-2">
        <span
          className={cn("flex size-8 shrink-0 items-center justify-center rounded-lg", meta.tone)}
        >
          <Icon className="size-4" aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-2">
            <span
              className="truncate text-[11px] font-semibold uppercase tracking-wide text-slate-500"
              data-testid="node-name"
              title={name ?? kindLabel}
            >
              {name ?? kindLabel}
            </span>
            {deco.pathIndex ? (
              <span
                className="ml-auto rounded-full bg-emerald-600 px-1.5 text-[10px] font-semibold text-white"
                title={deco.pathOutcome}
              >
                {t("step", { n: deco.pathIndex })}
              </span>
            ) : null}
          </div>
          <p
            className="line-clamp-2 text-sm font-medium leading-snug text-slate-900"
            title={line}
            data-testid="node-summary"
          >
            {line}
          </p>
        </div>
      </div>
      {deco.stats ? <NodeStatsBadges stats={deco.stats} /> : null}
      {nodeErrors.length ? (
        <ErrorAlert
          variant="field"
          className="mx-3 mb-2 rounded-md bg-red-50 px-2 py-1 text-red-700"
          data-testid="node-error"
        >
          {describeErrorPath(nodeErrors[0]!.path, pathWords)
            ? `${describeErrorPath(nodeErrors[0]!.path, pathWords)}: `
            : ""}
          {nodeErrors[0]!.message}
          {nodeErrors.length > 1 ? t("moreErrors", { count: nodeErrors.length - 1 }) : null}
        </ErrorAlert>
      ) : null}
      {handles.length > 1 || (handles[0] && handles[0].label) ? (
        <div className="flex border-t border-slate-100 px-1 pt-1 pb-2">
          {handles.map((h) => (
            <span
              key={h.id}
              className={cn(
                "flex-1 truncate text-center text-[11px] font-medium",
                badHandles.has(h.id) ? "text-red-600" : "text-slate-500",
              )}
              data-testid={`handle-label-${h.id}`}
            >
              {h.label}
            </span>
          ))}
        </div>
      ) : null}
      {handles.map((h, i) => (
        <Handle
          key={h.id}
          id={h.id}
          type="source"
          position={Position.Bottom}
          style={{ left: `${((i + 0.5) / handles.length) * 100}%` }}
          className={cn(
            "!size-3 !border-2 !border-white",
            badHandles.has(h.id) ? "!size-4 !bg-red-500 !ring-2 !ring-red-200" : "!bg-brand-500",
          )}
          aria-label={t("output", { kind: kindLabel, output: h.label || t("next") })}
          // An output is a button: Enter starts a connection (use-canvas-keyboard.ts).
          role="button"
          tabIndex={readOnly ? undefined : 0}
          aria-disabled={readOnly || undefined}
        />
      ))}
    </div>
  );
}

/**
 * React Flow measures a node's handles once, when it mounts. A case or variant added or removed
 * later moves every output, so the node is measured again whenever its outputs change: the new
 * handle accepts a drag at once, and edges from the other outputs follow their handles.
 */
function useRemeasureOnHandles(id: string, handles: { id: string; label: string }[]) {
  const updateNodeInternals = useUpdateNodeInternals();
  // Labels count too: they sit in the footer and can change the node's height.
  const key = handles.map((h) => `${h.id}\u0000${h.label}`).join("\u0001");
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    updateNodeInternals(id);
  }, [id, key, updateNodeInternals]);
}

export const JourneyNode = memo(JourneyNodeView);
