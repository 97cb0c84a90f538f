"use client";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useTranslations } from "next-intl";
import { ChartDataTable, useChartTableId } from "@/components/dashboards/chart-data-table";
import { CHART_AXIS } from "@/components/dashboards/series-styles";

// Okabe–Ito colours; failures in vermillion so they stand out.
const STATUS_COLOURS = {
  queued: "#E69F00",
  waiting: "#56B4E9",
  completed: "#009E73",
  failed: "#D55E00",
  cancelled: "#999999",
} as const;
export const RUN_STATUSES = Object.keys(STATUS_COLOURS) as (keyof typeof STATUS_COLOURS)[];

/** Executor runs per function, stacked by status: where the work sits and what is failing. */
export function RunsByFunctionChart({ rows }: { rows: Record<string, string | number>[] }) {
  const t = useTranslations("settings.system");
  const tableId = useChartTableId();
  return (
    <>
      <div
        role="img"
        aria-label={t("chartLabel")}
        aria-details={tableId}
        style={{ height: Math.max(160, rows.length * 36 + 60) }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 8, right: 24, bottom: 0, left: 8 }}
          >
            <CartesianGrid stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={CHART_AXIS} />
            <YAxis type="category" dataKey="fn" tick={CHART_AXIS} width={220} interval={0} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {RUN_STATUSES.map((s) => (
              <Bar
                key={s}
                dataKey={s}
                name={s}
                stackId="runs"
                fill={STATUS_COLOURS[s]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartDataTable
        id={tableId}
        label={t("chartLabel")}
        rows={rows}
        columns={[
          { key: "fn", label: t("function") },
          ...RUN_STATUSES.map((s) => ({ key: s, label: s })),
        ]}
      />
    </>
  );
}
