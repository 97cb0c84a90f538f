"use client";
import { useQuery } from "@tanstack/react-query";
import { Download, Users } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { apiFetch } from "@/lib/http/api-fetch";
import type { TImportView } from "@/lib/imports/import-view";
import { formatNumber } from "@/lib/format/numbers";
import { formatDuration } from "./format";
import { ImportStatusBadge } from "./import-status-badge";
import { ErrorAlert } from "@/components/ui/error-alert";

const ACTIVE = new Set(["queued", "validating", "importing"]);

function Stat({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: number;
  tone?: string;
  testId: string;
}) {
  const locale = useLocale();
  return (
    <div className="rounded-lg border border-slate-200 px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone ?? ""}`} data-testid={testId}>
        {formatNumber(value, locale)}
      </dd>
    </div>
  );
}

/** Polls the import every second while it runs, then shows what happened. */
export function ImportProgress({ slug, initial }: { slug: string; initial: TImportView }) {
  const t = useTranslations("imports.progress");
  const locale = useLocale();
  const num = (n: number) => formatNumber(n, locale);
  const { data } = useQuery({
    queryKey: ["contact-import", initial.id],
    queryFn: async () =>
      (
        await apiFetch<{ import: TImportView }>(`/api/w/${slug}/contacts/imports/${initial.id}`, {
          method: "GET",
        })
      ).import,
    initialData: initial,
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? 1000 : false),
  });
  const imp = data;
  const reportUrl = `/api/w/${slug}/contacts/imports/${imp.id}/errors.csv`;

  if (ACTIVE.has(imp.status)) {
    const phase = imp.status as "queued" | "validating" | "importing";
    return (
      <Card>
        <CardHeader
          title={t("importing")}
          description={t("importingHint")}
          actions={<ImportStatusBadge status={imp.status} />}
        />
        <CardBody className="space-y-3">
          <p className="text-sm font-medium text-slate-800">{t(`phase.${phase}`)}</p>
          <Progress value={imp.progress.percent} label={t("bar")} />
          <p className="text-sm tabular-nums text-slate-600" data-testid="import-progress-text">
            {t(`count.${phase}`, {
              done: num(imp.progress.done),
              total: num(imp.progress.total),
              percent: imp.progress.percent,
            })}
            {imp.failedRows
              ? ` · ${t(imp.status === "validating" ? "problemsSoFar" : "problemsSkipped", { n: num(imp.failedRows) })}`
              : null}
          </p>
          {imp.lastError ? (
            <p className="text-sm text-amber-700">{t("retrying", { error: imp.lastError })}</p>
          ) : null}
        </CardBody>
      </Card>
    );
  }

  if (imp.status === "failed") {
    return (
      <Card>
        <CardHeader
          title={t("failed")}
          description={t("failedHint")}
          actions={<ImportStatusBadge status={imp.status} />}
        />
        <CardBody className="space-y-3">
          <ErrorAlert variant="box" className="px-4 py-3 text-red-800" data-testid="import-failure">
            {imp.failureReason}
          </ErrorAlert>
          <p className="text-sm text-slate-600">{t("fixAndRetry")}</p>
        </CardBody>
      </Card>
    );
  }

  if (imp.status !== "completed") {
    return (
      <Card>
        <CardHeader
          title={t("expired")}
          description={t("expiredHint")}
          actions={<ImportStatusBadge status={imp.status} />}
        />
      </Card>
    );
  }

  const took =
    imp.startedAt && imp.finishedAt
      ? formatDuration(new Date(imp.finishedAt).getTime() - new Date(imp.startedAt).getTime())
      : null;
  return (
    <Card>
      <CardHeader
        title={t("complete")}
        description={took ? t("finishedIn", { took }) : undefined}
        actions={<ImportStatusBadge status={imp.status} />}
      />
      <CardBody className="space-y-5">
        <dl className="grid grid-cols-3 gap-4">
          <Stat label={t("rowsInFile")} value={imp.totalRows} testId="import-total" />
          <Stat
            label={t("imported")}
            value={imp.importedRows}
            tone="text-emerald-700"
            testId="import-imported"
          />
          <Stat
            label={t("failedRows")}
            value={imp.failedRows}
            tone={imp.failedRows ? "text-red-700" : undefined}
            testId="import-failed"
          />
        </dl>
        <div className="flex flex-wrap items-center gap-3">
          {imp.failedRows ? (
            <Button asChild variant="outline">
              <a href={reportUrl} download>
                <Download /> {t("downloadReport")}
              </a>
            </Button>
          ) : null}
          <Button asChild variant="ghost">
            <Link href={`/w/${slug}/contacts`}>
              <Users /> {t("viewContacts")}
            </Link>
          </Button>
        </div>
        {imp.failedRows ? <p className="text-sm text-slate-600">{t("reportHint")}</p> : null}
      </CardBody>
    </Card>
  );
}
