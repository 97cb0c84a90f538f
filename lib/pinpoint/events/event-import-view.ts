import type { TPinpointEventImport } from "@/db/schema";

/** An event-history import as the settings page and the API show it. */
export type TEventImportView = {
  id: string;
  fileName: string;
  fileBytes: number;
  status: string;
  totalLines: number;
  cursorLine: number;
  imported: number;
  duplicates: number;
  refused: number;
  errors: { line: number; message: string }[];
  failureReason: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export function eventImportView(r: TPinpointEventImport): TEventImportView {
  return {
    id: r.id,
    fileName: r.fileName,
    fileBytes: r.fileBytes,
    status: r.status,
    totalLines: r.totalLines,
    cursorLine: r.cursorLine,
    imported: r.imported,
    duplicates: r.duplicates,
    refused: r.refused,
    errors: r.errors,
    failureReason: r.failureReason,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
