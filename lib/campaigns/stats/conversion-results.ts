import type { TConversionCounts } from "@/db/queries/campaign-results";
import { compareProportions, wilsonInterval, type TComparison } from "./proportions";

export type TConversionResult = {
  /** Treatment position; null for the holdout. */
  treatment: number | null;
  label: string;
  assigned: number;
  converted: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
  /** Against the holdout: the uplift in points and its two-sided pooled z-test. */
  vsHoldout: TComparison | null;
  /** Uplift relative to the holdout's rate (0.25 = a quarter more conversions); null at a 0 % holdout rate. */
  relativeUplift: number | null;
};

/**
 * Conversion rates per treatment and for the holdout, each over every contact assigned to it
 * (intention to treat: a treatment's opted-out or unreachable contacts stay in its denominator,
 * as the holdout's would), with Wilson 95 % intervals, and each treatment tested against the
 * holdout. Without a holdout there is no control, so no test.
 */
export function conversionResults(
  counts: TConversionCounts[],
  labels: string[],
): TConversionResult[] {
  const holdout = counts.find((c) => c.treatment === null);
  const holdoutRate = holdout?.assigned ? holdout.converted / holdout.assigned : null;
  return counts.map((c) => {
    const rate = c.assigned ? c.converted / c.assigned : null;
    const vsHoldout =
      holdout && c.treatment !== null
        ? compareProportions(
            { successes: c.converted, trials: c.assigned },
            { successes: holdout.converted, trials: holdout.assigned },
          )
        : null;
    return {
      treatment: c.treatment,
      label:
        c.treatment === null ? "Holdout" : (labels[c.treatment] ?? `Treatment ${c.treatment + 1}`),
      assigned: c.assigned,
      converted: c.converted,
      rate,
      interval: wilsonInterval(c.converted, c.assigned),
      vsHoldout,
      relativeUplift:
        c.treatment !== null && rate !== null && holdoutRate
          ? (rate - holdoutRate) / holdoutRate
          : null,
    };
  });
}
