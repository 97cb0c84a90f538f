import { Table, Td, Th } from "@/components/ui/table";
import { TEST_NAME } from "@/lib/analytics/two-proportion-test";
import type { TExperiment } from "@/lib/analytics/journey-results";
import { formatCount, formatPercent } from "@/lib/analytics/format-figures";

function verdict(g: TExperiment["groups"][number]) {
  if (!g.test) return <span className="text-slate-500">control</span>;
  const p = g.test.pValue < 0.001 ? "p < 0.001" : `p = ${g.test.pValue.toFixed(3)}`;
  return g.test.significant ? (
    <span className="font-medium text-emerald-800">✔ Significant ({p})</span>
  ) : (
    <span className="text-slate-600">✘ Not significant ({p})</span>
  );
}

/** A/B variants and holdouts: goal conversion with its 95% interval, lift over the control and the test's verdict. */
export function ExperimentsTable({ experiments }: { experiments: TExperiment[] }) {
  return (
    <div className="space-y-6">
      {experiments.map((e) => (
        <div key={e.nodeId} data-testid={`experiment-${e.nodeId}`}>
          <h3 className="mb-1 px-5 text-sm font-semibold text-slate-800">
            {e.kind === "holdout" ? `${e.label}: treated vs held out` : e.label}
          </h3>
          <Table>
            <thead>
              <tr>
                <Th>{e.kind === "holdout" ? "Group" : "Variant"}</Th>
                <Th className="text-right">Entries</Th>
                <Th className="text-right">Goal reached</Th>
                <Th className="text-right">Conversion</Th>
                <Th className="text-right">95% interval</Th>
                <Th className="text-right">
                  {e.kind === "holdout" ? "Lift vs held out" : "Lift vs control"}
                </Th>
                <Th>Difference</Th>
              </tr>
            </thead>
            <tbody>
              {e.groups.map((g) => (
                <tr key={g.id} data-testid={`group-${e.nodeId}-${g.id}`}>
                  <Td className="font-medium">{g.label}</Td>
                  <Td className="text-right tabular-nums">{formatCount(g.entries)}</Td>
                  <Td className="text-right tabular-nums">{formatCount(g.conversions)}</Td>
                  <Td className="text-right tabular-nums" data-testid="rate">
                    {formatPercent(g.entries ? g.ci.rate : null)}
                  </Td>
                  <Td className="text-right tabular-nums text-slate-600">
                    {g.entries ? `${formatPercent(g.ci.low)} – ${formatPercent(g.ci.high)}` : "–"}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {g.test?.relativeLift === null || !g.test
                      ? "–"
                      : `${g.test.relativeLift >= 0 ? "+" : "−"}${Math.abs(g.test.relativeLift * 100).toFixed(1)}%`}
                  </Td>
                  <Td>{verdict(g)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ))}
      <p className="px-5 text-xs text-slate-500">
        Test: {TEST_NAME} (pooled, two-sided, significant when p &lt; 0.05) of each variant against
        the first; intervals are 95% Wilson score intervals. Conversion is the share of entries that
        passed the split in this range and reached the journey&apos;s goal.
      </p>
    </div>
  );
}
