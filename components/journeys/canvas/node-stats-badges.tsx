import { useLocale, useTranslations } from "next-intl";
import type { TNodeStats } from "./canvas-decorations";

/** The figure of a badge, bold and findable by tests. */
function bold(testId: string) {
  return function Figure(chunks: React.ReactNode) {
    return <b data-testid={testId}>{chunks}</b>;
  };
}

/** Live counts on a node: how many entered it, wait in it now, and went on. */
export function NodeStatsBadges({ stats }: { stats: TNodeStats }) {
  const t = useTranslations("journeys.stats");
  const fmt = new Intl.NumberFormat(useLocale(), { notation: "compact" });
  return (
    <div className="mx-3 mb-2 flex gap-1.5 text-[11px]" data-testid="node-stats">
      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700" title={t("enteredHint")}>
        {t.rich("entered", { n: fmt.format(stats.entered), b: bold("stat-entered") })}
      </span>
      <span className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-700" title={t("waitingHint")}>
        {t.rich("waiting", { n: fmt.format(stats.waiting), b: bold("stat-waiting") })}
      </span>
      <span
        className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-700"
        title={t("passedHint")}
      >
        {t.rich("passed", { n: fmt.format(stats.passed), b: bold("stat-passed") })}
      </span>
    </div>
  );
}
