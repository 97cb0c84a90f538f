import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { formatCount } from "@/lib/analytics/format-figures";
import { Table, Td, Th } from "@/components/ui/table";

type TCell = string | number | null | undefined;

/**
 * A chart's text alternative: the figures it draws, as a table behind a "View as table"
 * disclosure under the chart. The chart (role="img", named by its label) points at it with
 * aria-details, the attribute for a longer description a reader can go to.
 */
export function ChartDataTable({
  id,
  label,
  rows,
  columns,
}: {
  id: string;
  label: string;
  rows: Record<string, TCell>[];
  /** The first column names each row (a day, a channel, a step); the rest are the chart's series. */
  columns: { key: string; label: string; format?: (v: TCell) => string }[];
}) {
  const t = useTranslations("dashboards.chartTable");
  const locale = useLocale();
  const show = (v: TCell, format?: (v: TCell) => string) =>
    format ? format(v) : typeof v === "number" ? formatCount(v, locale) : (v ?? "—");
  return (
    <details id={id} className="mt-2" data-testid="chart-table">
      <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:underline">
        {t("viewAsTable")}
      </summary>
      <Table className="mt-2">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <Th key={c.key} scope="col" className={i ? "text-right" : undefined}>
                {c.label}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, n) => (
            <tr key={n}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <Th key={c.key} scope="row" className="normal-case tracking-normal">
                    {show(r[c.key], c.format)}
                  </Th>
                ) : (
                  <Td key={c.key} className="text-right tabular-nums">
                    {show(r[c.key], c.format)}
                  </Td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </details>
  );
}

/** A stable id for the table a chart points at. */
export const useChartTableId = () => `chart-table-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
