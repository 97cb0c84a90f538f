"use client";
import { useQuery } from "@tanstack/react-query";
import { Eye, History, RotateCcw } from "lucide-react";
import { Popover } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
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

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

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
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <Button
          variant="ghost"
          size="sm"
          aria-label="Versions"
          title="Published versions: view one, or restore it as the draft"
          disabled={liveVersion === 0}
          data-testid="versions-button"
        >
          <History /> <span className="hidden @6xl:inline">Versions</span>
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="z-50 w-96 rounded-lg border border-slate-200 bg-white shadow-lg"
          data-testid="versions-panel"
          aria-label="Published versions"
        >
          <div className="border-b border-slate-100 px-4 py-3">
            <h2 className="text-sm font-semibold text-slate-900">Published versions</h2>
            <p className="text-xs text-slate-500">
              Contacts stay on the version they entered. Restoring copies a version into the draft;
              publish to make it live.
            </p>
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
                    <span className="font-semibold text-slate-900">Version {v.version}</span>
                    {live ? (
                      <span
                        className="rounded-full bg-emerald-100 px-2 py-0.5 text-[11px] font-semibold text-emerald-700"
                        data-testid="version-live"
                      >
                        {status === "paused" ? "Live · paused" : "Live"}
                      </span>
                    ) : null}
                    {viewing === v.version ? (
                      <span className="rounded-full bg-brand-100 px-2 py-0.5 text-[11px] font-semibold text-brand-700">
                        Viewing
                      </span>
                    ) : null}
                    <span className="ml-auto text-xs text-slate-600" data-testid="version-entered">
                      {v.entered.toLocaleString()} {v.entered === 1 ? "contact" : "contacts"}{" "}
                      entered
                    </span>
                  </div>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {when.format(new Date(v.publishedAt))}
                    {v.publishedBy ? ` · by ${v.publishedBy}` : ""}
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
                      aria-label={`View version ${v.version}`}
                    >
                      <Eye /> View
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
                        aria-label={`Restore version ${v.version} as draft`}
                      >
                        <RotateCcw /> Restore as draft
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
            {list.isLoading ? <li className="px-4 py-3 text-sm text-slate-500">Loading…</li> : null}
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
