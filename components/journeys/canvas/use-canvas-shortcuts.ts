"use client";
import { useEffect } from "react";
import type { TCanvasActions } from "./use-canvas";

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

/** Undo/redo, copy/paste, delete and select-all while the canvas (not a form field) has focus. */
export function useCanvasShortcuts(actions: TCanvasActions, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const mod = e.metaKey || e.ctrlKey;
      const key = e.key.toLowerCase();
      let handled = true;
      if (mod && key === "z" && e.shiftKey) actions.redo();
      else if (mod && key === "z") actions.undo();
      else if (mod && key === "y") actions.redo();
      else if (mod && key === "c") handled = actions.copy() > 0;
      else if (mod && key === "v") actions.paste();
      else if (mod && key === "a") actions.select("all");
      else if (!mod && (e.key === "Delete" || e.key === "Backspace")) actions.removeSelected();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions, enabled]);
}
