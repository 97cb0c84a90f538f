import { stringify } from "csv-stringify/sync";
import { spreadsheetSafe } from "@/lib/csv/spreadsheet-safe";

export type TCsvColumn<R> = { key: keyof R & string; header: string };

/**
 * A table or chart's rows as CSV, columns in the order shown on the page. Cells that a
 * spreadsheet would run as a formula (=, +, -, @ at the start of text) get a leading quote.
 */
export function buildCsv<R extends Record<string, unknown>>(
  columns: TCsvColumn<R>[],
  rows: R[],
): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
    const s = v instanceof Date ? v.toISOString() : String(v);
    return spreadsheetSafe(s);
  };
  return stringify([
    columns.map((c) => c.header),
    ...rows.map((r) => columns.map((c) => cell(r[c.key]))),
  ]);
}
