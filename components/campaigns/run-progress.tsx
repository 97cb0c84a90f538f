"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { apiFetch } from "@/lib/http/api-fetch";
import type { TRunProgress } from "@/db/queries/campaign-runs";
import type { TCampaignDeliveryStatus, TCampaignRunStatus } from "@/db/schema";
import { formatNumber } from "@/lib/format/numbers";
import { useCampaignStateLabel } from "@/components/app/use-labels";
import { ErrorAlert } from "@/components/ui/error-alert";

type TRunView = {
  run: {
    id: string;
    status: TCampaignRunStatus;
    audienceCount: number | null;
    treatments: { label: string }[];
    error: string | null;
  };
  progress: TRunProgress;
};

const OPEN: TCampaignRunStatus[] = ["snapshotting", "sending"];
const SKIPS: TCampaignDeliveryStatus[] = [
  "opted_out",
  "no_address",
  "suppressed",
  "topic_opt_out",
  "frequency_cap",
  "quiet_hours",
  "expired",
  "cancelled",
];

/**
 * A run's live progress: the bar fills as deliveries settle (sent, failed or skipped) out of all
 * that were queued, with every outcome counted. Polls every second while the run is open.
 */
export function RunProgress({ slug, initial }: { slug: string; initial: TRunView }) {
  const t = useTranslations("campaigns.run");
  const td = useTranslations("campaigns.delivery");
  const locale = useLocale();
  const num = (x: number) => formatNumber(x, locale);
  const stateLabel = useCampaignStateLabel();
  const { data } = useQuery<TRunView>({
    queryKey: ["campaign-run", slug, initial.run.id],
    queryFn: () =>
      apiFetch<TRunView>(`/api/w/${slug}/campaigns/runs/${initial.run.id}`, { method: "GET" }),
    initialData: initial,
    refetchInterval: (q) => (OPEN.includes(q.state.data?.run.status ?? "completed") ? 1000 : false),
  });
  const { run, progress } = data;
  const by = progress.byStatus;
  const n = (s: TCampaignDeliveryStatus) => by[s] ?? 0;
  const toSend = progress.total - n("holdout");
  const settled = toSend - n("queued") - n("sending");
  const pct = toSend > 0 ? (settled / toSend) * 100 : run.status === "completed" ? 100 : 0;
  const sentPct = toSend > 0 ? (n("sent") / toSend) * 100 : 0;
  const failedPct = toSend > 0 ? (n("failed") / toSend) * 100 : 0;
  const skippedPct = Math.max(0, pct - sentPct - failedPct);
  return (
    <Card className="space-y-5 p-6">
      <div className="flex items-center justify-between gap-4">
        <div className="flex items-center gap-3">
          <h2 className="text-base font-semibold">{t("progress")}</h2>
          <Badge
            data-testid="run-status"
            tone={run.status === "completed" ? "green" : run.status === "failed" ? "red" : "brand"}
          >
            {stateLabel(run.status)}
          </Badge>
        </div>
        <p className="text-sm tabular-nums text-slate-600">
          {t.rich("processed", {
            settled: num(settled),
            total: num(toSend),
            n: (chunks) => <span data-testid="run-settled">{chunks}</span>,
          })}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={t("deliveryProgress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100 ring-1 ring-inset ring-slate-200"
      >
        <div
          className="h-full bg-emerald-500 transition-[width]"
          style={{ width: `${sentPct}%` }}
        />
        <div className="h-full bg-red-500 transition-[width]" style={{ width: `${failedPct}%` }} />
        <div
          className="h-full bg-slate-400 transition-[width]"
          style={{ width: `${skippedPct}%` }}
        />
      </div>
      <ErrorAlert className="text-red-700">{run.error}</ErrorAlert>
      <dl className="grid grid-cols-2 gap-x-8 gap-y-2 text-sm sm:grid-cols-3">
        {(["queued", "sent", "failed", "holdout", ...SKIPS] as const).map((s) => (
          <div
            key={s}
            className="flex items-baseline justify-between gap-2 border-b border-slate-100 py-1"
          >
            <dt className="text-slate-600">{td(s)}</dt>
            <dd className="tabular-nums font-medium" data-testid={`count-${s}`}>
              {num(s === "queued" ? n("queued") + n("sending") : n(s))}
            </dd>
          </div>
        ))}
      </dl>
      {run.treatments.length > 1 ? (
        <div className="text-sm">
          <h3 className="mb-1 font-medium">{t("byTreatment")}</h3>
          <ul className="space-y-1">
            {run.treatments.map((tr, i) => (
              <li key={i} className="flex justify-between tabular-nums">
                <span>{tr.label}</span>
                <span>{t("sent", { n: num(progress.byTreatment[String(i)]?.sent ?? 0) })}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
