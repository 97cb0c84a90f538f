import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ChartCard } from "@/components/dashboards/chart-card";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { TimeSeriesChart } from "@/components/dashboards/time-series-chart";
import { Table, Td, Th } from "@/components/ui/table";
import { loadSegmentSizes } from "@/lib/analytics/dashboard-data";
import { dashboardQuery, parseDashboardParams } from "@/lib/analytics/dashboard-params";
import { eachDay } from "@/lib/analytics/date-range";
import { filterValue, segmentFilterOptions } from "@/lib/analytics/filter-options";
import { formatChange, formatCount, formatDay } from "@/lib/analytics/format-figures";
import { change } from "@/lib/analytics/rates";

export const metadata = { title: "Segment trends" };

/** At most this many segments drawn at once; the table lists all. */
const MAX_LINES = 7;

export default async function SegmentsDashboardPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/dashboards/segments">) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const { view } = parseDashboardParams(await searchParams, workspace.timezone);
  const [rows, segments] = await Promise.all([
    loadSegmentSizes(workspace.id, view),
    segmentFilterOptions(workspace.id),
  ]);
  const query = dashboardQuery(view);
  const ids = [...new Set(rows.map((r) => r.segment_id))];
  const names = new Map(rows.map((r) => [r.segment_id, r.name]));
  const size = new Map(rows.map((r) => [`${r.segment_id}:${r.day}`, r.size]));
  const drawn = ids.slice(0, MAX_LINES);
  const chartRows = eachDay(view.range).map((day) => ({
    day,
    ...Object.fromEntries(
      drawn.flatMap((id) => (size.has(`${id}:${day}`) ? [[id, size.get(`${id}:${day}`)!]] : [])),
    ),
  }));
  const summary = ids.map((id) => {
    const own = rows.filter((r) => r.segment_id === id);
    const first = own[0]!;
    const last = own.at(-1)!;
    return { id, name: names.get(id) ?? id, first, last, change: change(last.size, first.size) };
  });

  return (
    <>
      <PageHeader
        title="Dashboards"
        description="How many contacts each segment held, one snapshot a day."
      />
      <DashboardNav slug={workspace.slug} current="segments" query={query} />
      <div className="mb-4">
        <DashboardFilters value={filterValue(view)} segments={segments} />
      </div>
      <div className="space-y-5">
        <ChartCard
          title="Segment size over time"
          description={
            ids.length > MAX_LINES
              ? `The first ${MAX_LINES} segments by name; choose one above to see any other.`
              : "Days without a snapshot are left as gaps."
          }
          csvHref={`/api/w/${workspace.slug}/analytics/segment-sizes.csv${query}`}
          empty={!rows.length}
          emptyText="No snapshots in this range yet: sizes are recorded once a day from now on."
          testId="chart-segments"
        >
          <TimeSeriesChart
            label={`Daily size of ${drawn.map((id) => names.get(id)).join(", ")}`}
            rows={chartRows}
            series={drawn.map((id) => ({ key: id, label: names.get(id) ?? id }))}
          />
        </ChartCard>
        {summary.length ? (
          <ChartCard
            title="Change over the range"
            testId="table-segments"
            csvHref={`/api/w/${workspace.slug}/analytics/segment-sizes.csv${query}`}
          >
            <Table>
              <thead>
                <tr>
                  <Th>Segment</Th>
                  <Th className="text-right">First snapshot</Th>
                  <Th className="text-right">Latest snapshot</Th>
                  <Th className="text-right">Change</Th>
                </tr>
              </thead>
              <tbody>
                {summary.map((s) => (
                  <tr key={s.id}>
                    <Td className="font-medium">{s.name}</Td>
                    <Td className="text-right tabular-nums">
                      {formatCount(s.first.size)}{" "}
                      <span className="text-xs text-slate-500">{formatDay(s.first.day)}</span>
                    </Td>
                    <Td className="text-right tabular-nums">
                      {formatCount(s.last.size)}{" "}
                      <span className="text-xs text-slate-500">{formatDay(s.last.day)}</span>
                    </Td>
                    <Td className="text-right tabular-nums">
                      {formatChange(s.change, s.last.size)}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </ChartCard>
        ) : null}
      </div>
    </>
  );
}
