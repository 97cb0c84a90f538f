import { getLocale, getTranslations } from "next-intl/server";
import { ChartCard } from "@/components/dashboards/chart-card";
import { LabelledBarChart } from "@/components/dashboards/labelled-bar-chart";
import { Table, Td, Th } from "@/components/ui/table";
import type { loadJourneyDashboard } from "@/lib/analytics/dashboard-data";
import { formatCount, formatPercent } from "@/lib/analytics/format-figures";

export type TJourneyDashboard = Awaited<ReturnType<typeof loadJourneyDashboard>>;
type TCardProps = { data: TJourneyDashboard; rangeText: string; csvHref: string };

async function figures() {
  const locale = await getLocale();
  return {
    count: (n: number) => formatCount(n, locale),
    pct: (r: number | null) => formatPercent(r, 1, locale),
  };
}

/** The funnel: entered, each step, the message stages and the goal, as bars and as a table. */
export async function JourneyFunnelCard({ data, rangeText, csvHref }: TCardProps) {
  const t = await getTranslations("pages.dashboards.journey");
  const { count, pct } = await figures();
  // The funnel's fixed rows are worded here; step rows keep their names.
  const funnelLabel = (f: { key: string; label: string }) =>
    f.key === "entered" ? t("entered") : f.key === "goal" ? t("goalReached") : f.label;
  const funnelRows = data.funnel.map((f) => ({
    label: funnelLabel(f),
    count: f.count,
    display: `${count(f.count)}${f.ofPrevious === null ? "" : ` · ${pct(f.ofPrevious)}`}`,
  }));
  return (
    <ChartCard
      title={t("funnel")}
      description={t("funnelDescription", { range: rangeText })}
      csvHref={csvHref}
      empty={!data.totals.entered && !data.funnel.some((f) => f.count)}
      testId="chart-funnel"
      emptyText={t("funnelEmpty")}
    >
      <LabelledBarChart
        label={t("funnelLabel", { range: rangeText })}
        horizontal
        height={Math.max(260, funnelRows.length * 38)}
        rows={funnelRows}
        categoryKey="label"
        bars={[{ key: "count", label: t("count") }]}
        labelKey="display"
      />
      <Table>
        <thead>
          <tr>
            <Th>{t("step")}</Th>
            <Th className="text-right">{t("count")}</Th>
            <Th className="text-right">{t("fromPrevious")}</Th>
            <Th className="text-right">{t("fromEntered")}</Th>
          </tr>
        </thead>
        <tbody data-testid="funnel-table">
          {data.funnel.map((f) => (
            <tr key={f.key} data-testid={`funnel-${f.key}`}>
              <Td>{funnelLabel(f)}</Td>
              <Td className="text-right tabular-nums">{count(f.count)}</Td>
              <Td className="text-right tabular-nums">{pct(f.ofPrevious)}</Td>
              <Td className="text-right tabular-nums">{pct(f.ofEntered)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </ChartCard>
  );
}

/** The journey's messages by stage (sent … clicked), each as a rate of the stage before. */
export async function JourneyMessagesCard({ data, rangeText, csvHref }: TCardProps) {
  const t = await getTranslations("pages.dashboards.journey");
  const m = await getTranslations("dashboards.kpi.metric");
  const { count, pct } = await figures();
  const before = { delivered: "sent", opened: "delivered", clicked: "opened" } as const;
  const rateOf = (key: "sent" | keyof typeof before) =>
    key === "sent" ? "" : t(`rateOf.${before[key]}`);
  return (
    <ChartCard
      title={t("messages")}
      description={t("messagesDescription", { range: rangeText })}
      csvHref={csvHref}
      empty={!data.messageStages.some((s) => s.count)}
      emptyText={t("messagesEmpty")}
      testId="table-messages"
    >
      <Table>
        <thead>
          <tr>
            <Th>{t("stage")}</Th>
            <Th className="text-right">{t("messages")}</Th>
            <Th className="text-right">{t("rate")}</Th>
          </tr>
        </thead>
        <tbody data-testid="messages-table">
          {data.messageStages.map((s) => (
            <tr key={s.key} data-testid={`messages-${s.key}`}>
              <Td>{m(s.key)}</Td>
              <Td className="text-right tabular-nums">{count(s.count)}</Td>
              <Td className="text-right tabular-nums">
                {s.rate === null ? "–" : `${pct(s.rate)} ${rateOf(s.key)}`}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </ChartCard>
  );
}

/** Each step: contacts who passed it (and each way out), who wait there now, and its messages. */
export async function JourneyStepsCard({ data, csvHref }: Omit<TCardProps, "rangeText">) {
  const t = await getTranslations("pages.dashboards.journey");
  const m = await getTranslations("dashboards.kpi.metric");
  const { count } = await figures();
  return (
    <ChartCard
      title={t("perStep")}
      description={t("perStepDescription")}
      csvHref={csvHref}
      testId="table-nodes"
    >
      <Table>
        <thead>
          <tr>
            <Th>{t("step")}</Th>
            <Th className="text-right">{t("passed")}</Th>
            <Th className="text-right">{t("hereNow")}</Th>
            <Th className="text-right">{m("sent")}</Th>
            <Th className="text-right">{m("opened")}</Th>
            <Th className="text-right">{m("clicked")}</Th>
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
                    {n.outcomes.map((o) => `${o.label} ${count(o.passed)}`).join(" · ")}
                  </span>
                ) : null}
              </Td>
              <Td className="text-right tabular-nums">{count(n.passed)}</Td>
              <Td className="text-right tabular-nums">{count(n.active)}</Td>
              <Td className="text-right tabular-nums">{count(n.sent)}</Td>
              <Td className="text-right tabular-nums">{count(n.opened)}</Td>
              <Td className="text-right tabular-nums">{count(n.clicked)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </ChartCard>
  );
}
