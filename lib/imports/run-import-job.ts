import {
  finishJob,
  pauseJob,
  updateOwnedJob,
  type TJobRef,
} from "@/db/queries/contact-import-jobs";
import type { TContactImport } from "@/db/schema";
import { importRows } from "./import-rows";
import { LeaseLostError } from "./lease-lost";
import { IMPORT_STEP_BUDGET_MS, LEASE_MS } from "./limits";
import { ZMapping } from "./mapping";
import { validateFile } from "./validate-file";

/**
 * Runs a claimed import for about `budgetMs`: validation (unless it already passed; it is one
 * pass, restarted from the top after a crash), then the import phase from the cursor until the
 * file ends ("completed") or the budget is spent ("paused": the lease is handed back, and the next
 * claim carries on from the cursor). Throws LeaseLostError if another worker took the job over.
 */
export async function runImportJob(
  imp: TContactImport,
  owner: string,
  leaseMs = LEASE_MS,
  budgetMs = IMPORT_STEP_BUDGET_MS,
): Promise<"completed" | "paused" | "failed"> {
  const deadline = Date.now() + budgetMs;
  const job: TJobRef = { id: imp.id, workspaceId: imp.workspaceId, owner, leaseMs };
  const mapping = ZMapping.parse(imp.mapping);
  let current = imp;
  if (imp.status === "queued" || imp.status === "validating") {
    const checked = await validateFile(job, imp, mapping);
    if (!checked.ok) {
      // Nothing was imported: the error rows found so far are dropped, the reason names the line.
      if (
        !(await finishJob(
          job,
          { status: "failed", failureReason: checked.reason, failedRows: 0 },
          { clearErrors: true },
        ))
      )
        throw new LeaseLostError(job.id);
      return "failed";
    }
    const progress = {
      totalRows: checked.totalRows,
      validatedRows: checked.totalRows,
      failedRows: checked.failedRows,
      cursorRow: 0,
      processedRows: 0,
      importedRows: 0,
    };
    if (!(await updateOwnedJob(job, { ...progress, status: "importing" })))
      throw new LeaseLostError(job.id);
    current = { ...imp, ...progress, status: "importing" };
  }
  if (!(await importRows(job, current, mapping, deadline))) {
    if (!(await pauseJob(job))) throw new LeaseLostError(job.id);
    return "paused";
  }
  if (!(await finishJob(job, { status: "completed" }))) throw new LeaseLostError(job.id);
  return "completed";
}
