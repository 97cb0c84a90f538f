import { formatChange, formatCount } from "@/lib/analytics/format-figures";

const LABEL: Record<string, string> = {
  sent: "Sent",
  delivered: "Delivered",
  opened: "Opened",
  clicked: "Clicked",
  failed: "Failed",
  unsubscribed: "Opted out",
  conversions: "Conversions",
};
// For these a rise is bad news; the words say which way it went, the tone only adds to them.
const RISE_IS_BAD = new Set(["failed", "unsubscribed"]);

export function KpiGrid({
  rows,
  previousLabel,
}: {
  rows: { metric: string; current: number; previous: number; change: number | null }[];
  previousLabel: string;
}) {
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
              {LABEL[r.metric] ?? r.metric}
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
              {formatCount(r.current)}
            </dd>
            <dd className={`mt-0.5 text-xs ${bad ? "text-red-700" : "text-slate-600"}`}>
              {formatChange(r.change, r.current)}{" "}
              <span className="text-slate-400">
                vs {formatCount(r.previous)} {previousLabel}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
