"use client";
import { useLocale, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Eye, GitCompare, History, RotateCcw } from "lucide-react";
import Link from "next/link";
import { Popover } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/dates";
import { cn } from "@/lib/utils";
import type { journeyApi, TJourneyStatus } from "./journey-api";
import { ErrorAlert } from "@/components/ui/error-alert";

type Props = {
  api: ReturnType<typeof journeyApi>;
  journeyId: string;
  liveVersion: number;
  status: TJourneyStatus;
  editable: boolean;
  /** The version shown read-only on the canvas, if any. */
  viewing: number | null;
  onView: (version: number) => void;
  onRestore: (version: number) => void;
};

/** "Versions": every published version, which one new contacts enter, view one, restore one as the draft. */
export function VersionsPopover({
  api,
  journeyId,
  liveVersion,
  status,
  editable,
  viewing,
  onView,
  onRestore,
}: Props) {
  const [open, setOpen] = useState(false);
  const list = useQuery({
    // The live version is in the key, so a publish shows up the next time the list opens.
    queryKey: ["journey-versions", journeyId, liveVersion],
    queryFn: async () => {
      const r = await api.versions();
      if (!r.ok) throw new Error(r.message);
      return r.data.versions;
    },
    enabled: open,
    staleTime: 0,
  });
  const running = status === "live" || status === "paused";
  const tv = useTranslations("journeys.versions");
  const td = useTranslations("journeyDiff");
  const locale = useLocale();
  // The editor does not know the workspace's zone: the viewer's own, as the version banner shows.
  const when = (iso: string) =>
    formatDateTime(new Date(iso), Intl.DateTimeFormat().resolvedOptions().timeZone, locale);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <Button
          variant="ghost"
          size="sm"
          aria-label={tv("button")}
          title={tv("buttonHint")}
          disabled={liveVersion === 0}
          data-testid="versions-button"
        >
          <History /> <span className="hidden @6xl:inline">{tv("button")}</span>
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="z-50 w-96 rounded-lg border border-slate-200 bg-white shadow-lg"
          data-testid="versions-panel"
          aria-label={tv("title")}
        >
          <div className="border-b border-slate-100 px-4 py-3">
            <h2 className="text-sm font-semibold text-slate-900">{tv("title")}</h2>
            <p className="text-xs text-slate-500">{tv("intro")}</p>
          </div>
          <ol className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
            {(list.data ?? []).map((v) => {
              const live = v.version === liveVersion && running;
              return (
                <li
                  key={v.version}
                  className={cn("px-4 py-3", viewing === v.version && "bg-brand-50/60")}
                  data-testid={`version-${v.version}`}
                >
                  <div className="flex items-center gap-2">
                    <span className="font-semibold text-slate-900">
                      {tv("version", { n: v.version })}
                    </span>
                    {live ? (
                      <span
                        className="rounded-full bg-emerald-100 px-2 py-0.5 text-[11px] font-semibold text-emerald-700"
                        data-testid="version-live"
                      >
                        {status === "paused" ? tv("livePaused") : tv("live")}
                      </span>
                    ) : null}
                    {viewing === v.version ? (
                      <span className="rounded-full bg-brand-100 px-2 py-0.5 text-[11px] font-semibold text-brand-700">
                        {tv("viewing")}
                      </span>
                    ) : null}
                    <span className="ml-auto text-xs text-slate-600" data-testid="version-entered">
                      {tv("entered", { count: v.entered })}
                    </span>
                  </div>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {v.publishedBy
                      ? tv("publishedBy", { at: when(v.publishedAt), by: v.publishedBy })
                      : when(v.publishedAt)}
                  </p>
                  <div className="mt-2 flex gap-2">
                    <Button
                      variant="outline"
                      size="sm"
                      className="h-7"
                      onClick={() => {
                        setOpen(false);
                        onView(v.version);
                      }}
                      aria-label={tv("viewHint", { n: v.version })}
                    >
                      <Eye /> {tv("view")}
                    </Button>
                    <Button variant="outline" size="sm" className="h-7" asChild>
                      <Link
                        href={`./${journeyId}/diff?from=${v.version}&to=draft`}
                        data-testid={`compare-version-${v.version}`}
                      >
                        <GitCompare /> {td("compareWithDraft")}
                      </Link>
                    </Button>
                    {editable ? (
                      <Button
                        variant="outline"
                        size="sm"
                        className="h-7"
                        data-mutates
                        onClick={() => {
                          setOpen(false);
                          onRestore(v.version);
                        }}
                        aria-label={tv("restoreHint", { n: v.version })}
                      >
                        <RotateCcw /> {tv("restore")}
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
            {list.isLoading ? (
              <li className="px-4 py-3 text-sm text-slate-500">{tv("loading")}</li>
            ) : null}
            {list.isError ? (
              <ErrorAlert as="li" className="px-4 py-3">
                {list.error.message}
              </ErrorAlert>
            ) : null}
          </ol>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
