"use client";
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDay } from "@/lib/analytics/format-figures";
import { ChartDataTable, useChartTableId } from "./chart-data-table";
import { CHART_AXIS, seriesStyle } from "./series-styles";

// Each band gets its own hatch pattern as well as its colour, so the stack reads without colour.
const PATTERNS = ["", "M0,8 L8,0", "M0,0 L8,8", "M4,0 L4,8", "M0,4 L8,4", "M0,8 L8,0 M0,0 L8,8"];

export function StackedAreaChart({
  rows,
  keys,
  height = 280,
  label,
  idPrefix,
}: {
  rows: Record<string, string | number>[];
  keys: { key: string; label: string }[];
  height?: number;
  label: string;
  idPrefix: string;
}) {
  const tableId = useChartTableId();
  return (
    <>
      <div role="img" aria-label={label} aria-details={tableId} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <defs>
              {keys.map((k, i) => {
                const st = seriesStyle(i);
                const d = PATTERNS[i % PATTERNS.length];
                return (
                  <pattern
                    key={k.key}
                    id={`${idPrefix}-${i}`}
                    width="8"
                    height="8"
                    patternUnits="userSpaceOnUse"
                  >
                    <rect width="8" height="8" fill={st.color} fillOpacity={0.35} />
                    {d ? <path d={d} stroke={st.color} strokeWidth={1.5} /> : null}
                  </pattern>
                );
              })}
            </defs>
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
            {keys.map((k, i) => (
              <Area
                key={k.key}
                type="monotone"
                dataKey={k.key}
                name={k.label}
                stackId="1"
                stroke={seriesStyle(i).color}
                strokeDasharray={seriesStyle(i).dash}
                fill={`url(#${idPrefix}-${i})`}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <ChartDataTable
        id={tableId}
        label={label}
        rows={rows}
        columns={[{ key: "day", label: "Day", format: (d) => formatDay(String(d)) }, ...keys]}
      />
    </>
  );
}
