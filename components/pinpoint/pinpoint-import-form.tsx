"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import type { TImportReport, TReportEntry } from "@/lib/pinpoint/import/report";

/** A .zip goes as it is (streamed by the route, up to 1 GB); a folder's files go base64 in JSON. */
type TUpload = { zip: File } | { files: { path: string; base64: string }[] };

/** The sample export shipped with Waymark (public/samples/, built from the importer's fixtures). */
export const SAMPLE_EXPORT = "/samples/pinpoint-sample-export.zip";

async function send(slug: string, dryRun: boolean, upload: TUpload): Promise<TImportReport> {
  const url = `/api/w/${slug}/pinpoint-import`;
  if ("files" in upload) return apiFetch(url, { method: "POST", body: { dryRun, ...upload } });
  const res = await fetch(`${url}?dryRun=${dryRun ? 1 : 0}`, {
    method: "POST",
    headers: { "content-type": "application/zip" },
    body: upload.zip,
  });
  const data = (await res.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  };
  if (!res.ok)
    throw new ApiError(
      res.status,
      data.error?.code ?? "error",
      data.error?.message ?? res.statusText,
      data.error?.fields,
    );
  return data as TImportReport;
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function linkOf(slug: string, e: TReportEntry): string | null {
  if (!e.waymarkId) return null;
  const base = `/w/${slug}`;
  switch (e.kind) {
    case "journey":
      return `${base}/journeys/${e.waymarkId}`;
    case "template":
      return `${base}/templates/${e.waymarkId}`;
    case "segment":
      return `${base}/segments/${e.waymarkId}`;
    case "campaign":
      return `${base}/campaigns/${e.waymarkId}`;
    case "settings":
      return `${base}/settings/campaigns`;
    default:
      return null;
  }
}

function Notes({
  title,
  notes,
  tone,
}: {
  title: string;
  notes: { path: string; message: string }[];
  tone: string;
}) {
  if (!notes.length) return null;
  return (
    <div className="mt-2">
      <p className={`text-xs font-semibold uppercase tracking-wide ${tone}`}>{title}</p>
      <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
        {notes.map((n, i) => (
          <li key={i}>
            <code className="rounded bg-slate-100 px-1 text-xs text-slate-800">{n.path}</code>{" "}
            {n.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Entry({ slug, e }: { slug: string; e: TReportEntry }) {
  const t = useTranslations("pinpoint.import");
  const href = linkOf(slug, e);
  const tone =
    e.action === "skip" ? "red" : e.unsupported.length || e.approximated.length ? "amber" : "green";
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="pinpoint-entry"
      data-kind={e.kind}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">{t(`kinds.${e.kind}`)}</Badge>
        <span className="font-medium text-slate-900">{e.name}</span>
        {e.kind === "endpoints" ? null : (
          <Badge tone={tone}>
            {t(
              `actions.${e.action === "skip" ? "skip" : e.action === "update" ? "update" : "create"}`,
            )}
          </Badge>
        )}
        {href ? (
          <Link href={href} className="ml-auto text-sm font-medium text-brand-700 hover:underline">
            {t("open")}
          </Link>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-700">{t("becomes", { what: e.becomes })}</p>
      <p className="text-xs text-slate-500">{t("from", { file: e.file })}</p>
      {e.counts ? (
        <p className="mt-1 text-sm text-slate-700">{t("endpointCounts", e.counts)}</p>
      ) : null}
      <Notes title={t("errors")} notes={e.errors} tone="text-red-700" />
      <Notes title={t("unsupported")} notes={e.unsupported} tone="text-amber-800" />
      <Notes title={t("approximated")} notes={e.approximated} tone="text-slate-600" />
    </li>
  );
}

/** Upload an export, read the dry-run report, then import (Settings → Import from Pinpoint). */
export function PinpointImportForm({ slug }: { slug: string }) {
  const t = useTranslations("pinpoint.import");
  const router = useRouter();
  const errorText = useApiErrorText();
  const [upload, setUpload] = useState<TUpload | null>(null);
  const [reading, setReading] = useState(false);
  const run = useMutation<TImportReport, ApiError, { dryRun: boolean; upload: TUpload }>({
    mutationFn: (v) => send(slug, v.dryRun, v.upload),
    onSuccess: () => router.refresh(),
  });
  const report = run.data;
  const fields = run.error?.fields ?? {};
  const formError = run.error ? (Object.values(fields)[0] ?? errorText(run.error)) : undefined;

  async function choose(files: FileList | null) {
    if (!files?.length) return;
    setReading(true);
    run.reset();
    try {
      const list = [...files];
      if (list.length === 1 && /\.zip$/i.test(list[0]!.name)) setUpload({ zip: list[0]! });
      else
        setUpload({
          files: await Promise.all(
            list.map(async (f) => ({
              path: f.webkitRelativePath || f.name,
              base64: await base64Of(f),
            })),
          ),
        });
    } finally {
      setReading(false);
    }
  }

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700" data-testid="pinpoint-sample">
        {t.rich("sample", {
          link: (chunks) => (
            <a href={SAMPLE_EXPORT} download className="font-medium text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">
          <span className="font-medium text-slate-900">{t("zipTitle")}</span>
          <span className="mt-1 block text-slate-500">{t("zipHint")}</span>
          <input
            type="file"
            accept=".zip,application/zip"
            className="mt-3 block w-full text-sm"
            data-testid="pinpoint-zip"
            onChange={(e) => void choose(e.currentTarget.files)}
          />
        </label>
        <label className="block rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">
          <span className="font-medium text-slate-900">{t("folderTitle")}</span>
          <span className="mt-1 block text-slate-500">{t("folderHint")}</span>
          <input
            type="file"
            multiple
            className="mt-3 block w-full text-sm"
            data-testid="pinpoint-folder"
            {...({ webkitdirectory: "" } as Record<string, string>)}
            onChange={(e) => void choose(e.currentTarget.files)}
          />
        </label>
      </div>
      <div className="flex items-center gap-3">
        <Button
          type="button"
          variant="outline"
          disabled={!upload || reading || run.isPending}
          onClick={() => upload && run.mutate({ dryRun: true, upload })}
        >
          {t("check")}
        </Button>
        <Button
          type="button"
          disabled={!upload || !report?.dryRun || run.isPending}
          onClick={() => upload && run.mutate({ dryRun: false, upload })}
          data-mutates
        >
          {t("import")}
        </Button>
        {reading ? <span className="text-sm text-slate-500">{t("reading")}</span> : null}
        {run.isPending ? <span className="text-sm text-slate-500">{t("working")}</span> : null}
      </div>
      <ErrorAlert variant="box">{formError}</ErrorAlert>
      {report ? (
        <section aria-label={t("reportLabel")} data-testid="pinpoint-report">
          <h2 className="text-base font-semibold text-slate-900">
            {report.dryRun ? t("dryRunDone") : t("imported")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("totals", report.totals)}</p>
          {report.fileErrors.length ? (
            <ErrorAlert as="ul" variant="box" className="mt-3">
              {report.fileErrors.map((f, i) => (
                <li key={i}>
                  <code>{f.path}</code>: {f.message}
                </li>
              ))}
            </ErrorAlert>
          ) : null}
          <ul className="mt-4 space-y-3">
            {report.entries.map((e, i) => (
              <Entry key={`${e.kind}-${e.pinpointId}-${i}`} slug={slug} e={e} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
