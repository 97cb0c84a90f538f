"use client";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartDataTable, useChartTableId } from "./chart-data-table";
import { CHART_AXIS, seriesStyle } from "./series-styles";

/**
 * Bars with their values written on them (direct labels), grouped per category. Horizontal for
 * funnels, where the step names are long.
 */
export function LabelledBarChart({
  rows,
  categoryKey,
  bars,
  label,
  horizontal = false,
  height = 280,
  labelKey,
  categoryLabel = "",
}: {
  rows: Record<string, string | number | null>[];
  categoryKey: string;
  bars: { key: string; label: string }[];
  label: string;
  horizontal?: boolean;
  height?: number;
  /** A column holding each bar's label text (e.g. "1,204 · 48.2%"); otherwise the value. */
  labelKey?: string;
  /** The heading of the first column of the chart's table (what a category is). */
  categoryLabel?: string;
}) {
  const tableId = useChartTableId();
  return (
    <>
      <div role="img" aria-label={label} aria-details={tableId} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout={horizontal ? "vertical" : "horizontal"}
            margin={{ top: 16, right: horizontal ? 120 : 16, bottom: 0, left: horizontal ? 8 : 0 }}
          >
            <CartesianGrid stroke="#e2e8f0" horizontal={!horizontal} vertical={horizontal} />
            {horizontal ? (
              <>
                <XAxis type="number" allowDecimals={false} tick={CHART_AXIS} />
                <YAxis
                  type="category"
                  dataKey={categoryKey}
                  tick={CHART_AXIS}
                  width={200}
                  interval={0}
                />
              </>
            ) : (
              <>
                <XAxis dataKey={categoryKey} tick={CHART_AXIS} interval={0} />
                <YAxis allowDecimals={false} tick={CHART_AXIS} width={48} />
              </>
            )}
            <Tooltip />
            {bars.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
            {bars.map((b, i) => (
              <Bar
                key={b.key}
                dataKey={b.key}
                name={b.label}
                fill={seriesStyle(i).color}
                fillOpacity={0.85 - i * 0.12}
                stroke={seriesStyle(i).color}
                isAnimationActive={false}
              >
                <LabelList
                  dataKey={labelKey ?? b.key}
                  position={horizontal ? "right" : "top"}
                  style={{ fontSize: 11, fill: "#0f172a" }}
                  formatter={(v: unknown) =>
                    typeof v === "number" ? v.toLocaleString("en-US") : String(v ?? "")
                  }
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartDataTable
        id={tableId}
        label={label}
        rows={rows}
        columns={[{ key: categoryKey, label: categoryLabel }, ...bars]}
      />
    </>
  );
}
