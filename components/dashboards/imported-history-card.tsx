import { getLocale, getTranslations } from "next-intl/server";
import { ChartCard } from "@/components/dashboards/chart-card";
import { TimeSeriesChart } from "@/components/dashboards/time-series-chart";
import { formatDay } from "@/lib/analytics/format-figures";
import { IMPORTED_METRICS, type loadImportedHistory } from "@/lib/analytics/imported-history";

/**
 * The overview's "Imported from Pinpoint" card: engagement events from the Pinpoint event-history
 * import per day, apart from Waymark's own figures. Shown only to a workspace that has imported
 * history; a line only for a stage with events in the range.
 */
export async function ImportedHistoryCard({
  history,
  rangeText,
  csvHref,
}: {
  history: Awaited<ReturnType<typeof loadImportedHistory>>;
  rangeText: string;
  csvHref: string;
}) {
  if (!history.span) return null;
  const t = await getTranslations("dashboards.overview.imported");
  const m = await getTranslations("dashboards.kpi.metric");
  const locale = await getLocale();
  const label = (k: (typeof IMPORTED_METRICS)[number]) =>
    k === "bounced" || k === "replied" ? t(k) : m(k);
  const series = IMPORTED_METRICS.filter((k) => history.daily.some((d) => d[k] > 0)).map((k) => ({
    key: k,
    label: label(k),
  }));
  const span = t("span", {
    from: formatDay(history.span.first, locale),
    to: formatDay(history.span.last, locale),
  });
  return (
    <ChartCard
      title={t("title")}
      description={t("description")}
      csvHref={history.journeyFiltered ? undefined : csvHref}
      empty={history.journeyFiltered || !series.length}
      emptyText={history.journeyFiltered ? t("journeyFiltered") : `${t("empty")} ${span}`}
      testId="chart-imported-history"
    >
      <p className="mb-3 flex items-center gap-2 text-xs text-slate-600">
        <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">
          {t("badge")}
        </span>
        {span}
      </p>
      <TimeSeriesChart
        label={t("label", { range: rangeText })}
        rows={history.daily}
        series={series}
      />
    </ChartCard>
  );
}
