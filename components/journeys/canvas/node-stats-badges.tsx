import type { TNodeStats } from "./canvas-decorations";

const fmt = new Intl.NumberFormat("en", { notation: "compact" });

/** Live counts on a node: how many entered it, wait in it now, and went on. */
export function NodeStatsBadges({ stats }: { stats: TNodeStats }) {
  return (
    <div className="mx-3 mb-2 flex gap-1.5 text-[11px]" data-testid="node-stats">
      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700" title="Entered this step">
        <b data-testid="stat-entered">{fmt.format(stats.entered)}</b> entered
      </span>
      <span className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-700" title="Waiting here now">
        <b data-testid="stat-waiting">{fmt.format(stats.waiting)}</b> waiting
      </span>
      <span
        className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-700"
        title="Went on to the next step"
      >
        <b data-testid="stat-passed">{fmt.format(stats.passed)}</b> passed
      </span>
    </div>
  );
}
