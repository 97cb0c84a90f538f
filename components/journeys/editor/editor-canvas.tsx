"use client";
import type { RefObject } from "react";
import type { TSampleContact } from "@/db/queries/sample-contacts";
import { CanvasAnnouncer } from "../canvas/canvas-announcer";
import { JourneyCanvas } from "../canvas/journey-canvas";
import { NodePalette } from "../canvas/node-palette";
import type { useCanvasKeyboard } from "../canvas/use-canvas-keyboard";
import type { TEditorOptions } from "./editor-options";
import { EditorSidePanel } from "./editor-side-panel";
import type { TJourneyEditorModel } from "./use-journey-editor";

/** The draft's canvas: the palette (when editable), the canvas with its keyboard, the side panel. */
export function EditorCanvas({
  e,
  slug,
  editable,
  contacts,
  options,
  canvasRef,
  keyboard,
}: {
  e: TJourneyEditorModel;
  slug: string;
  editable: boolean;
  contacts: TSampleContact[];
  options: Omit<TEditorOptions, "sendNodes">;
  canvasRef: RefObject<HTMLDivElement | null>;
  keyboard: ReturnType<typeof useCanvasKeyboard>;
}) {
  const { graph: state, actions } = e;
  return (
    <div className="flex min-h-0 flex-1">
      {editable ? <NodePalette onAdd={e.addAtCentre} /> : null}
      <div
        ref={canvasRef}
        className="relative flex min-w-0 flex-1"
        onKeyDownCapture={keyboard.onKeyDownCapture}
      >
        <CanvasAnnouncer message={keyboard.message} connecting={keyboard.connecting} />
        <JourneyCanvas
          nodes={state.nodes}
          edges={state.edges}
          onNodesChange={e.onNodesChange}
          onEdgesChange={e.onEdgesChange}
          onConnect={e.onConnect}
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
  );
}
