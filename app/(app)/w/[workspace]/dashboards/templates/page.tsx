import { getTranslations } from "next-intl/server";
import { CHANNEL_OPTIONS } from "@/lib/channels/channel-meta";
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

export async function generateMetadata() {
  return { title: (await getTranslations("pages.dashboards.templates"))("metaTitle") };
}

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
  const t = await getTranslations("pages.dashboards.templates");
  const td = await getTranslations("dashboards");
  const tr = await getTranslations("dashboards.rates");
  const tc = await getTranslations("channels");
  const tcommon = await getTranslations("common");
  const channelLabel = (c: string) => (tc.has(c as "email") ? tc(c as "email") : c);
  const csv = (name: string) => `/api/w/${workspace.slug}/analytics/${name}.csv${query}`;

  return (
    <>
      <PageHeader title={td("title")} description={t("description")} />
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
          title={t("perVersion")}
          description={td("overview.performanceHint")}
          csvHref={csv("templates")}
          empty={!templates.length}
          testId="table-templates"
          emptyText={t("empty")}
        >
          <RateTable
            rows={templates.map((r) => ({
              ...r,
              key: `${r.templateId}:${r.version}`,
              name: r.template,
              sub: `v${r.version} · ${channelLabel(r.channel)}`,
            }))}
            nameHeader={t("template")}
          />
        </ChartCard>
        <ChartCard
          title={t("ratesTitle")}
          description={t("ratesDescription")}
          csvHref={csv("templates")}
          empty={!templates.length}
          testId="chart-templates"
        >
          <LabelledBarChart
            label={t("ratesLabel")}
            height={Math.max(240, templates.length * 70)}
            horizontal
            rows={templates.map((r) => ({
              name: `${r.template} v${r.version}`,
              delivery: pct(r.deliveryRate),
              open: pct(r.openRate),
              click: pct(r.clickRate),
            }))}
            categoryKey="name"
            bars={[
              { key: "delivery", label: `${tr("deliveryRate")} %` },
              { key: "open", label: `${tr("openRate")} %` },
              { key: "click", label: `${tr("clickRate")} %` },
            ]}
          />
        </ChartCard>
        <ChartCard
          title={t("perChannel")}
          description={td("overview.performanceHint")}
          csvHref={csv("channels")}
          empty={!channels.length}
          testId="table-channels"
        >
          <RateTable
            rows={channels.map((c) => ({ ...c, key: c.channel, name: channelLabel(c.channel) }))}
            nameHeader={tcommon("channel")}
          />
        </ChartCard>
      </div>
    </>
  );
}
