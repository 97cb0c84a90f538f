import type { TContactImport } from "@/db/schema";

export type TImportPhase =
  "draft" | "queued" | "validating" | "importing" | "completed" | "failed" | "discarded";

/** What the import page shows and polls: counts, and the current phase's progress. */
export function importView(imp: TContactImport & { createdByName?: string | null }) {
  const [done, total] =
    imp.status === "validating"
      ? [imp.validatedRows, imp.totalRows]
      : imp.status === "importing"
        ? [imp.processedRows, imp.totalRows]
        : imp.status === "completed"
          ? [imp.totalRows, imp.totalRows]
          : [0, imp.totalRows];
  return {
    id: imp.id,
    fileName: imp.fileName,
    fileBytes: imp.fileBytes,
    status: imp.status,
    header: imp.header,
    mapping: imp.mapping,
    totalRows: imp.totalRows,
    validatedRows: imp.validatedRows,
    processedRows: imp.processedRows,
    importedRows: imp.importedRows,
    failedRows: imp.failedRows,
    failureReason: imp.failureReason,
    /** A retryable error the worker hit last (it is trying again). */
    lastError: imp.status === "completed" || imp.status === "failed" ? null : imp.lastError,
    createdByName: imp.createdByName ?? null,
    createdAt: imp.createdAt,
    startedAt: imp.startedAt,
    finishedAt: imp.finishedAt,
    progress: {
      done: Math.min(done, total),
      total,
      percent: total
        ? Math.min(100, Math.floor((done / total) * 100))
        : imp.status === "completed"
          ? 100
          : 0,
    },
  };
}

export type TImportView = ReturnType<typeof importView>;
