"use client";
import { useState } from "react";
import type { TCollision } from "@/lib/journeys/manage/trigger-collisions";
import type { TEditorCommandDeps } from "./editor-command-deps";
import { useFailureText } from "./use-failure-text";
import { useGraphErrorText } from "./use-graph-error-text";

/**
 * Publishing (asking first when live journeys start on the same trigger) and pause, resume and
 * stop. Defects a publish finds are highlighted on the canvas.
 */
export function usePublishCommands({ api, dispatch, decorations, flushSave }: TEditorCommandDeps) {
  // Live journeys that start on the same trigger: publishing waits for the marketer's answer.
  const [collisions, setCollisions] = useState<TCollision[] | null>(null);
  const worded = useGraphErrorText();
  const failureText = useFailureText();
  const publish = async (confirmed = false) => {
    setCollisions(null);
    dispatch({ type: "started", clearNotice: true });
    const saved = await flushSave();
    if (!saved) return dispatch({ type: "settled" });
    if (!confirmed) {
      const c = await api.collisions();
      if (c.ok && c.data.collisions.length) {
        setCollisions(c.data.collisions);
        return dispatch({ type: "settled" });
      }
    }
    const r = await api.publish();
    if (r.ok) {
      decorations.setErrors([]);
      return dispatch({ type: "published", version: r.data.version, unchanged: r.data.unchanged });
    }
    const errors = worded(r.errors);
    decorations.setErrors(errors);
    dispatch({
      type: "publishRejected",
      errors,
      message: failureText(r),
    });
  };
  const changeStatus = async (a: "pause" | "resume" | "stop") => {
    dispatch({ type: "started", clearNotice: false });
    const r = await api.setStatus(a);
    dispatch(
      r.ok
        ? { type: "statusChanged", status: r.data.journey.status }
        : { type: "failed", message: failureText(r) },
    );
  };
  return {
    publish,
    collisions,
    dismissCollisions: () => setCollisions(null),
    changeStatus,
  };
}
