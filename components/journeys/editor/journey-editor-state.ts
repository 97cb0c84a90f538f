import type { TDraftGraph } from "@/lib/journeys/graph/graph-schema";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";
import type { TPanel } from "./editor-side-panel";
import type { TJourneyStatus, TVersionGraph } from "./journey-api";

/** A published version opened read-only beside the draft. */
export type TViewedVersion = Omit<TVersionGraph, "graph"> & { graph: TDraftGraph };

/**
 * Everything the journey editor shows around the canvas (the canvas's own nodes, edges and undo
 * history live in use-canvas). Pure, so each transition is tested without a browser.
 */
/**
 * What the bar under the toolbar says: the editor's own news as a catalogue key
 * (journeys.editor.notice.<key>) with its version, or a server's message as it came.
 */
export type TNotice =
  string | { key: "published" | "unchanged" | "restored" | "cannotShow"; version: number };

export type TEditorState = {
  name: string;
  status: TJourneyStatus;
  liveVersion: number;
  settings: Record<string, unknown>;
  /** Bumped on every settings edit, so autosave sees a change. */
  settingsRev: number;
  viewing: TViewedVersion | null;
  /** The last publish's or test's defects, by node. */
  errors: TGraphError[];
  notice: TNotice | null;
  /** A publish, restore or status change is on its way. */
  busy: boolean;
  panel: TPanel;
  /** The node whose form the side panel last opened for selection. */
  shownSelection: string | undefined;
};

export type TEditorAction =
  | { type: "started"; clearNotice: boolean }
  | { type: "settled" }
  | { type: "published"; version: number; unchanged?: boolean }
  | { type: "publishRejected"; errors: TGraphError[]; message: string }
  | { type: "statusChanged"; status: TJourneyStatus }
  | { type: "failed"; message: string }
  | { type: "notice"; notice: TNotice | null }
  | { type: "errors"; errors: TGraphError[] }
  | { type: "renamed"; name: string }
  | { type: "view"; version: TViewedVersion | null }
  | { type: "restored"; version: number }
  | { type: "settings"; settings: Record<string, unknown> }
  | { type: "panel"; panel: TPanel }
  | { type: "selected"; nodeId: string | undefined };

export function initialEditorState(journey: {
  name: string;
  status: TJourneyStatus;
  liveVersion: number;
  draftSettings: Record<string, unknown>;
}): TEditorState {
  return {
    name: journey.name,
    status: journey.status,
    liveVersion: journey.liveVersion,
    settings: journey.draftSettings,
    settingsRev: 0,
    viewing: null,
    errors: [],
    notice: null,
    busy: false,
    panel: "settings",
    shownSelection: undefined,
  };
}

export function journeyEditorReducer(s: TEditorState, a: TEditorAction): TEditorState {
  switch (a.type) {
    case "started":
      return { ...s, busy: true, notice: a.clearNotice ? null : s.notice };
    case "settled":
      return { ...s, busy: false };
    case "published":
      return {
        ...s,
        busy: false,
        liveVersion: a.version,
        status: "live",
        errors: [],
        // Only the layout changed: the live version stays, and the marketer is told why.
        notice: { key: a.unchanged ? "unchanged" : "published", version: a.version },
      };
    // Defects open the Problems panel; a refusal without any (a conflict) is said in the notice.
    case "publishRejected":
      return {
        ...s,
        busy: false,
        errors: a.errors,
        notice: a.errors.length ? null : a.message,
        panel: a.errors.length ? "problems" : s.panel,
      };
    case "statusChanged":
      return { ...s, busy: false, status: a.status };
    case "failed":
      return { ...s, busy: false, notice: a.message };
    case "notice":
      return { ...s, notice: a.notice };
    case "errors":
      return { ...s, errors: a.errors };
    case "renamed":
      return { ...s, name: a.name };
    case "view":
      return { ...s, viewing: a.version };
    case "restored":
      return {
        ...s,
        busy: false,
        viewing: null,
        errors: [],
        notice: { key: "restored", version: a.version },
      };
    case "settings":
      return { ...s, settings: a.settings, settingsRev: s.settingsRev + 1 };
    case "panel":
      return { ...s, panel: a.panel };
    // Selecting another step opens its form; clearing the selection leaves the panel as it is.
    case "selected":
      return { ...s, shownSelection: a.nodeId, panel: a.nodeId ? "step" : s.panel };
  }
}
