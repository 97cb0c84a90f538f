"use client";
import { useTranslations } from "next-intl";
import { ArrowLeft, LayoutGrid, ListChecks, Redo2, Rocket, Undo2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { TJourneyStatus } from "./journey-api";
import { JourneyName } from "./journey-name";
import { JourneyStatusBadge } from "../list/journey-status-badge";
import { SaveIndicator } from "./save-indicator";
import { StatusControls } from "./status-controls";
import type { TSaveState } from "./use-autosave";

type Props = {
  slug: string;
  journeyId: string;
  name: string;
  status: TJourneyStatus;
  liveVersion: number;
  editable: boolean;
  save: { state: TSaveState; error: string | null };
  canUndo: boolean;
  canRedo: boolean;
  busy: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onPublish: () => void;
  onStatus: (a: "pause" | "resume" | "stop") => void;
  onRename: (name: string) => Promise<string | null>;
  /** The Versions menu. */
  versions: ReactNode;
  /** A published version is on the canvas: the draft's editing controls rest until it is closed. */
  viewingVersion: boolean;
  totals?: { entered: number; active: number; completed: number; converted: number };
};

/**
 * The header is a size container: on a laptop (1280 px, a 1040-px editor beside the sidebar) the
 * secondary labels (Runs, Versions, "Saved", "· Live") fold to their icons and the name truncates,
 * so Publish never slides off the edge. The folded labels stay in the accessible name and title.
 */
export function EditorToolbar(p: Props) {
  const t = useTranslations("journeys.editor");
  return (
    <header className="@container flex h-14 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-4 @6xl:gap-3">
      <Link
        href={`/w/${p.slug}/journeys`}
        className="text-slate-500 hover:text-slate-800"
        aria-label={t("allJourneys")}
      >
        <ArrowLeft className="size-4" />
      </Link>
      <JourneyName name={p.name} editable={p.editable} onRename={p.onRename} />
      <JourneyStatusBadge status={p.status} />
      {p.liveVersion > 0 ? (
        <span className="whitespace-nowrap text-sm text-slate-600" data-testid="live-version">
          {t("version", { n: p.liveVersion })}
          {p.status === "live" ? <span className="hidden @6xl:inline"> · {t("live")}</span> : null}
        </span>
      ) : null}
      {p.totals ? (
        <span
          className="hidden min-w-0 truncate whitespace-nowrap text-xs text-slate-500 2xl:inline"
          data-testid="journey-totals"
          title={t("totalsHint")}
        >
          {t("totals", p.totals)}
        </span>
      ) : null}
      <div className="ml-auto flex shrink-0 items-center gap-1 @6xl:gap-2">
        <Button asChild variant="ghost" size="sm">
          <Link
            href={`/w/${p.slug}/journeys/runs?journey=${p.journeyId}`}
            aria-label={t("runs")}
            title={t("runsHint")}
          >
            <ListChecks /> <span className="hidden @6xl:inline">{t("runs")}</span>
          </Link>
        </Button>
        {p.versions}
        {p.editable && !p.viewingVersion ? (
          <>
            <SaveIndicator state={p.save.state} error={p.save.error} />
            <div className="mx-1 flex">
              <Button
                variant="ghost"
                size="icon"
                aria-label={t("undo")}
                title={t("undoHint")}
                disabled={!p.canUndo}
                onClick={p.onUndo}
                data-mutates
              >
                <Undo2 />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label={t("redo")}
                title={t("redoHint")}
                disabled={!p.canRedo}
                onClick={p.onRedo}
                data-mutates
              >
                <Redo2 />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label={t("tidy")}
                title={t("tidy")}
                onClick={p.onLayout}
                data-mutates
              >
                <LayoutGrid />
              </Button>
            </div>
            <StatusControls status={p.status} busy={p.busy} onAction={p.onStatus} />
            {p.status !== "stopped" ? (
              <Button size="sm" data-mutates disabled={p.busy} onClick={p.onPublish}>
                <Rocket /> {p.liveVersion > 0 ? t("publishChanges") : t("publish")}
              </Button>
            ) : null}
          </>
        ) : p.editable ? null : (
          <span className="text-xs text-slate-500">{t("readOnly")}</span>
        )}
      </div>
    </header>
  );
}
