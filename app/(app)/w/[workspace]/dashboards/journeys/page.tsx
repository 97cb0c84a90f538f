import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ChartCard } from "@/components/dashboards/chart-card";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { Table, Td, Th } from "@/components/ui/table";
import { loadJourneySummaries } from "@/lib/analytics/dashboard-data";
import { dashboardQuery, parseDashboardParams } from "@/lib/analytics/dashboard-params";
import { filterValue } from "@/lib/analytics/filter-options";
import { formatCount, formatPercent } from "@/lib/analytics/format-figures";

export async function generateMetadata() {
  return { title: (await getTranslations("pages.dashboards.journeys"))("metaTitle") };
}

export default async function JourneysDashboardPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/dashboards/journeys">) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const { view } = parseDashboardParams(await searchParams, workspace.timezone);
  const journeys = await loadJourneySummaries(workspace.id, view);
  const query = dashboardQuery({ ...view, journeyId: null });
  const locale = await getLocale();
  const t = await getTranslations("pages.dashboards.journeys");
  const tj = await getTranslations("pages.dashboards.journey");
  const td = await getTranslations("dashboards");
  const ts = await getTranslations("journeys.status");
  const tn = await getTranslations("nav");
  const tc = await getTranslations("common");

  return (
    <>
      <PageHeader title={td("title")} description={t("description")} />
      <DashboardNav slug={workspace.slug} current="journeys" query={query} />
      <div className="mb-4">
        <DashboardFilters value={{ ...filterValue(view), journey: "" }} />
      </div>
      <ChartCard
        title={tn("journeys")}
        csvHref={`/api/w/${workspace.slug}/analytics/journeys.csv${query}`}
        empty={!journeys.length}
        emptyText={t("empty")}
        testId="table-journeys"
      >
        <Table>
          <thead>
            <tr>
              <Th>{t("journey")}</Th>
              <Th>{tc("status")}</Th>
              <Th className="text-right">{tj("entered")}</Th>
              <Th className="text-right">{tj("goalReached")}</Th>
              <Th className="text-right">{t("conversion")}</Th>
            </tr>
          </thead>
          <tbody>
            {journeys.map((j) => (
              <tr key={j.id}>
                <Td>
                  <Link
                    className="font-medium text-brand-700 hover:underline"
                    href={`/w/${workspace.slug}/dashboards/journeys/${j.id}${query}`}
                  >
                    {j.name}
                  </Link>
                </Td>
                <Td>{ts.has(j.status as "live") ? ts(j.status as "live") : j.status}</Td>
                <Td className="text-right tabular-nums">{formatCount(j.entered, locale)}</Td>
                <Td className="text-right tabular-nums">{formatCount(j.converted, locale)}</Td>
                <Td className="text-right tabular-nums">
                  {formatPercent(j.conversion, 1, locale)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ChartCard>
    </>
  );
}
