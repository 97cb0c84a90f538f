import { parseCall, type TOperation } from "@/lib/ingest/normalize";
import type { TColumnTarget } from "./mapping";
import { rowToIdentify, type TRowProblem } from "./row-to-identify";

export type TRowResult = {
  /** The identify operation, or for a rejected row the operation without its bad cells (the preview shows it). */
  op: TOperation | null;
  problems: TRowProblem[];
};

/** Deterministic per row, so a batch re-run after a crash stores each row once (the API's messageId rule). */
export const importMessageId = (importId: string, row: number) => `import:${importId}:${row}`;

function columnOf(field: string, fieldColumns: Map<string, number>): number {
  const parts = field.split(".");
  for (let n = parts.length; n > 0; n--) {
    const hit = fieldColumns.get(parts.slice(0, n).join("."));
    if (hit !== undefined) return hit;
  }
  return -1;
}

function dropField(
  call: Record<string, unknown>,
  field: string,
  fieldColumns: Map<string, number>,
): boolean {
  const parts = field.split(".");
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join(".");
    if (!fieldColumns.has(key)) continue;
    const [head, sub] = key.split(".") as [string, string | undefined];
    if (sub === undefined) delete call[head];
    else delete (call[head] as Record<string, unknown>)[sub];
    fieldColumns.delete(key);
    return true;
  }
  return false;
}

/**
 * A row is accepted when `problems` is empty. Validates one row exactly as POST /api/v1/identify would (parseCall), and reports every bad
 * cell, not only the first: a rejected field is dropped and the rest checked again.
 */
export function validateRow(
  values: string[],
  columns: TColumnTarget[],
  ctx: { importId: string; row: number; at: Date },
): TRowResult {
  const { body, fieldColumns, problems } = rowToIdentify(values, columns);
  const call: Record<string, unknown> = {
    ...body,
    messageId: importMessageId(ctx.importId, ctx.row),
    timestamp: ctx.at.toISOString(),
  };
  // Each pass removes one field, so this ends.
  for (;;) {
    // A row without a (valid) user id is already rejected; a stand-in lets its other cells be checked too.
    if (call.userId === undefined) call.userId = "(missing)";
    const r = parseCall("identify", call, ctx.at);
    if (r.ok) return { op: r.op, problems };
    const column = columnOf(r.field, fieldColumns);
    if (!problems.some((p) => p.column === column && column !== -1))
      problems.push({ column, message: column === -1 ? `${r.field}: ${r.message}` : r.message });
    if (column === -1 || !dropField(call, r.field, fieldColumns)) return { op: null, problems };
  }
}
