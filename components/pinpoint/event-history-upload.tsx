"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, Input } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import { apiFetch } from "@/lib/http/api-fetch";
import type { TEventImportView } from "@/lib/pinpoint/events/event-import-view";

const ACTIVE = new Set(["queued", "validating", "importing"]);
const STATUSES = ["queued", "validating", "importing", "completed", "failed"] as const;
const TONE = { completed: "green", failed: "red" } as Record<string, "green" | "red">;

function ImportRow({ imp }: { imp: TEventImportView }) {
  const t = useTranslations("pinpointEvents");
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  const status = (STATUSES as readonly string[]).includes(imp.status)
    ? (imp.status as (typeof STATUSES)[number])
    : "queued";
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="event-import">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="break-all font-medium text-slate-900">{imp.fileName}</span>
        <Badge tone={TONE[imp.status] ?? "neutral"}>{t(`status.${status}`)}</Badge>
      </div>
      {imp.status === "importing" && imp.totalLines ? (
        <div className="mt-3 space-y-1">
          <Progress value={(imp.cursorLine / imp.totalLines) * 100} label={t("progressLabel")} />
          <p className="text-xs text-slate-600">
            {t("progress", { line: n(imp.cursorLine), total: n(imp.totalLines) })}
          </p>
        </div>
      ) : null}
      {imp.status !== "queued" && imp.status !== "validating" ? (
        <p className="mt-2 text-sm text-slate-700">
          {t("counts", {
            imported: n(imp.imported),
            duplicates: n(imp.duplicates),
            refused: n(imp.refused),
          })}
        </p>
      ) : null}
      {imp.failureReason ? <p className="mt-2 text-sm text-red-700">{imp.failureReason}</p> : null}
      {imp.errors.length ? (
        <ul className="mt-2 space-y-0.5 text-sm text-slate-700">
          {imp.errors.map((e) => (
            <li key={e.line}>{t("refusedLine", { line: n(e.line), message: e.message })}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * Settings → Import from Pinpoint → Event history: uploads one event-stream file at a time (the
 * pinpoint-event-import job imports it in the background) and lists the latest imports, polled
 * every second while one runs.
 */
export function EventHistoryUpload({ slug }: { slug: string }) {
  const t = useTranslations("pinpointEvents");
  const client = useQueryClient();
  const url = `/api/w/${slug}/pinpoint-event-imports`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data } = useQuery({
    queryKey: ["pinpoint-event-imports", slug],
    queryFn: async () =>
      (await apiFetch<{ imports: TEventImportView[] }>(url, { method: "GET" })).imports,
    refetchInterval: (q) => (q.state.data?.some((i) => ACTIVE.has(i.status)) ? 1000 : false),
  });

  async function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // Read from the form, not from state kept by onChange: a file chosen before the page hydrated
    // fired no onChange.
    const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setError(t("noFile"));
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append("file", file);
    try {
      const res = await fetch(url, { method: "POST", body: form });
      if (res.status !== 202) {
        const body = (await res.json().catch(() => ({}))) as {
          error?: { message?: string; fields?: Record<string, string> };
        };
        setError(
          body.error?.fields?.file ??
            body.error?.message ??
            t("uploadFailed", { status: res.status }),
        );
      } else {
        (e.target as HTMLFormElement).reset();
      }
    } catch {
      setError(t("uploadFailed", { status: 0 }));
    }
    setBusy(false);
    await client.invalidateQueries({ queryKey: ["pinpoint-event-imports", slug] });
  }

  return (
    <section
      className="mt-8 space-y-4 border-t border-slate-200 pt-6"
      aria-labelledby="event-history-title"
    >
      <div>
        <h2 id="event-history-title" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      <form onSubmit={upload} noValidate className="flex flex-wrap items-end gap-3">
        <Field id="event-history-file" label={t("file")}>
          <Input
            id="event-history-file"
            name="file"
            type="file"
            accept=".gz,.ndjson,.jsonl,.json,.txt"
            className="py-1.5"
          />
        </Field>
        <Button type="submit" disabled={busy} data-mutates>
          {busy ? t("uploading") : t("upload")}
        </Button>
      </form>
      <ErrorAlert>{error}</ErrorAlert>
      {data?.length ? (
        <ul className="space-y-3">
          {data.map((imp) => (
            <ImportRow key={imp.id} imp={imp} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
    </section>
  );
}
