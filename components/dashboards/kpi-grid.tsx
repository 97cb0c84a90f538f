import { useLocale, useTranslations } from "next-intl";
import { formatChange, formatCount } from "@/lib/analytics/format-figures";

// For these a rise is bad news; the words say which way it went, the tone only adds to them.
const RISE_IS_BAD = new Set(["failed", "unsubscribed"]);

export function KpiGrid({
  rows,
  previousLabel,
}: {
  rows: { metric: string; current: number; previous: number; change: number | null }[];
  previousLabel: string;
}) {
  const t = useTranslations("dashboards.kpi");
  const locale = useLocale();
  const changeText = (change: number | null, current: number) =>
    change === null
      ? current > 0
        ? t("new")
        : t("noChange")
      : change === 0
        ? t("noChange")
        : change >= 9
          ? t("multiple", { n: formatCount(Math.round(change + 1), locale) })
          : formatChange(change, current, locale);
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" data-testid="kpis">
      {rows.map((r) => {
        const bad =
          r.change !== null && r.change !== 0 && r.change > 0 === RISE_IS_BAD.has(r.metric);
        return (
          <div
            key={r.metric}
            className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm"
            data-testid={`kpi-${r.metric}`}
          >
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
              {t.has(`metric.${r.metric}` as "metric.sent")
                ? t(`metric.${r.metric}` as "metric.sent")
                : r.metric}
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
              {formatCount(r.current, locale)}
            </dd>
            <dd className={`mt-0.5 text-xs ${bad ? "text-red-700" : "text-slate-600"}`}>
              {changeText(r.change, r.current)}{" "}
              <span className="text-slate-400">
                {t("vs", { n: formatCount(r.previous, locale), label: previousLabel })}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
