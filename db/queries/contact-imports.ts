import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { contactImportChunks, contactImportErrors, contactImports, users } from "@/db/schema";

// Uploads, the history list, starting an import and reading its errors. The worker's own
// statements (claiming, leases, progress) are in contact-import-jobs.ts.

export type TNewImport = {
  workspaceId: string;
  createdBy: string;
  fileName: string;
  fileBytes: number;
  delimiter: string;
  header: string[];
  totalRows: number;
};

/** The import and its file in one transaction: an upload that fails half-way leaves nothing. */
export async function insertImportWithChunks(values: TNewImport, chunks: Uint8Array[]) {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(contactImports)
      .values({ ...values, chunkCount: chunks.length })
      .returning();
    // One statement per chunk: each is a ~1 MB parameter, and all of them at once would double the memory.
    for (const [seq, data] of chunks.entries()) {
      await tx
        .insert(contactImportChunks)
        .values({ importId: row!.id, workspaceId: values.workspaceId, seq, data });
    }
    return row!;
  });
}

const listColumns = {
  id: contactImports.id,
  fileName: contactImports.fileName,
  fileBytes: contactImports.fileBytes,
  status: contactImports.status,
  totalRows: contactImports.totalRows,
  importedRows: contactImports.importedRows,
  failedRows: contactImports.failedRows,
  createdAt: contactImports.createdAt,
  finishedAt: contactImports.finishedAt,
  createdByName: users.name,
};

export async function listImports(workspaceId: string, limit = 100, ex: Executor = db()) {
  return ex
    .select(listColumns)
    .from(contactImports)
    .leftJoin(users, eq(users.id, contactImports.createdBy))
    .where(eq(contactImports.workspaceId, workspaceId))
    .orderBy(desc(contactImports.createdAt))
    .limit(limit);
}

export async function findImport(workspaceId: string, importId: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ imp: contactImports, createdByName: users.name })
    .from(contactImports)
    .leftJoin(users, eq(users.id, contactImports.createdBy))
    .where(and(eq(contactImports.workspaceId, workspaceId), eq(contactImports.id, importId)))
    .limit(1);
  return row ? { ...row.imp, createdByName: row.createdByName } : null;
}

export async function readChunk(
  workspaceId: string,
  importId: string,
  seq: number,
  ex: Executor = db(),
): Promise<Uint8Array | null> {
  const [row] = await ex
    .select({ data: contactImportChunks.data })
    .from(contactImportChunks)
    .where(
      and(
        eq(contactImportChunks.workspaceId, workspaceId),
        eq(contactImportChunks.importId, importId),
        eq(contactImportChunks.seq, seq),
      ),
    );
  return row?.data ?? null;
}

/** Queues a draft with its mapping; null when it is not a draft (already started, or discarded). */
export async function queueImport(
  workspaceId: string,
  importId: string,
  mapping: unknown,
  ex: Executor = db(),
) {
  const [row] = await ex
    .update(contactImports)
    .set({ status: "queued", mapping, startedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(contactImports.workspaceId, workspaceId),
        eq(contactImports.id, importId),
        eq(contactImports.status, "uploaded"),
      ),
    )
    .returning();
  return row ?? null;
}

export type TImportErrorRow = {
  rowNumber: number;
  columns: string[];
  message: string;
  values: string[];
};

export async function insertImportErrors(
  workspaceId: string,
  importId: string,
  rows: TImportErrorRow[],
  ex: Executor = db(),
) {
  if (!rows.length) return;
  await ex
    .insert(contactImportErrors)
    .values(rows.map((r) => ({ ...r, workspaceId, importId })))
    .onConflictDoNothing();
}

/** One page of the error report, in row order after `afterRow`. */
export async function listImportErrors(
  workspaceId: string,
  importId: string,
  afterRow: number,
  limit: number,
  ex: Executor = db(),
) {
  return ex
    .select({
      rowNumber: contactImportErrors.rowNumber,
      columns: contactImportErrors.columns,
      message: contactImportErrors.message,
      values: contactImportErrors.values,
    })
    .from(contactImportErrors)
    .where(
      and(
        eq(contactImportErrors.workspaceId, workspaceId),
        eq(contactImportErrors.importId, importId),
        gt(contactImportErrors.rowNumber, afterRow),
      ),
    )
    .orderBy(asc(contactImportErrors.rowNumber))
    .limit(limit);
}
