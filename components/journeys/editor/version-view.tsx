"use client";
import type { TJourneyEditorModel } from "./use-journey-editor";
import { VersionBanner } from "./version-banner";
import { VersionViewer } from "./version-viewer";

/** A published version shown in place of the canvas, with its banner (restore, close). */
export function VersionView({
  e,
  viewing,
  editable,
}: {
  e: TJourneyEditorModel;
  viewing: NonNullable<TJourneyEditorModel["viewing"]>;
  editable: boolean;
}) {
  const { status, liveVersion, busy } = e;
  return (
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
  );
}
