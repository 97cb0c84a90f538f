import type { TTreatmentCounts } from "@/db/queries/campaign-results";
import { compareProportions, wilsonInterval, type TComparison } from "./proportions";

export const RESULT_METRICS = ["opened", "clicked", "unsubscribed"] as const;
export type TResultMetric = (typeof RESULT_METRICS)[number];

export type TTreatmentResult = TTreatmentCounts & {
  label: string;
  /** Per metric: rate over delivered messages, its Wilson 95 % interval, and the test against the control. */
  rates: Record<
    TResultMetric,
    {
      rate: number | null;
      interval: { low: number; high: number } | null;
      vsControl: TComparison | null;
    }
  >;
};

/**
 * Results per treatment of a run, from the counts: rates over delivered messages with Wilson
 * intervals, each treatment tested against the control, the first treatment (the holdout receives
 * nothing, so it has no open or click rate to compare; its size is reported).
 */
export function treatmentResults(
  counts: TTreatmentCounts[],
  labels: string[],
): { treatments: TTreatmentResult[]; holdout: number } {
  const control = counts.find((c) => c.treatment === 0);
  const treatments = counts
    .filter((c) => c.treatment !== null)
    .map((c) => {
      const rates = {} as TTreatmentResult["rates"];
      for (const m of RESULT_METRICS) {
        const trials = c.delivered;
        rates[m] = {
          rate: trials ? c[m] / trials : null,
          interval: wilsonInterval(c[m], trials),
          vsControl:
            control && c.treatment !== 0
              ? compareProportions(
                  { successes: c[m], trials },
                  { successes: control[m], trials: control.delivered },
                )
              : null,
        };
      }
      return { ...c, label: labels[c.treatment!] ?? `Treatment ${c.treatment! + 1}`, rates };
    });
  const holdout = counts.find((c) => c.treatment === null)?.audience ?? 0;
  return { treatments, holdout };
}
