"use client";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useCallback, useMemo, useRef, useState } from "react";
import { toDraftGraph } from "@/lib/journeys/canvas/canvas-state";
import { summarizeNode, type TSummaryContext } from "@/lib/journeys/canvas/summarize-node";
import type { TSampleContact } from "@/db/queries/sample-contacts";
import { ZDraftGraph, type TDraftGraph } from "@/lib/journeys/graph/graph-schema";
import type { TNodeKind } from "@/lib/journeys/graph/node-data";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";
import { CanvasContext } from "../canvas/canvas-context";
import { CanvasDecorations } from "../canvas/canvas-decorations";
import type { TEditorOptions } from "./editor-options";
import { EditorSidePanel, type TPanel } from "./editor-side-panel";
import { EditorToolbar } from "./editor-toolbar";
import {
  journeyApi,
  type TJourneyStatus,
  type TSimulation,
  type TVersionGraph,
} from "./journey-api";
import { JourneyCanvas } from "../canvas/journey-canvas";
import { NodePalette } from "../canvas/node-palette";
import { NODE_KIND_META } from "../canvas/node-kinds";
import { useAutosave } from "./use-autosave";
import { useCanvas } from "../canvas/use-canvas";
import { useCanvasShortcuts } from "../canvas/use-canvas-shortcuts";
import { useNodeStats } from "../canvas/use-node-stats";
import { VersionBanner } from "./version-banner";
import { VersionViewer } from "./version-viewer";
import { VersionsPopover } from "./versions-popover";

export type TEditorJourney = {
  id: string;
  name: string;
  status: TJourneyStatus;
  liveVersion: number;
  draftGraph: TDraftGraph;
  draftSettings: Record<string, unknown>;
};
type Props = {
  slug: string;
  journey: TEditorJourney;
  editable: boolean;
  options: Omit<TEditorOptions, "sendNodes">;
  contacts: TSampleContact[];
};

export function JourneyEditor(props: Props) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}

function Editor({ slug, journey, editable, options, contacts }: Props) {
  const api = useMemo(() => journeyApi(slug, journey.id), [slug, journey.id]);
  const { state, onNodesChange, onEdgesChange, onConnect, actions, latest } = useCanvas(
    journey.draftGraph,
  );
  const [settings, setSettingsState] = useState(journey.draftSettings);
  const [settingsRev, setSettingsRev] = useState(0);
  const settingsRef = useRef(settings);
  const [status, setStatus] = useState(journey.status);
  const [name, setName] = useState(journey.name);
  const [viewing, setViewing] = useState<
    (Omit<TVersionGraph, "graph"> & { graph: TDraftGraph }) | null
  >(null);
  const [liveVersion, setLiveVersion] = useState(journey.liveVersion);
  const [errors, setErrors] = useState<TGraphError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [panel, setPanel] = useState<TPanel>("settings");
  const decorations = useMemo(() => new CanvasDecorations(), []);
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLDivElement>(null);
  const readOnly = !editable;

  const save = useAutosave(
    `${state.revision}:${settingsRev}`,
    () => ({ graph: toDraftGraph(latest.current), settings: settingsRef.current }),
    (body) => api.save(body as object),
  );
  const flushSave = save.flush;
  const totals = useNodeStats(api.statsUrl, liveVersion > 0 && status !== "draft", decorations);
  useCanvasShortcuts(actions, editable && !viewing);

  const summary = useMemo<TSummaryContext>(() => {
    const templates = new Map(options.templates.map((t) => [t.id, t]));
    const segments = new Map(options.segments.map((s) => [s.id, s.name]));
    return { template: (id) => templates.get(id), segment: (id) => segments.get(id) };
  }, [options.templates, options.segments]);
  const labelOf = (id: string) => {
    const n = state.nodes.find((x) => x.id === id);
    return n?.type
      ? `${NODE_KIND_META[n.type].label} · ${summarizeNode(n.type, n.data, summary)}`
      : "a deleted step";
  };
  const ctx = useMemo(() => ({ decorations, summary, readOnly }), [decorations, summary, readOnly]);

  const selected = state.nodes.filter((n) => n.selected);
  const selectedNode = selected.length === 1 ? selected[0] : undefined;
  // Selecting another step opens its form (adjusting state on a change, not in an effect).
  const [shownSelection, setShownSelection] = useState<string | undefined>(undefined);
  if (selectedNode?.id !== shownSelection) {
    setShownSelection(selectedNode?.id);
    if (selectedNode) setPanel("step");
  }

  const sendKey = state.nodes
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
    [actions, flow],
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

  const publish = async () => {
    setBusy(true);
    setNotice(null);
    const saved = await save.flush();
    const r = saved ? await api.publish() : null;
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setLiveVersion(r.data.version);
      setStatus("live");
      setErrors([]);
      decorations.setErrors([]);
      setNotice(`Published version ${r.data.version}`);
      return;
    }
    setErrors(r.errors);
    decorations.setErrors(r.errors);
    setNotice(r.errors.length ? null : r.message);
    setPanel(r.errors.length ? "problems" : panel);
  };
  const changeStatus = async (a: "pause" | "resume" | "stop") => {
    setBusy(true);
    const r = await api.setStatus(a);
    setBusy(false);
    if (r.ok) setStatus(r.data.journey.status);
    else setNotice(r.message);
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
      setErrors(r.errors);
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
    setName(next);
    return null;
  };
  const viewVersion = async (version: number) => {
    setNotice(null);
    const r = await api.version(version);
    const graph = r.ok ? ZDraftGraph.safeParse(r.data.version.graph) : null;
    if (!r.ok || !graph?.success)
      return setNotice(r.ok ? `Version ${version} cannot be shown on this canvas` : r.message);
    setViewing({ ...r.data.version, graph: graph.data });
  };
  // The restored graph enters the canvas as one edit: Undo brings the draft back and autosave stores it.
  const restoreVersion = async (version: number) => {
    setBusy(true);
    setNotice(null);
    const saved = await save.flush();
    const r = saved ? await api.restore(version) : null;
    setBusy(false);
    if (!r) return;
    const graph = r.ok ? ZDraftGraph.safeParse(r.data.graph) : null;
    if (!r.ok || !graph?.success)
      return setNotice(r.ok ? `Version ${version} cannot be shown on this canvas` : r.message);
    actions.replace(graph.data);
    setViewing(null);
    setErrors([]);
    decorations.setErrors([]);
    setNotice(
      `Restored version ${version} as the draft. Undo (Ctrl/⌘+Z) brings back what you had; publish to make it live.`,
    );
  };

  return (
    <CanvasContext.Provider value={ctx}>
      <div className="-mx-8 -my-6 flex h-screen flex-col bg-slate-50">
        <EditorToolbar
          slug={slug}
          journeyId={journey.id}
          name={name}
          status={status}
          liveVersion={liveVersion}
          editable={editable}
          save={save}
          onRename={rename}
          viewingVersion={viewing !== null}
          versions={
            <VersionsPopover
              api={api}
              journeyId={journey.id}
              liveVersion={liveVersion}
              status={status}
              editable={editable}
              viewing={viewing?.version ?? null}
              onView={(v) => void viewVersion(v)}
              onRestore={(v) => void restoreVersion(v)}
            />
          }
          canUndo={state.past.length > 0}
          canRedo={state.future.length > 0}
          busy={busy}
          totals={totals}
          onUndo={actions.undo}
          onRedo={actions.redo}
          onLayout={() => {
            actions.layout();
            window.setTimeout(
              () => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 }),
              50,
            );
          }}
          onPublish={() => void publish()}
          onStatus={(a) => void changeStatus(a)}
        />
        {notice ? (
          <p
            className="border-b border-slate-200 bg-brand-50 px-4 py-1.5 text-sm text-brand-700"
            role="status"
            data-testid="editor-notice"
          >
            {notice}
          </p>
        ) : null}
        {viewing ? (
          <>
            <VersionBanner
              version={viewing.version}
              live={viewing.version === liveVersion && (status === "live" || status === "paused")}
              publishedAt={viewing.publishedAt}
              publishedBy={viewing.publishedBy}
              canRestore={editable}
              busy={busy}
              onRestore={() => void restoreVersion(viewing.version)}
              onClose={() => setViewing(null)}
            />
            <div className="flex min-h-0 flex-1">
              <VersionViewer
                key={viewing.version}
                graph={viewing.graph}
                options={panelOptions}
                summary={summary}
              />
            </div>
          </>
        ) : (
          <div className="flex min-h-0 flex-1">
            {editable ? <NodePalette onAdd={addAtCentre} /> : null}
            <div ref={canvasRef} className="flex min-w-0 flex-1">
              <JourneyCanvas
                nodes={state.nodes}
                edges={state.edges}
                onNodesChange={onNodesChange}
                onEdgesChange={onEdgesChange}
                onConnect={onConnect}
                onDropKind={actions.add}
              />
            </div>
            <EditorSidePanel
              revision={state.revision}
              panel={panel}
              setPanel={setPanel}
              selectedNode={selectedNode}
              errors={errors}
              options={panelOptions}
              settings={settings}
              onSettings={(s) => {
                settingsRef.current = s;
                setSettingsState(s);
                setSettingsRev((x) => x + 1);
              }}
              onNodeData={actions.updateData}
              onDelete={actions.removeSelected}
              onPick={focusNode}
              labelOf={labelOf}
              slug={slug}
              contacts={contacts}
              simulate={simulate}
              onSimulated={onSimulated}
              templateName={(id) => options.templates.find((t) => t.id === id)?.name ?? id}
            />
          </div>
        )}
      </div>
    </CanvasContext.Provider>
  );
}
