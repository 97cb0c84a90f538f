"use client";
import { ReactFlowProvider } from "@xyflow/react";
import { useRef } from "react";
import type { TSampleContact } from "@/db/queries/sample-contacts";
import { CanvasContext } from "../canvas/canvas-context";
import type { TEditorOptions } from "./editor-options";
import { EditorSidePanel } from "./editor-side-panel";
import { CollisionDialog } from "./collision-dialog";
import { EditorToolbar } from "./editor-toolbar";
import { JourneyCanvas } from "../canvas/journey-canvas";
import { NodePalette } from "../canvas/node-palette";
import { useJourneyEditor, type TEditorJourney } from "./use-journey-editor";
import { VersionBanner } from "./version-banner";
import { VersionViewer } from "./version-viewer";
import { VersionsPopover } from "./versions-popover";

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

/** Lays the editor out: toolbar, notice, then the canvas (or a version being viewed) and side panel. */
function Editor({ slug, journey, editable, options, contacts }: Props) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const e = useJourneyEditor(slug, journey, editable, options, canvasRef);
  const { graph: state, onNodesChange, onEdgesChange, onConnect, actions } = e;
  const { viewing, status, liveVersion, busy } = e;

  return (
    <CanvasContext.Provider value={e.ctx}>
      <div className="-mx-8 -my-6 flex h-screen flex-col bg-slate-50">
        <EditorToolbar
          slug={slug}
          journeyId={journey.id}
          name={e.name}
          status={status}
          liveVersion={liveVersion}
          editable={editable}
          save={e.save}
          onRename={e.rename}
          viewingVersion={viewing !== null}
          versions={
            <VersionsPopover
              api={e.api}
              journeyId={journey.id}
              liveVersion={liveVersion}
              status={status}
              editable={editable}
              viewing={viewing?.version ?? null}
              onView={(v) => void e.viewVersion(v)}
              onRestore={(v) => void e.restoreVersion(v)}
            />
          }
          canUndo={state.past.length > 0}
          canRedo={state.future.length > 0}
          busy={busy}
          totals={e.totals}
          onUndo={actions.undo}
          onRedo={actions.redo}
          onLayout={e.layout}
          onPublish={() => void e.publish()}
          onStatus={(a) => void e.changeStatus(a)}
        />
        <CollisionDialog
          slug={slug}
          collisions={e.collisions}
          onCancel={e.dismissCollisions}
          onConfirm={() => void e.publish(true)}
        />
        {e.notice ? (
          <p
            className="border-b border-slate-200 bg-brand-50 px-4 py-1.5 text-sm text-brand-700"
            role="status"
            data-testid="editor-notice"
          >
            {e.notice}
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
              onRestore={() => void e.restoreVersion(viewing.version)}
              onClose={e.closeVersion}
            />
            <div className="flex min-h-0 flex-1">
              <VersionViewer
                key={viewing.version}
                graph={viewing.graph}
                options={e.panelOptions}
                summary={e.summary}
              />
            </div>
          </>
        ) : (
          <div className="flex min-h-0 flex-1">
            {editable ? <NodePalette onAdd={e.addAtCentre} /> : null}
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
              panel={e.panel}
              setPanel={e.setPanel}
              selectedNode={e.selectedNode}
              errors={e.errors}
              options={e.panelOptions}
              settings={e.settings}
              onSettings={e.setSettings}
              onNodeData={actions.updateData}
              onDelete={actions.removeSelected}
              onPick={e.focusNode}
              labelOf={e.labelOf}
              slug={slug}
              contacts={contacts}
              simulate={e.simulate}
              onSimulated={e.onSimulated}
              templateName={(id) => options.templates.find((t) => t.id === id)?.name ?? id}
            />
          </div>
        )}
      </div>
    </CanvasContext.Provider>
  );
}
