import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { TConversionResult } from "@/lib/campaigns/stats/conversion-results";

const pct = (x: number | null | undefined) => (x == null ? "—" : `${(x * 100).toFixed(1)}%`);

/**
 * A run's conversions per treatment and for the holdout, and each treatment's uplift over the
 * holdout with its significance: the one comparison that says whether sending did anything.
 */
export function ConversionResults({
  event,
  windowDays,
  rows,
}: {
  event: string;
  windowDays: number;
  rows: TConversionResult[];
}) {
  const hasHoldout = rows.some((r) => r.treatment === null);
  return (
    <Card className="mt-6 p-6">
      <h2 className="text-base font-semibold">Conversions</h2>
      <p className="mt-1 text-sm text-slate-500">
        Contacts who performed <span className="font-medium text-slate-700">{event}</span> within{" "}
        {windowDays} {windowDays === 1 ? "day" : "days"} of the send, over everyone assigned to each
        group, with 95% Wilson intervals.{" "}
        {hasHoldout
          ? "Each treatment is tested against the holdout (two-proportion z-test)."
          : "This run has no holdout, so there is no control to test uplift against."}
      </p>
      <Table className="mt-4" data-testid="conversion-results">
        <thead>
          <tr>
            <Th>Group</Th>
            <Th className="text-right">Contacts</Th>
            <Th className="text-right">Converted</Th>
            <Th className="text-right">Rate</Th>
            <Th>Uplift over the holdout</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.treatment ?? "holdout"} data-testid={`conversion-${r.label}`}>
              <Td className="font-medium">{r.label}</Td>
              <Td className="text-right tabular-nums">{r.assigned.toLocaleString("en")}</Td>
              <Td className="text-right tabular-nums" data-testid="converted">
                {r.converted.toLocaleString("en")}
              </Td>
              <Td className="text-right tabular-nums">
                {pct(r.rate)}
                {r.interval ? (
                  <span className="block whitespace-nowrap text-xs text-slate-500">
                    {pct(r.interval.low)}–{pct(r.interval.high)}
                  </span>
                ) : null}
              </Td>
              <Td className="text-sm" data-testid="uplift">
                {r.vsHoldout
                  ? `${r.vsHoldout.lift >= 0 ? "+" : ""}${(r.vsHoldout.lift * 100).toFixed(1)} pts${r.relativeUplift !== null ? ` (${r.relativeUplift >= 0 ? "+" : ""}${(r.relativeUplift * 100).toFixed(0)}%)` : ""}, p = ${r.vsHoldout.pValue.toFixed(3)}${r.vsHoldout.significant ? " · significant" : " · not significant"}`
                  : r.treatment === null
                    ? "control"
                    : "—"}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
