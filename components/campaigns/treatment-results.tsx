"use client";
import { useLocale, useTranslations } from "next-intl";
import { LabelledBarChart } from "@/components/dashboards/labelled-bar-chart";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { TTreatmentResult } from "@/lib/campaigns/stats/treatment-results";
import { formatNumber } from "@/lib/format/numbers";

const pct = (x: number | null | undefined) => (x == null ? "—" : `${(x * 100).toFixed(1)}%`);

/**
 * A run's results per treatment: a chart of open and click rates (labels on the bars) and the
 * same figures as a table, with Wilson 95 % intervals and each treatment's test against the first.
 */
export function TreatmentResults({
  treatments,
  holdout,
  title,
}: {
  treatments: TTreatmentResult[];
  holdout: number;
  /** The heading when not a single run's (the across-runs totals). */
  title?: string;
}) {
  const t = useTranslations("campaigns.results");
  const locale = useLocale();
  const num = (x: number) => formatNumber(x, locale);
  const rows = treatments.map((t) => ({
    label: t.label,
    opened: t.rates.opened.rate === null ? 0 : +(t.rates.opened.rate * 100).toFixed(1),
    clicked: t.rates.clicked.rate === null ? 0 : +(t.rates.clicked.rate * 100).toFixed(1),
    openedLabel: pct(t.rates.opened.rate),
    clickedLabel: pct(t.rates.clicked.rate),
  }));
  return (
    <Card className="mt-6 p-6">
      <h2 className="text-base font-semibold">{title ?? t("title")}</h2>
      <p className="mt-1 text-sm text-slate-500">
        {t("description", { first: treatments[0]?.label ?? t("theFirst") })}
        {holdout ? ` ${t("heldOut", { count: holdout, n: num(holdout) })}` : null}
      </p>
      {treatments.length ? (
        <>
          <div className="mt-4">
            <LabelledBarChart
              rows={rows}
              categoryKey="label"
              bars={[
                { key: "opened", label: t("openRate") },
                { key: "clicked", label: t("clickRate") },
              ]}
              label={t("chartLabel")}
              height={240}
            />
          </div>
          <Table className="mt-4" data-testid="treatment-results">
            <thead>
              <tr>
                <Th>{t("treatment")}</Th>
                <Th className="text-right">{t("audience")}</Th>
                <Th className="text-right">{t("sent")}</Th>
                <Th className="text-right">{t("delivered")}</Th>
                <Th className="text-right">{t("opened")}</Th>
                <Th className="text-right">{t("clicked")}</Th>
                <Th className="text-right">{t("unsubscribed")}</Th>
                <Th>{t("clicksAgainst", { first: treatments[0]?.label ?? "" })}</Th>
              </tr>
            </thead>
            <tbody>
              {treatments.map((row) => (
                <tr key={row.treatment ?? "holdout"} data-testid={`treatment-${row.label}`}>
                  <Td className="font-medium">{row.label}</Td>
                  <Td className="text-right tabular-nums">{num(row.audience)}</Td>
                  <Td className="text-right tabular-nums" data-testid="sent">
                    {num(row.sent)}
                  </Td>
                  <Td className="text-right tabular-nums">{num(row.delivered)}</Td>
                  <Rate n={row.opened} r={row.rates.opened} />
                  <Rate n={row.clicked} r={row.rates.clicked} />
                  <Rate n={row.unsubscribed} r={row.rates.unsubscribed} />
                  <Td className="text-sm">
                    {row.rates.clicked.vsControl
                      ? t(row.rates.clicked.vsControl.significant ? "liftSignificant" : "lift", {
                          lift: `${row.rates.clicked.vsControl.lift >= 0 ? "+" : ""}${(row.rates.clicked.vsControl.lift * 100).toFixed(1)}`,
                          p: row.rates.clicked.vsControl.pValue.toFixed(3),
                        })
                      : "—"}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : (
        <p className="mt-4 text-sm text-slate-500">{t("nothingSent")}</p>
      )}
    </Card>
  );
}

function Rate({ n, r }: { n: number; r: TTreatmentResult["rates"]["opened"] }) {
  const locale = useLocale();
  return (
    <Td className="text-right tabular-nums">
      {formatNumber(n, locale)}
      <span className="block whitespace-nowrap text-xs text-slate-500">
        {pct(r.rate)}
        {r.interval ? ` (${pct(r.interval.low)}–${pct(r.interval.high)})` : ""}
      </span>
    </Td>
  );
}
