"use client";
import { useCallback, useMemo, useReducer, useRef, type RefObject } from "react";
import { toDraftGraph } from "@/lib/journeys/canvas/canvas-state";
import type { TDraftGraph } from "@/lib/journeys/graph/graph-schema";
import { CanvasDecorations } from "../canvas/canvas-decorations";
import { useCanvas } from "../canvas/use-canvas";
import { useCanvasShortcuts } from "../canvas/use-canvas-shortcuts";
import type { TEditorOptions } from "./editor-options";
import type { TPanel } from "./editor-side-panel";
import { journeyApi, type TJourneyStatus } from "./journey-api";
import { initialEditorState, journeyEditorReducer } from "./journey-editor-state";
import { useFailureText } from "./use-failure-text";
import { useAutosave } from "./use-autosave";
import { useCanvasCounts } from "./use-canvas-counts";
import { useCanvasViewport } from "./use-canvas-viewport";
import { usePublishCommands } from "./use-publish-commands";
import { useStepLabels } from "./use-step-labels";
import { useTestAndRename } from "./use-test-and-rename";
import { useVersionCommands } from "./use-version-commands";

export type TEditorJourney = {
  id: string;
  name: string;
  status: TJourneyStatus;
  liveVersion: number;
  draftGraph: TDraftGraph;
  draftSettings: Record<string, unknown>;
};

/**
 * The journey editor's behaviour: the canvas, autosave, and the commands around it, each concern
 * in a hook of its own (publish and status, test and rename, versions, the view, the counts, the
 * steps' labels). What it shows is journeyEditorReducer's state; the component only lays it out.
 */
export function useJourneyEditor(
  slug: string,
  journey: TEditorJourney,
  editable: boolean,
  options: Omit<TEditorOptions, "sendNodes">,
  /** The canvas's box, where a palette click drops a node. */
  canvasRef: RefObject<HTMLDivElement | null>,
) {
  const api = useMemo(() => journeyApi(slug, journey.id), [slug, journey.id]);
  const {
    state: graph,
    onNodesChange,
    onEdgesChange,
    onConnect,
    actions,
    latest,
  } = useCanvas(journey.draftGraph);
  const failureText = useFailureText();
  const [s, dispatch] = useReducer(journeyEditorReducer, journey, initialEditorState);
  const settingsRef = useRef(s.settings);
  const decorations = useMemo(() => new CanvasDecorations(), []);
  const readOnly = !editable;

  const save = useAutosave(
    `${graph.revision}:${s.settingsRev}`,
    () => ({ graph: toDraftGraph(latest.current), settings: settingsRef.current }),
    async (body) => {
      const r = await api.save(body as object);
      return r.ok ? r : { ok: false, message: failureText(r) };
    },
  );
  const counts = useCanvasCounts(
    api.statsUrl,
    s.liveVersion > 0 && s.status !== "draft",
    decorations,
  );
  useCanvasShortcuts(actions, editable && !s.viewing);

  const { summary, labelOf, panelOptions } = useStepLabels(graph.nodes, options);
  const ctx = useMemo(() => ({ decorations, summary, readOnly }), [decorations, summary, readOnly]);

  const selected = graph.nodes.filter((n) => n.selected);
  const selectedNode = selected.length === 1 ? selected[0] : undefined;
  // Selecting another step opens its form (adjusting state on a change, not in an effect).
  if (selectedNode?.id !== s.shownSelection)
    dispatch({ type: "selected", nodeId: selectedNode?.id });

  const viewport = useCanvasViewport(actions, canvasRef);
  const deps = { api, dispatch, decorations, flushSave: save.flush, editable };
  const publishing = usePublishCommands(deps);
  const testing = useTestAndRename(deps);
  const versions = useVersionCommands({ ...deps, replaceGraph: actions.replace, settingsRef });
  // Stable, so the memoised side panel is not re-rendered by these.
  const setSettings = useCallback((settings: Record<string, unknown>) => {
    settingsRef.current = settings;
    dispatch({ type: "settings", settings });
  }, []);
  const setPanel = useCallback((panel: TPanel) => dispatch({ type: "panel", panel }), []);

  return {
    ...s,
    ...counts,
    ...viewport,
    ...publishing,
    ...testing,
    ...versions,
    api,
    graph,
    onNodesChange,
    onEdgesChange,
    onConnect,
    actions,
    ctx,
    save,
    summary,
    labelOf,
    selectedNode,
    panelOptions,
    setPanel,
    setSettings,
  };
}

/** What the editor's layout reads: useJourneyEditor's state and commands. */
export type TJourneyEditorModel = ReturnType<typeof useJourneyEditor>;
