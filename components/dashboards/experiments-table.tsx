import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { TEST_NAME } from "@/lib/analytics/two-proportion-test";
import type { TExperiment } from "@/lib/analytics/journey-results";
import { formatCount, formatPercent } from "@/lib/analytics/format-figures";

function Verdict({ g }: { g: TExperiment["groups"][number] }) {
  const t = useTranslations("dashboards.experiments");
  if (!g.test) return <span className="text-slate-500">{t("control")}</span>;
  const p = g.test.pValue < 0.001 ? "p < 0.001" : `p = ${g.test.pValue.toFixed(3)}`;
  return g.test.significant ? (
    <span className="font-medium text-emerald-800">{t("significant", { p })}</span>
  ) : (
    <span className="text-slate-600">{t("notSignificant", { p })}</span>
  );
}

/** A/B variants and holdouts: goal conversion with its 95% interval, lift over the control and the test's verdict. */
export function ExperimentsTable({ experiments }: { experiments: TExperiment[] }) {
  const t = useTranslations("dashboards.experiments");
  const locale = useLocale();
  const pct = (r: number | null) => formatPercent(r, 1, locale);
  // A label the marketer gave a variant reads as typed; the others in the viewer's language.
  const groupLabel = (e: TExperiment, g: TExperiment["groups"][number]) => {
    if (g.named) return g.label;
    if (e.kind === "ab_split") return t("variantGroup", { id: g.id });
    return g.id === "held_out" ? t("heldOutGroup") : t("treatedGroup");
  };
  return (
    <div className="space-y-6">
      {experiments.map((e) => (
        <div key={e.nodeId} data-testid={`experiment-${e.nodeId}`}>
          <h3 className="mb-1 px-5 text-sm font-semibold text-slate-800">
            {e.kind === "holdout" ? t("holdoutTitle", { label: e.label }) : e.label}
          </h3>
          <Table>
            <thead>
              <tr>
                <Th>{e.kind === "holdout" ? t("group") : t("variant")}</Th>
                <Th className="text-right">{t("entries")}</Th>
                <Th className="text-right">{t("goalReached")}</Th>
                <Th className="text-right">{t("conversion")}</Th>
                <Th className="text-right">{t("interval")}</Th>
                <Th className="text-right">
                  {e.kind === "holdout" ? t("liftVsHeldOut") : t("liftVsControl")}
                </Th>
                <Th>{t("difference")}</Th>
              </tr>
            </thead>
            <tbody>
              {e.groups.map((g) => (
                <tr key={g.id} data-testid={`group-${e.nodeId}-${g.id}`}>
                  <Td className="font-medium">{groupLabel(e, g)}</Td>
                  <Td className="text-right tabular-nums">{formatCount(g.entries, locale)}</Td>
                  <Td className="text-right tabular-nums">{formatCount(g.conversions, locale)}</Td>
                  <Td className="text-right tabular-nums" data-testid="rate">
                    {pct(g.entries ? g.ci.rate : null)}
                  </Td>
                  <Td className="text-right tabular-nums text-slate-600">
                    {g.entries ? `${pct(g.ci.low)} – ${pct(g.ci.high)}` : "–"}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {g.test?.relativeLift === null || !g.test
                      ? "–"
                      : `${g.test.relativeLift >= 0 ? "+" : "−"}${Math.abs(g.test.relativeLift * 100).toFixed(1)}%`}
                  </Td>
                  <Td>
                    <Verdict g={g} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ))}
      <p className="px-5 text-xs text-slate-500">
        {t("method", { test: TEST_NAME, threshold: "p < 0.05" })}
      </p>
    </div>
  );
}
