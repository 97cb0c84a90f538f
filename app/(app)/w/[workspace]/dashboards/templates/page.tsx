import { CHANNEL_OPTIONS, channelLabel } from "@/lib/channels/channel-meta";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ChartCard } from "@/components/dashboards/chart-card";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { LabelledBarChart } from "@/components/dashboards/labelled-bar-chart";
import { RateTable } from "@/components/dashboards/rate-table";
import { loadChannelPerformance, loadTemplatePerformance } from "@/lib/analytics/dashboard-data";
import { dashboardQuery, parseDashboardParams } from "@/lib/analytics/dashboard-params";
import { filterValue, journeyFilterOptions } from "@/lib/analytics/filter-options";

export const metadata = { title: "Template and channel performance" };

const pct = (r: number | null) => (r === null ? 0 : Math.round(r * 1000) / 10);

export default async function TemplatesDashboardPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/dashboards/templates">) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const { view } = parseDashboardParams(await searchParams, workspace.timezone);
  const [templates, channels, journeys] = await Promise.all([
    loadTemplatePerformance(workspace.id, view),
    loadChannelPerformance(workspace.id, view),
    journeyFilterOptions(workspace.id),
  ]);
  const query = dashboardQuery(view);
  const csv = (name: string) => `/api/w/${workspace.slug}/analytics/${name}.csv${query}`;

  return (
    <>
      <PageHeader
        title="Dashboards"
        description="Delivery, open, click, bounce and opt-out rates per template version and per channel."
      />
      <DashboardNav slug={workspace.slug} current="templates" query={query} />
      <div className="mb-4">
        <DashboardFilters
          value={filterValue(view)}
          channels={CHANNEL_OPTIONS}
          journeys={journeys}
        />
      </div>
      <div className="space-y-5">
        <ChartCard
          title="Per template version"
          description="Delivery and bounce over sent; open, click and opt-out over delivered."
          csvHref={csv("templates")}
          empty={!templates.length}
          testId="table-templates"
          emptyText="No templated messages in this range."
        >
          <RateTable
            rows={templates.map((t) => ({
              ...t,
              key: `${t.templateId}:${t.version}`,
              name: t.template,
              sub: `v${t.version} · ${channelLabel(t.channel)}`,
            }))}
            nameHeader="Template"
          />
        </ChartCard>
        <ChartCard
          title="Rates per template version (%)"
          description="Each bar is labelled with its value."
          csvHref={csv("templates")}
          empty={!templates.length}
          testId="chart-templates"
        >
          <LabelledBarChart
            label="Delivery, open and click rate per template version"
            height={Math.max(240, templates.length * 70)}
            horizontal
            rows={templates.map((t) => ({
              name: `${t.template} v${t.version}`,
              delivery: pct(t.deliveryRate),
              open: pct(t.openRate),
              click: pct(t.clickRate),
            }))}
            categoryKey="name"
            bars={[
              { key: "delivery", label: "Delivery rate %" },
              { key: "open", label: "Open rate %" },
              { key: "click", label: "Click rate %" },
            ]}
          />
        </ChartCard>
        <ChartCard
          title="Per channel"
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
