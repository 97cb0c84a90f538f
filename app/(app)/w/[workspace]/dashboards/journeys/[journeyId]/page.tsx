import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ChartCard } from "@/components/dashboards/chart-card";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { ExperimentsTable } from "@/components/dashboards/experiments-table";
import { LabelledBarChart } from "@/components/dashboards/labelled-bar-chart";
import { TimeSeriesChart } from "@/components/dashboards/time-series-chart";
import { Table, Td, Th } from "@/components/ui/table";
import { loadJourneyDashboard } from "@/lib/analytics/dashboard-data";
import { dashboardQuery, parseDashboardParams } from "@/lib/analytics/dashboard-params";
import { filterValue, journeyFilterOptions } from "@/lib/analytics/filter-options";
import { formatCount, formatDay, formatPercent } from "@/lib/analytics/format-figures";
import { NotFoundError } from "@/lib/errors";
import { z } from "zod";

export const metadata = { title: "Journey dashboard" };

export default async function JourneyDashboardPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/dashboards/journeys/[journeyId]">) {
  const p = await params;
  const { workspace } = await requireWorkspace(p.workspace);
  if (!z.uuid().safeParse(p.journeyId).success) notFound();
  const { view: parsed } = parseDashboardParams(await searchParams, workspace.timezone);
  const view = { ...parsed, journeyId: p.journeyId.toLowerCase() };
  const data = await loadJourneyDashboard(workspace.id, view.journeyId, view).catch((e: unknown) =>
    e instanceof NotFoundError ? notFound() : Promise.reject(e),
  );
  const journeys = await journeyFilterOptions(workspace.id);
  const query = dashboardQuery(view);
  const navQuery = dashboardQuery({ ...view, journeyId: null });
  const csv = (name: string) => `/api/w/${workspace.slug}/analytics/${name}.csv${query}`;
  const rangeText = `${formatDay(view.range.from)} – ${formatDay(view.range.to)}`;
  const funnelRows = data.funnel.map((f) => ({
    label: f.label,
    count: f.count,
    display: `${formatCount(f.count)}${f.ofPrevious === null ? "" : ` · ${formatPercent(f.ofPrevious)}`}`,
  }));

  return (
    <>
      <PageHeader
        title={`Journey: ${data.journey.name}`}
        description={`Version ${data.journey.liveVersion || "–"} · ${data.journey.status}. Counts are for entries, steps and messages in the range; goal conversions count on the day the entry left.`}
      />
      <DashboardNav slug={workspace.slug} current="journeys" query={navQuery} />
      <div className="mb-4">
        <DashboardFilters
          value={filterValue(view)}
          journeys={journeys.length ? journeys : undefined}
        />
      </div>
      <div className="space-y-5">
        <ChartCard
          title="Funnel"
          description={`${rangeText}. Contacts: who entered, passed each step and reached the goal; each bar is labelled with its count and its rate from the bar above.`}
          csvHref={csv("journey-funnel")}
          empty={!data.totals.entered && !data.funnel.some((f) => f.count)}
          testId="chart-funnel"
          emptyText="No one entered this journey in this range."
        >
          <LabelledBarChart
            label={`Journey funnel, ${rangeText}`}
            horizontal
            height={Math.max(260, funnelRows.length * 38)}
            rows={funnelRows}
            categoryKey="label"
            bars={[{ key: "count", label: "Count" }]}
            labelKey="display"
          />
          <Table>
            <thead>
              <tr>
                <Th>Step</Th>
                <Th className="text-right">Count</Th>
                <Th className="text-right">From previous step</Th>
                <Th className="text-right">From entered</Th>
              </tr>
            </thead>
            <tbody data-testid="funnel-table">
              {data.funnel.map((f) => (
                <tr key={f.key} data-testid={`funnel-${f.key}`}>
                  <Td>{f.label}</Td>
                  <Td className="text-right tabular-nums">{formatCount(f.count)}</Td>
                  <Td className="text-right tabular-nums">{formatPercent(f.ofPrevious)}</Td>
                  <Td className="text-right tabular-nums">{formatPercent(f.ofEntered)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ChartCard>
        <ChartCard
          title="Messages"
          description={`${rangeText}. The journey's messages, each stage as a share of the one before; one contact may get several, so these are not contacts.`}
          csvHref={csv("journey-messages")}
          empty={!data.messageStages.some((m) => m.count)}
          emptyText="This journey sent no messages in this range."
          testId="table-messages"
        >
          <Table>
            <thead>
              <tr>
                <Th>Stage</Th>
                <Th className="text-right">Messages</Th>
                <Th className="text-right">Rate</Th>
              </tr>
            </thead>
            <tbody data-testid="messages-table">
              {data.messageStages.map((m) => (
                <tr key={m.key} data-testid={`messages-${m.key}`}>
                  <Td>{m.label}</Td>
                  <Td className="text-right tabular-nums">{formatCount(m.count)}</Td>
                  <Td className="text-right tabular-nums">
                    {m.rate === null ? "–" : `${formatPercent(m.rate)} ${m.rateOf}`}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ChartCard>
        <ChartCard
          title="A/B and holdout results"
          csvHref={csv("journey-experiments")}
          empty={!data.experiments.length}
          emptyText="This journey has no A/B split or holdout."
          testId="table-experiments"
        >
          <ExperimentsTable experiments={data.experiments} />
        </ChartCard>
        <div className="grid gap-5 lg:grid-cols-2">
          <ChartCard
            title="Entries and exits over time"
            csvHref={csv("journey-flow")}
            empty={!data.flow.some((f) => f.entered || f.exited)}
            testId="chart-flow"
          >
            <TimeSeriesChart
              label={`Entries, exits and goal conversions per day, ${rangeText}`}
              rows={data.flow}
              series={[
                { key: "entered", label: "Entered" },
                { key: "exited", label: "Exited" },
                { key: "converted", label: "Goal reached" },
              ]}
            />
          </ChartCard>
          <ChartCard
            title="Where contacts are now"
            description="Active entries by the step they wait at (live, whatever the range)."
            csvHref={csv("journey-now")}
            empty={!data.now.length}
            emptyText="No one is in this journey right now."
            testId="chart-now"
          >
            <LabelledBarChart
              label="Active entries per step"
              horizontal
              height={Math.max(200, data.now.length * 44)}
              rows={data.now.map((n) => ({ label: n.label, active: n.active }))}
              categoryKey="label"
              bars={[{ key: "active", label: "Contacts" }]}
            />
          </ChartCard>
        </div>
        <ChartCard
          title="Per step"
          description="What the journey canvas shows on each node, for this range."
          csvHref={csv("journey-nodes")}
          testId="table-nodes"
        >
          <Table>
            <thead>
              <tr>
                <Th>Step</Th>
                <Th className="text-right">Passed</Th>
                <Th className="text-right">Here now</Th>
                <Th className="text-right">Sent</Th>
                <Th className="text-right">Opened</Th>
                <Th className="text-right">Clicked</Th>
              </tr>
            </thead>
            <tbody>
              {data.nodes.map((n) => (
                <tr key={n.nodeId} data-testid={`step-row-${n.nodeId}`}>
                  <Td>
                    {n.label}
                    {n.outcomes.length ? (
                      <span
                        className="block text-xs text-slate-500"
                        data-testid={`step-outcomes-${n.nodeId}`}
                      >
                        {n.outcomes.map((o) => `${o.label} ${formatCount(o.passed)}`).join(" · ")}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="text-right tabular-nums">{formatCount(n.passed)}</Td>
                  <Td className="text-right tabular-nums">{formatCount(n.active)}</Td>
                  <Td className="text-right tabular-nums">{formatCount(n.sent)}</Td>
                  <Td className="text-right tabular-nums">{formatCount(n.opened)}</Td>
                  <Td className="text-right tabular-nums">{formatCount(n.clicked)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ChartCard>
      </div>
    </>
  );
}
