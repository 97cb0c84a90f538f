"use client";
import { ReactFlowProvider } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { summarizeNode, type TSummaryContext } from "@/lib/journeys/canvas/summarize-node";
import type { TDraftGraph } from "@/lib/journeys/graph/graph-schema";
import { CanvasContext } from "../canvas/canvas-context";
import { CanvasDecorations } from "../canvas/canvas-decorations";
import type { TEditorOptions } from "./editor-options";
import { JourneyCanvas } from "../canvas/journey-canvas";
import { NodeForm } from "../node-forms/node-form";
import { useCanvas } from "../canvas/use-canvas";

const noop = () => {};

/**
 * A published version on the canvas, read-only: its own React Flow and store, so looking at it
 * leaves the draft's graph, undo history and autosave exactly as they were.
 */
export function VersionViewer({
  graph,
  options,
  summary,
}: {
  graph: TDraftGraph;
  options: TEditorOptions;
  summary: TSummaryContext;
}) {
  return (
    <ReactFlowProvider>
      <Viewer graph={graph} options={options} summary={summary} />
    </ReactFlowProvider>
  );
}

function Viewer({
  graph,
  options,
  summary,
}: {
  graph: TDraftGraph;
  options: TEditorOptions;
  summary: TSummaryContext;
}) {
  const tv = useTranslations("journeys.versions");
  const tk = useTranslations("journeys.kinds");
  // Only selection changes this store; nothing here can edit the version.
  const { state, onNodesChange, onEdgesChange } = useCanvas(graph);
  const ctx = useMemo(
    () => ({ decorations: new CanvasDecorations(), summary, readOnly: true }),
    [summary],
  );
  const selected = state.nodes.filter((n) => n.selected);
  // An engagement condition names a send of this version, which the draft may no longer have.
  const versionOptions = useMemo(
    () => ({
      ...options,
      sendNodes: graph.nodes
        .filter((n) => n.type === "send")
        .map((n) => ({
          id: n.id,
          label: `${tk("send.label")} · ${summarizeNode("send", n.data, summary)}`,
        })),
    }),
    [options, graph, summary, tk],
  );
  return (
    <CanvasContext.Provider value={ctx}>
      <div className="flex min-w-0 flex-1" data-testid="version-viewer">
        <JourneyCanvas
          nodes={state.nodes}
          edges={state.edges}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={noop}
          onDropKind={noop}
        />
      </div>
      <aside
        className="w-[340px] shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-4"
        data-testid="side-panel"
      >
        {selected.length === 1 ? (
          <NodeForm node={selected[0]!} options={versionOptions} onChange={noop} onDelete={noop} />
        ) : (
          <p className="text-sm text-slate-500">{tv("selectStep")}</p>
        )}
      </aside>
    </CanvasContext.Provider>
  );
}
