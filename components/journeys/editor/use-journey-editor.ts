"use client";
import { useReactFlow } from "@xyflow/react";
import { useCallback, useMemo, useReducer, useRef, useState, type RefObject } from "react";
import type { TCollision } from "@/lib/journeys/manage/trigger-collisions";
import { toDraftGraph } from "@/lib/journeys/canvas/canvas-state";
import { summarizeNode, type TSummaryContext } from "@/lib/journeys/canvas/summarize-node";
import { ZDraftGraph, type TDraftGraph } from "@/lib/journeys/graph/graph-schema";
import type { TNodeKind } from "@/lib/journeys/graph/node-data";
import { CanvasDecorations } from "../canvas/canvas-decorations";
import type { TEditorOptions } from "./editor-options";
import type { TPanel } from "./editor-side-panel";
import { journeyApi, type TJourneyStatus, type TSimulation } from "./journey-api";
import { initialEditorState, journeyEditorReducer } from "./journey-editor-state";
import { NODE_KIND_META } from "../canvas/node-kinds";
import { useAutosave } from "./use-autosave";
import { useCanvas } from "../canvas/use-canvas";
import { useCanvasShortcuts } from "../canvas/use-canvas-shortcuts";
import { useNodeStats } from "../canvas/use-node-stats";

export type TEditorJourney = {
  id: string;
  name: string;
  status: TJourneyStatus;
  liveVersion: number;
  draftGraph: TDraftGraph;
  draftSettings: Record<string, unknown>;
};

/**
 * The journey editor's behaviour: the canvas, autosave, and the commands around it (publish,
 * status, test, rename, versions). What it shows is journeyEditorReducer's state; the component
 * only lays it out.
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
  const [s, dispatch] = useReducer(journeyEditorReducer, journey, initialEditorState);
  const settingsRef = useRef(s.settings);
  const decorations = useMemo(() => new CanvasDecorations(), []);
  const flow = useReactFlow();
  const readOnly = !editable;

  const save = useAutosave(
    `${graph.revision}:${s.settingsRev}`,
    () => ({ graph: toDraftGraph(latest.current), settings: settingsRef.current }),
    (body) => api.save(body as object),
  );
  const flushSave = save.flush;
  const totals = useNodeStats(api.statsUrl, s.liveVersion > 0 && s.status !== "draft", decorations);
  useCanvasShortcuts(actions, editable && !s.viewing);

  const summary = useMemo<TSummaryContext>(() => {
    const templates = new Map(options.templates.map((t) => [t.id, t]));
    const segments = new Map(options.segments.map((x) => [x.id, x.name]));
    return { template: (id) => templates.get(id), segment: (id) => segments.get(id) };
  }, [options.templates, options.segments]);
  const labelOf = (id: string) => {
    const n = graph.nodes.find((x) => x.id === id);
    if (!n?.type) return "a deleted step";
    // A named step reads by its name; an unnamed one by its kind and what it does.
    const named = typeof n.data.name === "string" && n.data.name.trim();
    return named
      ? `${n.data.name as string} · ${summarizeNode(n.type, n.data, summary)}`
      : `${NODE_KIND_META[n.type].label} · ${summarizeNode(n.type, n.data, summary)}`;
  };
  const ctx = useMemo(() => ({ decorations, summary, readOnly }), [decorations, summary, readOnly]);

  const selected = graph.nodes.filter((n) => n.selected);
  const selectedNode = selected.length === 1 ? selected[0] : undefined;
  // Selecting another step opens its form (adjusting state on a change, not in an effect).
  if (selectedNode?.id !== s.shownSelection)
    dispatch({ type: "selected", nodeId: selectedNode?.id });

  const sendKey = graph.nodes
    .filter((n) => n.type === "send")
    .map((n) => `${n.id}\u0000${labelOf(n.id)}`)
    .join("\u0001");
  const panelOptions = useMemo(() => {
    const sendNodes = sendKey
      ? sendKey.split("\u0001").map((x) => {
          const [id = "", label = ""] = x.split("\u0000");
          return { id, label };
        })
      : [];
    return { ...options, sendNodes };
  }, [options, sendKey]);

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

  // Live journeys that start on the same trigger: publishing waits for the marketer's answer.
  const [collisions, setCollisions] = useState<TCollision[] | null>(null);
  const publish = async (confirmed = false) => {
    setCollisions(null);
    dispatch({ type: "started", clearNotice: true });
    const saved = await save.flush();
    if (!saved) return dispatch({ type: "settled" });
    if (!confirmed) {
      const c = await api.collisions();
      if (c.ok && c.data.collisions.length) {
        setCollisions(c.data.collisions);
        return dispatch({ type: "settled" });
      }
    }
    const r = await api.publish();
    if (r.ok) {
      decorations.setErrors([]);
      return dispatch({ type: "published", version: r.data.version });
    }
    decorations.setErrors(r.errors);
    dispatch({ type: "publishRejected", errors: r.errors, message: r.message });
  };
  const changeStatus = async (a: "pause" | "resume" | "stop") => {
    dispatch({ type: "started", clearNotice: false });
    const r = await api.setStatus(a);
    dispatch(
      r.ok
        ? { type: "statusChanged", status: r.data.journey.status }
        : { type: "failed", message: r.message },
    );
  };
  // The test runs the saved draft, so save first; a draft with defects is highlighted like a publish.
  const simulate = async (body: Parameters<typeof api.simulate>[0]) => {
    if (editable && !(await flushSave()))
      return {
        ok: false as const,
        status: 0,
        message: "Save the draft first",
        errors: [],
        fields: {},
      };
    const r = await api.simulate(body);
    if (!r.ok && r.errors.length) {
      dispatch({ type: "errors", errors: r.errors });
      decorations.setErrors(r.errors);
    }
    return r;
  };
  const onSimulated = useCallback(
    (sim: TSimulation | null) => decorations.setPath(sim?.path ?? []),
    [decorations],
  );

  const rename = async (next: string) => {
    const r = await api.save({ name: next });
    if (!r.ok) return r.fields.name ?? r.message;
    dispatch({ type: "renamed", name: next });
    return null;
  };
  const viewVersion = async (version: number) => {
    dispatch({ type: "notice", notice: null });
    const r = await api.version(version);
    const parsed = r.ok ? ZDraftGraph.safeParse(r.data.version.graph) : null;
    if (!r.ok || !parsed?.success)
      return dispatch({
        type: "notice",
        notice: r.ok ? `Version ${version} cannot be shown on this canvas` : r.message,
      });
    dispatch({ type: "view", version: { ...r.data.version, graph: parsed.data } });
  };
  // The restored graph enters the canvas as one edit: Undo brings the steps back and autosave stores it.
  const restoreVersion = async (version: number) => {
    dispatch({ type: "started", clearNotice: true });
    const saved = await save.flush();
    const r = saved ? await api.restore(version) : null;
    if (!r) return dispatch({ type: "settled" });
    const parsed = r.ok ? ZDraftGraph.safeParse(r.data.graph) : null;
    if (!r.ok || !parsed?.success)
      return dispatch({
        type: "failed",
        message: r.ok ? `Version ${version} cannot be shown on this canvas` : r.message,
      });
    actions.replace(parsed.data);
    // The version's settings too; set before autosave runs, so it stores them with the graph.
    settingsRef.current = r.data.settings;
    dispatch({ type: "settings", settings: r.data.settings });
    decorations.setErrors([]);
    dispatch({ type: "restored", version });
  };
  // Stable, so the memoised side panel is not re-rendered by these.
  const setSettings = useCallback((settings: Record<string, unknown>) => {
    settingsRef.current = settings;
    dispatch({ type: "settings", settings });
  }, []);
  const setPanel = useCallback((panel: TPanel) => dispatch({ type: "panel", panel }), []);
  const closeVersion = useCallback(() => dispatch({ type: "view", version: null }), []);

  return {
    ...s,
    api,
    graph,
    onNodesChange,
    onEdgesChange,
    onConnect,
    actions,
    ctx,
    save,
    totals,
    summary,
    labelOf,
    selectedNode,
    panelOptions,
    setPanel,
    closeVersion,
    addAtCentre,
    focusNode,
    layout,
    publish,
    collisions,
    dismissCollisions: () => setCollisions(null),
    changeStatus,
    simulate,
    onSimulated,
    rename,
    viewVersion,
    restoreVersion,
    setSettings,
  };
}
