import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ChartCard } from "@/components/dashboards/chart-card";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { ExperimentsTable } from "@/components/dashboards/experiments-table";
import { LabelledBarChart } from "@/components/dashboards/labelled-bar-chart";
import { TimeSeriesChart } from "@/components/dashboards/time-series-chart";
import {
  JourneyFunnelCard,
  JourneyMessagesCard,
  JourneyStepsCard,
} from "@/components/dashboards/journey-dashboard-cards";
import { loadJourneyDashboard } from "@/lib/analytics/dashboard-data";
import { dashboardQuery, parseDashboardParams } from "@/lib/analytics/dashboard-params";
import { filterValue, journeyFilterOptions } from "@/lib/analytics/filter-options";
import { formatDay } from "@/lib/analytics/format-figures";
import { NotFoundError } from "@/lib/errors";
import { z } from "zod";

export async function generateMetadata() {
  return { title: (await getTranslations("pages.dashboards.journey"))("metaTitle") };
}

export default async function JourneyDashboardPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/dashboards/journeys/[journeyId]">) {
  const p = await params;
  const { workspace } = await requireWorkspace(p.workspace);
  if (!z.uuid().safeParse(p.journeyId).success) notFound();
  const { view: parsed } = parseDashboardParams(await searchParams, workspace.timezone);
  const view = { ...parsed, journeyId: p.journeyId.toLowerCase() };
  const words = await getTranslations("journeys.summary");
  const data = await loadJourneyDashboard(workspace.id, view.journeyId, view, words).catch(
    (e: unknown) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)),
  );
  const journeys = await journeyFilterOptions(workspace.id);
  const query = dashboardQuery(view);
  const navQuery = dashboardQuery({ ...view, journeyId: null });
  const csv = (name: string) => `/api/w/${workspace.slug}/analytics/${name}.csv${query}`;
  const locale = await getLocale();
  const t = await getTranslations("pages.dashboards.journey");
  const ts = await getTranslations("journeys.status");
  const rangeText = `${formatDay(view.range.from, locale)} – ${formatDay(view.range.to, locale)}`;
  const status = data.journey.status;
  return (
    <>
      <PageHeader
        title={t("title", { name: data.journey.name })}
        description={t("description", {
          version: data.journey.liveVersion || "–",
          status: ts.has(status as "live") ? ts(status as "live") : status,
        })}
      />
      <DashboardNav slug={workspace.slug} current="journeys" query={navQuery} />
      <div className="mb-4">
        <DashboardFilters
          value={filterValue(view)}
          journeys={journeys.length ? journeys : undefined}
          journeysPath={`/w/${workspace.slug}/dashboards/journeys`}
        />
      </div>
      <div className="space-y-5">
        <JourneyFunnelCard data={data} rangeText={rangeText} csvHref={csv("journey-funnel")} />
        <JourneyMessagesCard data={data} rangeText={rangeText} csvHref={csv("journey-messages")} />
        <ChartCard
          title={t("experiments")}
          csvHref={csv("journey-experiments")}
          empty={!data.experiments.length}
          emptyText={t("experimentsEmpty")}
          testId="table-experiments"
        >
          <ExperimentsTable experiments={data.experiments} />
        </ChartCard>
        <div className="grid gap-5 lg:grid-cols-2">
          <ChartCard
            title={t("flow")}
            csvHref={csv("journey-flow")}
            empty={!data.flow.some((f) => f.entered || f.exited)}
            testId="chart-flow"
          >
            <TimeSeriesChart
              label={t("flowLabel", { range: rangeText })}
              rows={data.flow}
              series={[
                { key: "entered", label: t("entered") },
                { key: "exited", label: t("exited") },
                { key: "converted", label: t("goalReached") },
              ]}
            />
          </ChartCard>
          <ChartCard
            title={t("now")}
            description={t("nowDescription")}
            csvHref={csv("journey-now")}
            empty={!data.now.length}
            emptyText={t("nowEmpty")}
            testId="chart-now"
          >
            <LabelledBarChart
              label={t("nowLabel")}
              horizontal
              height={Math.max(200, data.now.length * 44)}
              rows={data.now.map((n) => ({ label: n.label, active: n.active }))}
              categoryKey="label"
              bars={[{ key: "active", label: t("contacts") }]}
            />
          </ChartCard>
        </div>
        <JourneyStepsCard data={data} csvHref={csv("journey-nodes")} />
      </div>
    </>
  );
}
