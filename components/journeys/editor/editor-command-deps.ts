import type { Dispatch } from "react";
import type { CanvasDecorations } from "../canvas/canvas-decorations";
import type { TEditorAction } from "./journey-editor-state";
import type { journeyApi } from "./journey-api";

/** What the editor's command hooks share: the routes, the editor's state, the canvas's marks. */
export type TEditorCommandDeps = {
  api: ReturnType<typeof journeyApi>;
  dispatch: Dispatch<TEditorAction>;
  decorations: CanvasDecorations;
  /** Saves the draft now; false when it could not. */
  flushSave: () => Promise<boolean>;
  editable: boolean;
};
