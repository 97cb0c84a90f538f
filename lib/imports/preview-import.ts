import type { TContactImport } from "@/db/schema";
import { PREVIEW_ROWS } from "./limits";
import type { TColumnTarget } from "./mapping";
import { firstRecords, storedRecords } from "./stored-file";
import { validateRow } from "./validate-row";

export type TPreviewCell = { raw: string; value: string; error?: string };
/** `rowError`: a problem with the row as a whole rather than one cell. */
export type TPreviewRow = { row: number; cells: TPreviewCell[]; ok: boolean; rowError?: string };

const show = (v: unknown): string =>
  v === undefined || v === null ? "" : Array.isArray(v) ? v.join(", ") : String(v);

/**
 * The first rows as the import will store them (email lower-cased, phone in E.164, typed
 * attributes), with each bad cell flagged, checked by the same function the import runs.
 */
export async function previewImport(
  imp: TContactImport,
  columns: TColumnTarget[],
): Promise<TPreviewRow[]> {
  const { rows } = await firstRecords(storedRecords(imp), PREVIEW_ROWS);
  const at = imp.startedAt ?? new Date();
  return rows.map((rec) => {
    const { op, problems } = validateRow(rec.values, columns, {
      importId: imp.id,
      row: rec.row,
      at,
    });
    const profile = op?.kind === "identify" ? op.profile : null;
    const cells = columns.map((t, i): TPreviewCell => {
      const raw = (rec.values[i] ?? "").trim();
      const error =
        problems
          .filter((p) => p.column === i)
          .map((p) => p.message)
          .join("; ") || undefined;
      if (error || !raw || !profile) return { raw, value: raw, ...(error ? { error } : {}) };
      const value =
        t.kind === "userId"
          ? op!.userId
          : t.kind === "field"
            ? profile[t.field]
            : t.kind === "attribute"
              ? profile.attributes.set[t.name.trim()]
              : t.kind === "channel"
                ? profile.subscriptions[t.channel]
                : t.kind === "topic"
                  ? profile.topics[t.topic]
                  : raw;
      return { raw, value: show(value) };
    });
    const rowError = problems
      .filter((p) => p.column === -1)
      .map((p) => p.message)
      .join("; ");
    return { row: rec.row, cells, ok: problems.length === 0, ...(rowError ? { rowError } : {}) };
  });
}
