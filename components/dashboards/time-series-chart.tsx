"use client";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDay } from "@/lib/analytics/format-figures";
import { ChartDataTable, useChartTableId } from "./chart-data-table";
import { CHART_AXIS, seriesStyle } from "./series-styles";

export type TSeries = { key: string; label: string };

/** Daily lines, one per series, told apart by colour, dash pattern and marker shape, with a legend. */
export function TimeSeriesChart({
  rows,
  series,
  height = 280,
  label,
}: {
  rows: Record<string, string | number>[];
  series: TSeries[];
  height?: number;
  label: string;
}) {
  const tableId = useChartTableId();
  return (
    <>
      <div role="img" aria-label={label} aria-details={tableId} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={(d: string) => formatDay(d)}
              tick={CHART_AXIS}
              minTickGap={24}
            />
            <YAxis allowDecimals={false} tick={CHART_AXIS} width={48} />
            <Tooltip labelFormatter={(d) => formatDay(String(d))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s, i) => {
              const st = seriesStyle(i);
              return (
                <Line
                  key={s.key}
                  type="monotone"
                  dataKey={s.key}
                  name={s.label}
                  stroke={st.color}
                  strokeDasharray={st.dash}
                  strokeWidth={2}
                  dot={rows.length <= 31 ? { r: 2.5 } : false}
                  legendType="plainline"
                  isAnimationActive={false}
                />
              );
            })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartDataTable
        id={tableId}
        label={label}
        rows={rows}
        columns={[{ key: "day", label: "Day", format: (d) => formatDay(String(d)) }, ...series]}
      />
    </>
  );
}
