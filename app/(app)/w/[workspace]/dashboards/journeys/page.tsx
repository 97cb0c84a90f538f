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

export const metadata = { title: "Journey dashboards" };

export default async function JourneysDashboardPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/dashboards/journeys">) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const { view } = parseDashboardParams(await searchParams, workspace.timezone);
  const journeys = await loadJourneySummaries(workspace.id, view);
  const query = dashboardQuery({ ...view, journeyId: null });

  return (
    <>
      <PageHeader
        title="Dashboards"
        description="Entries, exits and goal conversions per journey. Open one for its funnel and experiments."
      />
      <DashboardNav slug={workspace.slug} current="journeys" query={query} />
      <div className="mb-4">
        <DashboardFilters value={{ ...filterValue(view), journey: "" }} />
      </div>
      <ChartCard
        title="Journeys"
        csvHref={`/api/w/${workspace.slug}/analytics/journeys.csv${query}`}
        empty={!journeys.length}
        emptyText="No journeys yet."
        testId="table-journeys"
      >
        <Table>
          <thead>
            <tr>
              <Th>Journey</Th>
              <Th>Status</Th>
              <Th className="text-right">Entered</Th>
              <Th className="text-right">Goal reached</Th>
              <Th className="text-right">Conversion</Th>
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
                <Td className="capitalize">{j.status}</Td>
                <Td className="text-right tabular-nums">{formatCount(j.entered)}</Td>
                <Td className="text-right tabular-nums">{formatCount(j.converted)}</Td>
                <Td className="text-right tabular-nums">{formatPercent(j.conversion)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ChartCard>
    </>
  );
}
