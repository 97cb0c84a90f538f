"use client";
import { useConflictText } from "@/components/app/use-api-error-text";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { TEditorCommandDeps } from "./editor-command-deps";
import type { TSimulation } from "./journey-api";
import { useGraphErrorText } from "./use-graph-error-text";

/**
 * Testing the journey on a contact, and renaming it. The test runs the saved draft, so it saves
 * first; a draft with defects is highlighted like a publish, and the path taken is drawn.
 */
export function useTestAndRename({
  api,
  dispatch,
  decorations,
  flushSave,
  editable,
}: TEditorCommandDeps) {
  const conflictText = useConflictText();
  const worded = useGraphErrorText();
  const te = useTranslations("journeys.editor");
  const simulate = async (body: Parameters<typeof api.simulate>[0]) => {
    if (editable && !(await flushSave()))
      return {
        ok: false as const,
        status: 0,
        message: te("saveFirst"),
        errors: [],
        fields: {},
      };
    const r = await api.simulate(body);
    if (!r.ok && r.errors.length) {
      const errors = worded(r.errors);
      dispatch({ type: "errors", errors });
      decorations.setErrors(errors);
      return { ...r, errors };
    }
    return r;
  };
  const onSimulated = useCallback(
    (sim: TSimulation | null) => decorations.setPath(sim?.path ?? []),
    [decorations],
  );
  const rename = async (next: string) => {
    const r = await api.save({ name: next });
    if (!r.ok) return conflictText(r.reason) ?? r.fields.name ?? r.message;
    dispatch({ type: "renamed", name: next });
    return null;
  };
  return { simulate, onSimulated, rename };
}
