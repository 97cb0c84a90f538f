import type { TConversionCounts, TTreatmentCounts } from "@/db/queries/campaign-results";
import type { TRunGroupCounts, TRunTreatmentFigures } from "@/db/queries/campaign-run-results";

export const RUN_METRICS = ["sent", "delivered", "opened", "clicked", "unsubscribed"] as const;
type TRunMetric = (typeof RUN_METRICS)[number];

export type TRunRow = Record<TRunMetric, number> & {
  runId: string;
  occurrence: number;
  scheduledFor: Date;
  status: string;
  /** Contacts the snapshot took, holdout included (null before the snapshot). */
  audience: number | null;
  /** Treatment contacts who converted within the window (null: the campaign has no conversion event). */
  conversions: number | null;
};

export type TAcrossRuns = {
  runs: TRunRow[];
  totals: Omit<TRunRow, "runId" | "occurrence" | "scheduledFor" | "status">;
  /** Per treatment (and holdout), every run added up: the input of treatmentResults. */
  byTreatment: TTreatmentCounts[];
  /** Per treatment and holdout, every run added up: the input of conversionResults. */
  conversionsByGroup: TConversionCounts[];
};

const zero = (): Record<TRunMetric, number> => ({
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  unsubscribed: 0,
});

/**
 * A recurring campaign's results run by run and added up: the message figures from the rollup
 * (per run and treatment), each group's size and conversions from the deliveries. Runs in
 * occurrence order; a run the rollup has not seen yet shows zeros, not a gap.
 */
export function acrossRuns(
  runs: {
    id: string;
    occurrence: number;
    scheduledFor: Date;
    status: string;
    audienceCount: number | null;
  }[],
  figures: TRunTreatmentFigures[],
  groups: TRunGroupCounts[],
  hasConversion: boolean,
): TAcrossRuns {
  const rows = [...runs]
    .sort((a, b) => a.occurrence - b.occurrence)
    .map((r): TRunRow => {
      const row: TRunRow = {
        runId: r.id,
        occurrence: r.occurrence,
        scheduledFor: r.scheduledFor,
        status: r.status,
        audience: r.audienceCount,
        conversions: hasConversion ? 0 : null,
        ...zero(),
      };
      for (const f of figures) if (f.runId === r.id) for (const m of RUN_METRICS) row[m] += f[m];
      if (hasConversion)
        for (const g of groups)
          if (g.runId === r.id && g.treatment !== null) row.conversions! += g.converted;
      return row;
    });
  const totals: TAcrossRuns["totals"] = {
    audience: rows.reduce((n, r) => n + (r.audience ?? 0), 0),
    conversions: hasConversion ? rows.reduce((n, r) => n + (r.conversions ?? 0), 0) : null,
    ...zero(),
  };
  for (const r of rows) for (const m of RUN_METRICS) totals[m] += r[m];

  const byKey = new Map<number | null, TTreatmentCounts>();
  const group = (treatment: number | null) => {
    let g = byKey.get(treatment);
    if (!g) {
      g = { treatment, audience: 0, ...zero() };
      byKey.set(treatment, g);
    }
    return g;
  };
  const runIds = new Set(runs.map((r) => r.id));
  for (const f of figures) {
    if (!runIds.has(f.runId)) continue;
    const g = group(f.treatment);
    for (const m of RUN_METRICS) g[m] += f[m];
  }
  const conv = new Map<number | null, TConversionCounts>();
  for (const c of groups) {
    if (!runIds.has(c.runId)) continue;
    group(c.treatment).audience += c.audience;
    const k = conv.get(c.treatment) ?? { treatment: c.treatment, assigned: 0, converted: 0 };
    k.assigned += c.assigned;
    k.converted += c.converted;
    conv.set(c.treatment, k);
  }
  const order = (a: { treatment: number | null }, b: { treatment: number | null }) =>
    (a.treatment ?? 99) - (b.treatment ?? 99);
  return {
    runs: rows,
    totals,
    byTreatment: [...byKey.values()].sort(order),
    conversionsByGroup: [...conv.values()].sort(order),
  };
}
