"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { TSummaryContext } from "@/lib/journeys/canvas/summarize-node";
import { diffGraphs } from "@/lib/journeys/diff/diff-graphs";
import { ZDraftGraph, type TDraftGraph } from "@/lib/journeys/graph/graph-schema";
import { DiffCanvas } from "./diff-canvas";
import { DiffList } from "./diff-list";
import { readJourneyFromFile } from "./read-journey-file";

export type TDiffSide = { key: string; version: number | null; graph: TDraftGraph };

type Props = {
  slug: string;
  journey: { id: string; name: string };
  sides: TDiffSide[];
  from: string;
  to: string;
  /** Comparing with a file maps its names to this workspace's ids through the import's preview. */
  canUpload: boolean;
  templates: { id: string; name: string; publishedVersion: number }[];
  segments: { id: string; name: string }[];
};

const FILE = "file";

/** Two versions of a journey side by side on one canvas (and as a list): base → compared. */
export function JourneyDiffView(p: Props) {
  const t = useTranslations("journeyDiff");
  const [from, setFrom] = useState(p.from);
  const [to, setTo] = useState(p.to);
  const [file, setFile] = useState<{ name: string; graph: TDraftGraph } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const words = useTranslations("journeys.summary");
  const summary = useMemo<TSummaryContext>(() => {
    const templates = new Map(p.templates.map((x) => [x.id, x]));
    const segments = new Map(p.segments.map((x) => [x.id, x.name]));
    return { template: (id) => templates.get(id), segment: (id) => segments.get(id), words };
  }, [p.templates, p.segments, words]);
  const graphOf = (key: string) =>
    key === FILE ? file?.graph : p.sides.find((s) => s.key === key)?.graph;
  const before = graphOf(from);
  const after = graphOf(to);
  const diff = useMemo(() => (before && after ? diffGraphs(before, after) : null), [before, after]);
  const label = (s: TDiffSide) =>
    s.version === null ? t("draft") : t("version", { version: s.version });
  const options = (
    <>
      {p.sides.map((s) => (
        <option key={s.key} value={s.key}>
          {label(s)}
        </option>
      ))}
      {file ? <option value={FILE}>{t("fileOption", { name: file.name })}</option> : null}
    </>
  );

  async function upload(f: File) {
    setError(null);
    const r = await readJourneyFromFile(p.slug, p.journey.name, f);
    if (!r.ok)
      return setError(
        t(
          `fileError.${r.code}`,
          r.code === "refused"
            ? { detail: r.detail }
            : r.code === "noJourney"
              ? { name: r.name }
              : {},
        ),
      );
    const graph = ZDraftGraph.safeParse(r.graph);
    if (!graph.success) return setError(t("fileUnreadable"));
    setFile({ name: f.name, graph: graph.data });
    setTo(FILE);
  }

  return (
    <div className="-mx-8 -my-6 flex h-screen flex-col bg-slate-50" data-testid="journey-diff">
      <header className="flex flex-wrap items-end gap-4 border-b border-slate-200 bg-white px-6 py-4">
        <div className="min-w-0">
          <Link
            href={`/w/${p.slug}/journeys/${p.journey.id}`}
            className="text-xs text-slate-600 hover:underline"
          >
            {t("back", { name: p.journey.name })}
          </Link>
          <h1 className="text-lg font-semibold text-slate-900">{t("title")}</h1>
        </div>
        <label className="text-sm text-slate-700">
          <span className="block text-xs text-slate-500">{t("base")}</span>
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="diff-from"
          >
            {options}
          </select>
        </label>
        <label className="text-sm text-slate-700">
          <span className="block text-xs text-slate-500">{t("compared")}</span>
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            data-testid="diff-to"
          >
            {options}
          </select>
        </label>
        {p.canUpload ? (
          <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            {t("compareFile")}
            <input
              type="file"
              accept="application/json,.json"
              className="sr-only"
              data-testid="diff-file"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
              }}
            />
          </label>
        ) : null}
        {diff ? (
          <p className="ml-auto text-sm text-slate-700" data-testid="diff-counts">
            {t("counts", {
              added: diff.counts.added,
              removed: diff.counts.removed,
              changed: diff.counts.changed,
            })}
          </p>
        ) : null}
      </header>
      <ErrorAlert variant="box" className="mx-6 mt-3" data-testid="diff-error">
        {error}
      </ErrorAlert>
      {diff ? (
        <div className="flex min-h-0 flex-1">
          <DiffCanvas diff={diff} summary={summary} />
          <aside className="w-[340px] shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-4">
            <DiffList diff={diff} summary={summary} />
          </aside>
        </div>
      ) : null}
    </div>
  );
}
