"use client";
import { ReactFlowProvider } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useCallback, useRef } from "react";
import type { TSampleContact } from "@/db/queries/sample-contacts";
import { CanvasContext } from "../canvas/canvas-context";
import type { TEditorOptions } from "./editor-options";
import { CollisionDialog } from "./collision-dialog";
import { EditorToolbar } from "./editor-toolbar";
import { CanvasCountsBar } from "../canvas/canvas-counts-bar";
import { useCanvasKeyboard } from "../canvas/use-canvas-keyboard";
import { useJourneyEditor, type TEditorJourney } from "./use-journey-editor";
import { VersionsPopover } from "./versions-popover";
import { EditorCanvas } from "./editor-canvas";
import { VersionView } from "./version-view";
import { JourneyFileActions } from "../diff/journey-file-actions";

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
  const tn = useTranslations("journeys.editor.notice");
  const e = useJourneyEditor(slug, journey, editable, options, canvasRef);
  const { graph: state, onConnect, actions } = e;
  const { viewing, status, liveVersion, busy } = e;
  const { select } = actions;
  const { setPanel } = e;
  const openForm = useCallback(
    (id: string) => {
      select([id]);
      setPanel("step");
    },
    [select, setPanel],
  );
  const keyboard = useCanvasKeyboard({
    graph: state,
    canvasRef,
    onConnect,
    openForm,
    labelOf: e.labelOf,
    enabled: !viewing,
  });

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
            <>
              <JourneyFileActions slug={slug} journeyId={journey.id} />
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
            </>
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
            {typeof e.notice === "string"
              ? e.notice
              : tn(e.notice.key, { version: e.notice.version })}
          </p>
        ) : null}
        {e.hasCounts && !viewing ? (
          <CanvasCountsBar
            slug={slug}
            journeyId={journey.id}
            value={e.countsRange}
            onApply={e.setCountsRange}
            days={e.countedDays}
          />
        ) : null}
        {viewing ? (
          <VersionView e={e} viewing={viewing} editable={editable} />
        ) : (
          <EditorCanvas
            e={e}
            slug={slug}
            editable={editable}
            contacts={contacts}
            options={options}
            canvasRef={canvasRef}
            keyboard={keyboard}
          />
        )}
      </div>
    </CanvasContext.Provider>
  );
}
