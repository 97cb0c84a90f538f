"use client";
import { LabelledBarChart } from "@/components/dashboards/labelled-bar-chart";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { TTreatmentResult } from "@/lib/campaigns/stats/treatment-results";

const pct = (x: number | null | undefined) => (x == null ? "—" : `${(x * 100).toFixed(1)}%`);

/**
 * A run's results per treatment: a chart of open and click rates (labels on the bars) and the
 * same figures as a table, with Wilson 95 % intervals and each treatment's test against the first.
 */
export function TreatmentResults({
  treatments,
  holdout,
}: {
  treatments: TTreatmentResult[];
  holdout: number;
}) {
  const rows = treatments.map((t) => ({
    label: t.label,
    opened: t.rates.opened.rate === null ? 0 : +(t.rates.opened.rate * 100).toFixed(1),
    clicked: t.rates.clicked.rate === null ? 0 : +(t.rates.clicked.rate * 100).toFixed(1),
    openedLabel: pct(t.rates.opened.rate),
    clickedLabel: pct(t.rates.clicked.rate),
  }));
  return (
    <Card className="mt-6 p-6">
      <h2 className="text-base font-semibold">Results by treatment</h2>
      <p className="mt-1 text-sm text-slate-500">
        Rates over delivered messages, with 95% Wilson intervals. Each treatment is tested against{" "}
        {treatments[0]?.label ?? "the first"} (two-proportion z-test).{" "}
        {holdout ? `${holdout.toLocaleString("en")} contacts were held out as the control.` : ""}
      </p>
      {treatments.length ? (
        <>
          <div className="mt-4">
            <LabelledBarChart
              rows={rows}
              categoryKey="label"
              bars={[
                { key: "opened", label: "Open rate %" },
                { key: "clicked", label: "Click rate %" },
              ]}
              label="Open and click rate per treatment"
              height={240}
            />
          </div>
          <Table className="mt-4" data-testid="treatment-results">
            <thead>
              <tr>
                <Th>Treatment</Th>
                <Th className="text-right">Audience</Th>
                <Th className="text-right">Sent</Th>
                <Th className="text-right">Delivered</Th>
                <Th className="text-right">Opened</Th>
                <Th className="text-right">Clicked</Th>
                <Th className="text-right">Unsubscribed</Th>
                <Th>Clicks against {treatments[0]?.label}</Th>
              </tr>
            </thead>
            <tbody>
              {treatments.map((t) => (
                <tr key={t.treatment ?? "holdout"} data-testid={`treatment-${t.label}`}>
                  <Td className="font-medium">{t.label}</Td>
                  <Td className="text-right tabular-nums">{t.audience.toLocaleString("en")}</Td>
                  <Td className="text-right tabular-nums" data-testid="sent">
                    {t.sent.toLocaleString("en")}
                  </Td>
                  <Td className="text-right tabular-nums">{t.delivered.toLocaleString("en")}</Td>
                  <Rate n={t.opened} r={t.rates.opened} />
                  <Rate n={t.clicked} r={t.rates.clicked} />
                  <Rate n={t.unsubscribed} r={t.rates.unsubscribed} />
                  <Td className="text-sm">
                    {t.rates.clicked.vsControl
                      ? `${t.rates.clicked.vsControl.lift >= 0 ? "+" : ""}${(t.rates.clicked.vsControl.lift * 100).toFixed(1)} pts, p = ${t.rates.clicked.vsControl.pValue.toFixed(3)}${t.rates.clicked.vsControl.significant ? " (significant)" : ""}`
                      : "—"}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : (
        <p className="mt-4 text-sm text-slate-500">Nothing sent yet.</p>
      )}
    </Card>
  );
}

function Rate({ n, r }: { n: number; r: TTreatmentResult["rates"]["opened"] }) {
  return (
    <Td className="text-right tabular-nums">
      {n.toLocaleString("en")}
      <span className="block whitespace-nowrap text-xs text-slate-500">
        {pct(r.rate)}
        {r.interval ? ` (${pct(r.interval.low)}–${pct(r.interval.high)})` : ""}
      </span>
    </Td>
  );
}
