import { CHANNEL_OPTIONS, channelLabel } from "@/lib/channels/channel-meta";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ChartCard } from "@/components/dashboards/chart-card";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { KpiGrid } from "@/components/dashboards/kpi-grid";
import { LabelledBarChart } from "@/components/dashboards/labelled-bar-chart";
import { RateTable } from "@/components/dashboards/rate-table";
import { RefreshedAt } from "@/components/dashboards/refreshed-at";
import { RefreshRollupsButton } from "@/components/dashboards/refresh-rollups-button";
import { StackedAreaChart } from "@/components/dashboards/stacked-area-chart";
import { TimeSeriesChart } from "@/components/dashboards/time-series-chart";
import { lastRefreshedAt } from "@/db/queries/analytics-rollups";
import { db } from "@/db";
import {
  loadChannelPerformance,
  loadOverviewDaily,
  loadOverviewTotals,
  loadSentByDayAndChannel,
} from "@/lib/analytics/dashboard-data";
import { dashboardQuery, parseDashboardParams } from "@/lib/analytics/dashboard-params";
import { filterValue, journeyFilterOptions } from "@/lib/analytics/filter-options";
import { formatDay } from "@/lib/analytics/format-figures";

export const metadata = { title: "Dashboards" };

export default async function DashboardsPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/dashboards">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const { view, ignored } = parseDashboardParams(await searchParams, workspace.timezone);
  const [totals, daily, byChannel, channels, journeys, refreshedAt] = await Promise.all([
    loadOverviewTotals(workspace.id, view),
    loadOverviewDaily(workspace.id, view),
    loadSentByDayAndChannel(workspace.id, view),
    loadChannelPerformance(workspace.id, view),
    journeyFilterOptions(workspace.id),
    lastRefreshedAt(db()),
  ]);
  const query = dashboardQuery(view);
  const csv = (name: string) => `/api/w/${workspace.slug}/analytics/${name}.csv${query}`;
  const rangeText = `${formatDay(view.range.from)} – ${formatDay(view.range.to)}`;
  const anything = daily.some(
    (d) => d.sent || d.delivered || d.opened || d.clicked || d.failed || d.conversions,
  );

  return (
    <>
      <PageHeader
        title="Dashboards"
        description="What was sent, what happened to it and what it led to. Read-only: nothing here changes a journey or a message."
      />
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
          Ignored unreadable filter{ignored.length > 1 ? "s" : ""}: {ignored.join(", ")}.
        </p>
      ) : null}
      <div className="space-y-5">
        <section aria-label="Totals">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-sm font-medium text-slate-700">
              {rangeText}{" "}
              <span className="text-slate-400">
                compared with the {view.previous.days} days before
              </span>
            </h2>
            <a
              href={csv("overview-totals")}
              download
              className="text-xs font-medium text-brand-700 hover:underline"
              data-testid="kpis-csv"
            >
              Export CSV
            </a>
          </div>
          <KpiGrid rows={totals} previousLabel="before" />
        </section>
        <ChartCard
          title="Messages by day"
          description="Each message counts once per stage, on the day it first reached it."
          csvHref={csv("overview-daily")}
          empty={!anything}
          testId="chart-daily"
          emptyText="No messages in this range. Try a longer range or clear the filters."
        >
          <TimeSeriesChart
            label={`Messages sent, delivered, opened, clicked, failed, opted out and conversions per day, ${rangeText}`}
            rows={daily}
            series={[
              { key: "sent", label: "Sent" },
              { key: "delivered", label: "Delivered" },
              { key: "opened", label: "Opened" },
              { key: "clicked", label: "Clicked" },
              { key: "failed", label: "Failed" },
              { key: "unsubscribed", label: "Opted out" },
              { key: "conversions", label: "Conversions" },
            ]}
          />
        </ChartCard>
        <div className="grid gap-5 lg:grid-cols-2">
          <ChartCard
            title="Sent by channel, per day"
            description="Stacked: the top edge is all messages sent that day."
            csvHref={csv("sent-by-channel-daily")}
            empty={!byChannel.channels.length}
            testId="chart-channel-area"
          >
            <StackedAreaChart
              idPrefix="sent-ch"
              label={`Messages sent per day, stacked by channel, ${rangeText}`}
              rows={byChannel.rows}
              keys={byChannel.channels.map((c) => ({ key: c, label: channelLabel(c) }))}
            />
          </ChartCard>
          <ChartCard
            title="By channel"
            description="Totals for the range, values on the bars."
            csvHref={csv("channels")}
            empty={!channels.length}
            testId="chart-channel-bars"
          >
            <LabelledBarChart
              label={`Sent, delivered, opened and clicked per channel, ${rangeText}`}
              rows={channels.map((c) => ({
                channel: channelLabel(c.channel),
                sent: c.sent,
                delivered: c.delivered,
                opened: c.opened,
                clicked: c.clicked,
              }))}
              categoryKey="channel"
              bars={[
                { key: "sent", label: "Sent" },
                { key: "delivered", label: "Delivered" },
                { key: "opened", label: "Opened" },
                { key: "clicked", label: "Clicked" },
              ]}
            />
          </ChartCard>
        </div>
        <ChartCard
          title="Channel performance"
          description="Delivery and bounce over sent; open, click and opt-out over delivered."
          csvHref={csv("channels")}
          empty={!channels.length}
          testId="table-channels"
        >
          <RateTable
            rows={channels.map((c) => ({ ...c, key: c.channel, name: channelLabel(c.channel) }))}
            nameHeader="Channel"
          />
        </ChartCard>
      </div>
    </>
  );
}
