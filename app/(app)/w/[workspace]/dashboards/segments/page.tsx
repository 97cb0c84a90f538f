import { getLocale, getTranslations } from "next-intl/server";
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

export async function generateMetadata() {
  return { title: (await getTranslations("pages.dashboards.segments"))("metaTitle") };
}

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
  const locale = await getLocale();
  const t = await getTranslations("pages.dashboards.segments");
  const td = await getTranslations("dashboards");
  const tk = await getTranslations("dashboards.kpi");
  const changeText = (c: number | null, current: number) =>
    c === null
      ? current > 0
        ? tk("new")
        : tk("noChange")
      : c === 0
        ? tk("noChange")
        : c >= 9
          ? tk("multiple", { n: formatCount(Math.round(c + 1), locale) })
          : formatChange(c, current, locale);
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
      <PageHeader title={td("title")} description={t("description")} />
      <DashboardNav slug={workspace.slug} current="segments" query={query} />
      <div className="mb-4">
        <DashboardFilters value={filterValue(view)} segments={segments} />
      </div>
      <div className="space-y-5">
        <ChartCard
          title={t("sizeOverTime")}
          description={ids.length > MAX_LINES ? t("firstN", { n: MAX_LINES }) : t("gaps")}
          csvHref={`/api/w/${workspace.slug}/analytics/segment-sizes.csv${query}`}
          empty={!rows.length}
          emptyText={t("empty")}
          testId="chart-segments"
        >
          <TimeSeriesChart
            label={t("chartLabel", { names: drawn.map((id) => names.get(id)).join(", ") })}
            rows={chartRows}
            series={drawn.map((id) => ({ key: id, label: names.get(id) ?? id }))}
          />
        </ChartCard>
        {summary.length ? (
          <ChartCard
            title={t("change")}
            testId="table-segments"
            csvHref={`/api/w/${workspace.slug}/analytics/segment-sizes.csv${query}`}
          >
            <Table>
              <thead>
                <tr>
                  <Th>{t("segment")}</Th>
                  <Th className="text-right">{t("firstSnapshot")}</Th>
                  <Th className="text-right">{t("latestSnapshot")}</Th>
                  <Th className="text-right">{t("changeColumn")}</Th>
                </tr>
              </thead>
              <tbody>
                {summary.map((s) => (
                  <tr key={s.id}>
                    <Td className="font-medium">{s.name}</Td>
                    <Td className="text-right tabular-nums">
                      {formatCount(s.first.size, locale)}{" "}
                      <span className="text-xs text-slate-500">
                        {formatDay(s.first.day, locale)}
                      </span>
                    </Td>
                    <Td className="text-right tabular-nums">
                      {formatCount(s.last.size, locale)}{" "}
                      <span className="text-xs text-slate-500">
                        {formatDay(s.last.day, locale)}
                      </span>
                    </Td>
                    <Td className="text-right tabular-nums">{changeText(s.change, s.last.size)}</Td>
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
