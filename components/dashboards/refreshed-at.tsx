"use client";
import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** When the figures were last brought up to date, in the viewer's own time zone. */
export function RefreshedAt({ at, workspaceZone }: { at: string | null; workspaceZone: string }) {
  const t = useTranslations("dashboards");
  const locale = useLocale();
  const local = useSyncExternalStore(
    noop,
    () =>
      at
        ? `${new Date(at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })} (${Intl.DateTimeFormat().resolvedOptions().timeZone})`
        : t("notYet"),
    () => (at ? new Date(at).toISOString().replace("T", " ").slice(0, 16) + " UTC" : t("notYet")),
  );
  return (
    <p className="text-xs text-slate-500" data-testid="refreshed-at">
      {t("refreshedAt", { at: local, zone: workspaceZone })}
    </p>
  );
}
