"use client";
import { useCallback, type RefObject } from "react";
import { ZDraftGraph, type TDraftGraph } from "@/lib/journeys/graph/graph-schema";
import type { TEditorCommandDeps } from "./editor-command-deps";

/**
 * Viewing a published version beside the draft, and restoring one: the restored graph enters the
 * canvas as one edit (Undo brings the steps back, autosave stores it), with the version's settings.
 */
export function useVersionCommands({
  api,
  dispatch,
  decorations,
  flushSave,
  replaceGraph,
  settingsRef,
}: TEditorCommandDeps & {
  replaceGraph: (graph: TDraftGraph) => void;
  /** What autosave stores as the settings; set before it runs, so it stores them with the graph. */
  settingsRef: RefObject<Record<string, unknown>>;
}) {
  const viewVersion = async (version: number) => {
    dispatch({ type: "notice", notice: null });
    const r = await api.version(version);
    const parsed = r.ok ? ZDraftGraph.safeParse(r.data.version.graph) : null;
    if (!r.ok || !parsed?.success)
      return dispatch({
        type: "notice",
        notice: r.ok ? { key: "cannotShow", version } : r.message,
      });
    dispatch({ type: "view", version: { ...r.data.version, graph: parsed.data } });
  };
  const restoreVersion = async (version: number) => {
    dispatch({ type: "started", clearNotice: true });
    const saved = await flushSave();
    const r = saved ? await api.restore(version) : null;
    if (!r) return dispatch({ type: "settled" });
    const parsed = r.ok ? ZDraftGraph.safeParse(r.data.graph) : null;
    if (!r.ok || !parsed?.success)
      return dispatch({
        type: "failed",
        message: r.ok ? `Version ${version} cannot be shown on this canvas` : r.message,
      });
    replaceGraph(parsed.data);
    settingsRef.current = r.data.settings;
    dispatch({ type: "settings", settings: r.data.settings });
    decorations.setErrors([]);
    dispatch({ type: "restored", version });
  };
  const closeVersion = useCallback(() => dispatch({ type: "view", version: null }), [dispatch]);
  return { viewVersion, restoreVersion, closeVersion };
}
