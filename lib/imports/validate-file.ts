import { clearImportErrors, updateOwnedJob, type TJobRef } from "@/db/queries/contact-import-jobs";
import { insertImportErrors, type TImportErrorRow } from "@/db/queries/contact-imports";
import type { TContactImport } from "@/db/schema";
import { CsvStructureError } from "./csv-records";
import { LeaseLostError } from "./lease-lost";
import { IMPORT_BATCH_ROWS } from "./limits";
import type { TMapping } from "./mapping";
import { isBlankRow, storedRecords } from "./stored-file";
import { validateRow } from "./validate-row";
import { yieldEvery } from "./yield-to-requests";

export type TValidation =
  { ok: true; totalRows: number; failedRows: number } | { ok: false; reason: string };

/** How a rejected row reads in the error report: the columns at fault and what is wrong with each. */
export function errorRowOf(
  header: string[],
  row: number,
  values: string[],
  problems: { column: number; message: string }[],
): TImportErrorRow {
  const name = (c: number) => (c === -1 ? "" : header[c] || `column ${c + 1}`);
  return {
    rowNumber: row,
    columns: problems.filter((p) => p.column !== -1).map((p) => name(p.column)),
    message: problems
      .map((p) => (p.column === -1 ? p.message : `${name(p.column)}: ${p.message}`))
      .join("; "),
    values,
  };
}

/**
 * Phase 1: reads the whole file before anything is imported. A structural defect (invalid UTF-8,
 * an unclosed quote, a row with the wrong number of columns) fails the import with its line;
 * rows with bad values are recorded for the error report and skipped later. Writes only error
 * rows and progress, so after a crash it simply starts again from the top.
 */
export async function validateFile(
  job: TJobRef,
  imp: TContactImport,
  mapping: TMapping,
): Promise<TValidation> {
  await clearImportErrors(job);
  if (!(await updateOwnedJob(job, { status: "validating", validatedRows: 0, failedRows: 0 })))
    throw new LeaseLostError(job.id);
  const at = imp.startedAt ?? imp.createdAt;
  let total = 0;
  let failed = 0;
  let pending: TImportErrorRow[] = [];
  const flush = async () => {
    await insertImportErrors(job.workspaceId, job.id, pending);
    pending = [];
    if (!(await updateOwnedJob(job, { validatedRows: total, failedRows: failed })))
      throw new LeaseLostError(job.id);
  };
  try {
    for await (const rec of storedRecords(imp)) {
      if (rec.row === 1 || isBlankRow(rec.values)) continue;
      total++;
      await yieldEvery(rec.row);
      const { problems } = validateRow(rec.values, mapping.columns, {
        importId: imp.id,
        row: rec.row,
        at,
      });
      if (problems.length) {
        failed++;
        pending.push(errorRowOf(imp.header, rec.row, rec.values, problems));
      }
      if (total % IMPORT_BATCH_ROWS === 0) await flush();
    }
  } catch (err) {
    if (err instanceof CsvStructureError) return { ok: false, reason: err.message };
    throw err;
  }
  await flush();
  return { ok: true, totalRows: total, failedRows: failed };
}
