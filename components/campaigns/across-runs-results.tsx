"use client";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { LabelledBarChart } from "@/components/dashboards/labelled-bar-chart";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { RUN_METRICS, type TAcrossRuns } from "@/lib/campaigns/stats/across-runs";
import { formatNumber } from "@/lib/format/numbers";

export type TAcrossRunsView = Omit<TAcrossRuns, "runs"> & {
  runs: (Omit<TAcrossRuns["runs"][number], "scheduledFor"> & { when: string })[];
};

/**
 * A recurring campaign's results occurrence by occurrence (a chart and the table it draws) and
 * added up over every run, from the rollups; `refreshedAt` says how fresh they are.
 */
export function AcrossRunsResults({
  slug,
  data,
  refreshedAt,
}: {
  slug: string;
  data: TAcrossRunsView;
  refreshedAt: string | null;
}) {
  const t = useTranslations("campaigns.acrossRuns");
  const tr = useTranslations("campaigns.results");
  const locale = useLocale();
  const num = (x: number | null) => (x === null ? "—" : formatNumber(x, locale));
  const hasConversions = data.totals.conversions !== null;
  const label = (m: (typeof RUN_METRICS)[number]) => tr(m);
  const chartRows = data.runs.map((r) => ({
    run: t("run", { n: r.occurrence }),
    sent: r.sent,
    opened: r.opened,
    clicked: r.clicked,
  }));
  return (
    <Card className="mt-6 p-6" data-testid="across-runs">
      <h2 className="text-base font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-500">
        {t("description", { count: data.runs.length })}{" "}
        {refreshedAt ? t("refreshedAt", { at: refreshedAt }) : t("notRefreshed")}
      </p>
      <div className="mt-4">
        <LabelledBarChart
          rows={chartRows}
          categoryKey="run"
          categoryLabel={t("runColumn")}
          bars={[
            { key: "sent", label: tr("sent") },
            { key: "opened", label: tr("opened") },
            { key: "clicked", label: tr("clicked") },
          ]}
          label={t("chartLabel")}
          height={240}
        />
      </div>
      <div className="mt-4 overflow-x-auto">
        <Table className="whitespace-nowrap" data-testid="across-runs-table">
          <thead>
            <tr>
              <Th>{t("runColumn")}</Th>
              <Th>{t("when")}</Th>
              <Th className="text-right">{tr("audience")}</Th>
              {RUN_METRICS.map((m) => (
                <Th key={m} className="text-right">
                  {label(m)}
                </Th>
              ))}
              {hasConversions ? <Th className="text-right">{t("conversions")}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {data.runs.map((r) => (
              <tr key={r.runId} data-testid={`across-run-${r.occurrence}`}>
                <Td>
                  <Link
                    className="font-medium text-brand-700 hover:underline"
                    href={`/w/${slug}/campaigns/runs/${r.runId}`}
                  >
                    {t("run", { n: r.occurrence })}
                  </Link>
                </Td>
                <Td>{r.when}</Td>
                <Td className="text-right tabular-nums">{num(r.audience)}</Td>
                {RUN_METRICS.map((m) => (
                  <Td key={m} className="text-right tabular-nums" data-metric={m}>
                    {num(r[m])}
                  </Td>
                ))}
                {hasConversions ? (
                  <Td className="text-right tabular-nums" data-metric="conversions">
                    {num(r.conversions)}
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr
              className="border-t-2 border-slate-300 font-semibold"
              data-testid="across-runs-total"
            >
              <Th scope="row">{t("total")}</Th>
              <Td />
              <Td className="text-right tabular-nums">{num(data.totals.audience)}</Td>
              {RUN_METRICS.map((m) => (
                <Td key={m} className="text-right tabular-nums" data-metric={m}>
                  {num(data.totals[m])}
                </Td>
              ))}
              {hasConversions ? (
                <Td className="text-right tabular-nums" data-metric="conversions">
                  {num(data.totals.conversions)}
                </Td>
              ) : null}
            </tr>
          </tfoot>
        </Table>
      </div>
    </Card>
  );
}
