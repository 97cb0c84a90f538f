import { updateOwnedJob, type TJobRef } from "@/db/queries/contact-import-jobs";
import type { TContactImport } from "@/db/schema";
import { ingest } from "@/lib/ingest/ingest";
import type { TOperation } from "@/lib/ingest/normalize";
import { LeaseLostError } from "./lease-lost";
import { IMPORT_BATCH_ROWS } from "./limits";
import type { TMapping } from "./mapping";
import { isBlankRow, storedRecords } from "./stored-file";
import { validateRow } from "./validate-row";
import { yieldEvery } from "./yield-to-requests";

/**
 * Phase 2: the valid rows, in batches through ingest() (the API's own pipeline, so imported
 * contacts are exactly what identify calls would make). After each batch the cursor moves to its
 * last row. A crash between a batch's commit and the cursor update re-runs that batch, which
 * stores nothing twice: every row's messageId is `import:<importId>:<row>`.
 *
 * Stops after the first batch that commits past `deadline` (epoch ms) and answers false: the
 * cursor says where the next step starts. True once the whole file is in.
 */
export async function importRows(
  job: TJobRef,
  imp: TContactImport,
  mapping: TMapping,
  deadline = Infinity,
): Promise<boolean> {
  if (!(await updateOwnedJob(job, { status: "importing" }))) throw new LeaseLostError(job.id);
  const at = imp.startedAt ?? imp.createdAt;
  const { cursorRow } = imp;
  let { processedRows, importedRows } = imp;
  let lastRow = cursorRow;
  let batch: TOperation[] = [];
  // One batch is written while the next is parsed and checked: the database and this process work
  // side by side. Batches still commit in order, and the cursor only ever follows a commit.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const ops = batch;
    const through = { cursorRow: lastRow, processedRows };
    batch = [];
    await inFlight;
    inFlight = (async () => {
      if (ops.length) await ingest(job.workspaceId, ops, { source: "import" });
      importedRows += ops.length;
      if (!(await updateOwnedJob(job, { ...through, importedRows })))
        throw new LeaseLostError(job.id);
    })();
    // Awaited at the next flush; this only keeps a failure from counting as unhandled meanwhile.
    inFlight.catch(() => undefined);
  };
  for await (const rec of storedRecords(imp)) {
    // Rows up to the cursor were imported before a restart; they are parsed again only to be skipped.
    if (rec.row === 1 || rec.row <= cursorRow) continue;
    lastRow = rec.row;
    if (isBlankRow(rec.values)) continue;
    processedRows++;
    await yieldEvery(rec.row);
    const { op, problems } = validateRow(rec.values, mapping.columns, {
      importId: imp.id,
      row: rec.row,
      at,
    });
    // The same check as phase 1 on the same input: rows it rejected are in the error report already.
    if (op && !problems.length) batch.push(op);
    if (batch.length >= IMPORT_BATCH_ROWS) {
      await flush();
      if (Date.now() >= deadline) {
        await inFlight;
        return false;
      }
    }
  }
  await flush();
  await inFlight;
  return true;
}
