"use client";
import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** When the figures were last brought up to date, in the viewer's own time zone. */
export function RefreshedAt({ at, workspaceZone }: { at: string | null; workspaceZone: string }) {
  const local = useSyncExternalStore(
    noop,
    () =>
      at
        ? `${new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })} (${Intl.DateTimeFormat().resolvedOptions().timeZone})`
        : "not yet",
    () => (at ? new Date(at).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "not yet"),
  );
  return (
    <p className="text-xs text-slate-500" data-testid="refreshed-at">
      Figures updated {local} · days counted in the workspace&apos;s zone ({workspaceZone})
    </p>
  );
}
