"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { TCanvasNode } from "@/lib/journeys/canvas/canvas-state";
import { summarizeNode, type TSummaryContext } from "@/lib/journeys/canvas/summarize-node";
import type { TEditorOptions } from "./editor-options";

/**
 * How the editor names steps: what each one does (its summary, with template and segment names),
 * a step's label for announcements and pickers, and the send steps the forms can point at.
 */
export function useStepLabels(
  nodes: readonly TCanvasNode[],
  options: Omit<TEditorOptions, "sendNodes">,
) {
  const words = useTranslations("journeys.summary");
  const tk = useTranslations("journeys.kinds");
  const te = useTranslations("journeys.editor");
  const summary = useMemo<TSummaryContext>(() => {
    const templates = new Map(options.templates.map((t) => [t.id, t]));
    const segments = new Map(options.segments.map((x) => [x.id, x.name]));
    return { template: (id) => templates.get(id), segment: (id) => segments.get(id), words };
  }, [options.templates, options.segments, words]);
  const labelOf = (id: string) => {
    const n = nodes.find((x) => x.id === id);
    if (!n?.type) return te("deletedStep");
    // A named step reads by its name; an unnamed one by its kind and what it does.
    const named = typeof n.data.name === "string" && n.data.name.trim();
    return named
      ? `${n.data.name as string} · ${summarizeNode(n.type, n.data, summary)}`
      : `${tk(`${n.type}.label`)} · ${summarizeNode(n.type, n.data, summary)}`;
  };

  // The send steps as one string, so the options (and the memoised panel) change only with them.
  const sendKey = nodes
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

  return { summary, labelOf, panelOptions };
}
