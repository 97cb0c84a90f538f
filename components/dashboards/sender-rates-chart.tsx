"use client";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDay } from "@/lib/analytics/format-figures";
import { CHART_AXIS, seriesStyle } from "./series-styles";

/**
 * Daily complaint rate (%) per sending provider, with the 0.3 % line Gmail and Yahoo hold bulk
 * senders to drawn across the chart.
 */
export function SenderRatesChart({
  points,
  providers,
  line,
  label,
  height = 260,
}: {
  points: Record<string, string | number>[];
  providers: string[];
  /** The complaint-rate line, in percent. */
  line: number;
  label: string;
  height?: number;
}) {
  const max = Math.max(
    line * 1.5,
    ...points.flatMap((p) => providers.map((s) => Number(p[`${s}:complaints`] ?? 0))),
  );
  return (
    <div role="img" aria-label={label} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={(d: string) => formatDay(d)}
            tick={CHART_AXIS}
            minTickGap={24}
          />
          <YAxis
            tick={CHART_AXIS}
            width={52}
            domain={[0, Math.ceil(max * 10) / 10]}
            tickFormatter={(v: number) => `${v.toFixed(1)} %`}
          />
          <Tooltip
            labelFormatter={(d) => formatDay(String(d))}
            formatter={(v) => `${Number(v).toFixed(2)} %`}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine
            y={line}
            stroke="#dc2626"
            strokeDasharray="4 4"
            label={{
              value: `${line} % complaint line`,
              position: "insideTopRight",
              fill: "#b91c1c",
              fontSize: 12,
            }}
          />
          {providers.map((p, i) => {
            const st = seriesStyle(i);
            return (
              <Line
                key={p}
                type="monotone"
                dataKey={`${p}:complaints`}
                name={`${p} complaints`}
                stroke={st.color}
                strokeDasharray={st.dash}
                strokeWidth={2}
                dot={{ r: 2.5 }}
                connectNulls
                legendType="plainline"
                isAnimationActive={false}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
