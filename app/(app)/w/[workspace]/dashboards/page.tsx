import { getLocale, getTranslations } from "next-intl/server";
import { CHANNEL_OPTIONS } from "@/lib/channels/channel-meta";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ChartCard } from "@/components/dashboards/chart-card";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { ImportedHistoryCard } from "@/components/dashboards/imported-history-card";
import { KpiGrid } from "@/components/dashboards/kpi-grid";
import { OverviewChannelCards } from "@/components/dashboards/overview-channel-cards";
import { RefreshedAt } from "@/components/dashboards/refreshed-at";
import { RefreshRollupsButton } from "@/components/dashboards/refresh-rollups-button";
import { SenderHealthCard } from "@/components/dashboards/sender-health-card";
import { TimeSeriesChart } from "@/components/dashboards/time-series-chart";
import { lastRefreshedAt } from "@/db/queries/analytics-rollups";
import { db } from "@/db";
import {
  loadChannelPerformance,
  loadOverviewDaily,
  loadOverviewTotals,
  loadTransactionalPerformance,
} from "@/lib/analytics/dashboard-data";
import {
  loadImportedHistory,
  loadSentByChannelWithImported,
} from "@/lib/analytics/imported-history";
import { dashboardQuery, parseDashboardParams } from "@/lib/analytics/dashboard-params";
import { filterValue, journeyFilterOptions } from "@/lib/analytics/filter-options";
import { formatDay } from "@/lib/analytics/format-figures";
import {
  senderHealth,
  senderRateSeries,
  sendingDomainHealth,
  sendingDomainRateSeries,
} from "@/lib/deliverability/sender-health";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("dashboards") };
}

export default async function DashboardsPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/dashboards">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const { view, ignored } = parseDashboardParams(await searchParams, workspace.timezone);
  const [
    totals,
    daily,
    byChannel,
    channels,
    transactional,
    journeys,
    refreshedAt,
    senders,
    senderSeries,
    imported,
    sendingDomains,
    sendingDomainSeries,
  ] = await Promise.all([
    loadOverviewTotals(workspace.id, view),
    loadOverviewDaily(workspace.id, view),
    loadSentByChannelWithImported(workspace.id, view),
    loadChannelPerformance(workspace.id, view),
    loadTransactionalPerformance(workspace.id, view, workspace.timezone),
    journeyFilterOptions(workspace.id),
    lastRefreshedAt(db()),
    senderHealth(workspace.id),
    senderRateSeries(workspace.id),
    loadImportedHistory(workspace.id, view),
    sendingDomainHealth(workspace.id),
    sendingDomainRateSeries(workspace.id),
  ]);
  const query = dashboardQuery(view);
  const t = await getTranslations("dashboards.overview");
  const td = await getTranslations("dashboards");
  const m = await getTranslations("dashboards.kpi.metric");
  const locale = await getLocale();
  const csv = (name: string) => `/api/w/${workspace.slug}/analytics/${name}.csv${query}`;
  const rangeText = `${formatDay(view.range.from, locale)} – ${formatDay(view.range.to, locale)}`;
  const anything = daily.some(
    (d) => d.sent || d.delivered || d.opened || d.clicked || d.failed || d.conversions,
  );

  return (
    <>
      <PageHeader title={td("title")} description={td("description")} />
      <DashboardNav slug={workspace.slug} current="overview" query={query} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <DashboardFilters
          value={filterValue(view)}
          channels={CHANNEL_OPTIONS}
          journeys={journeys}
        />
        <div className="flex flex-wrap items-center gap-3">
          <RefreshedAt at={refreshedAt?.toISOString() ?? null} workspaceZone={workspace.timezone} />
          {can("manage") ? <RefreshRollupsButton slug={workspace.slug} /> : null}
        </div>
      </div>
      {ignored.length ? (
        <p className="mb-3 text-sm text-amber-800">
          {td("ignored", { count: ignored.length, names: ignored.join(", ") })}
        </p>
      ) : null}
      <div className="space-y-5">
        <section aria-label={t("totals")}>
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-sm font-medium text-slate-700">
              {rangeText}{" "}
              <span className="text-slate-400">
                {t("comparedWith", { days: view.previous.days })}
              </span>
            </h2>
            <a
              href={csv("overview-totals")}
              download
              className="text-xs font-medium text-brand-700 hover:underline"
              data-testid="kpis-csv"
            >
              {td("exportCsv")}
            </a>
          </div>
          <KpiGrid rows={totals} previousLabel={t("before")} />
        </section>
        <ChartCard
          title={t("byDay")}
          description={t("byDayHint")}
          csvHref={csv("overview-daily")}
          empty={!anything}
          testId="chart-daily"
          emptyText={t("empty")}
        >
          <TimeSeriesChart
            label={t("byDayLabel", { range: rangeText })}
            rows={daily}
            series={[
              { key: "sent", label: m("sent") },
              { key: "delivered", label: m("delivered") },
              { key: "opened", label: m("opened") },
              { key: "clicked", label: m("clicked") },
              { key: "failed", label: m("failed") },
              { key: "unsubscribed", label: m("unsubscribed") },
              { key: "conversions", label: m("conversions") },
            ]}
          />
        </ChartCard>
        <ImportedHistoryCard
          history={imported}
          rangeText={rangeText}
          csvHref={csv("pinpoint-history-daily")}
        />
        <OverviewChannelCards
          byChannel={byChannel}
          channels={channels}
          transactional={transactional}
          rangeText={rangeText}
          csvHref={csv}
        />
        <SenderHealthCard
          senders={senders}
          series={senderSeries}
          domains={sendingDomains}
          domainSeries={sendingDomainSeries}
        />
      </div>
    </>
  );
}
