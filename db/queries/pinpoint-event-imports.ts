import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  pinpointEventImportChunks,
  pinpointEventImports,
  type TPinpointEventImport,
} from "@/db/schema";

// The event-history import's statements (lib/pinpoint/events). Claiming looks across workspaces
// (a worker serves them all); every statement after it is scoped by the job's workspace, id and
// lease owner, so a worker that lost its lease writes nothing more.

export type TEventJobRef = { id: string; workspaceId: string; owner: string; leaseMs: number };
type TNew = Pick<
  typeof pinpointEventImports.$inferInsert,
  "workspaceId" | "createdBy" | "fileName" | "fileBytes"
>;

const leaseUntil = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;
const ACTIVE = ["queued", "validating", "importing"];

/** The import and its file, piece by piece (an upload's pieces, or a file streamed from disk). */
export async function insertEventImportWithChunks(
  values: Omit<TNew, "fileBytes">,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
) {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(pinpointEventImports)
      .values({ ...values, fileBytes: 0, chunkCount: 0 })
      .returning();
    let seq = 0;
    let bytes = 0;
    // One statement per piece: each is a ~1 MB parameter.
    for await (const data of chunks) {
      await tx
        .insert(pinpointEventImportChunks)
        .values({ importId: row!.id, workspaceId: values.workspaceId, seq: seq++, data });
      bytes += data.length;
    }
    const [done] = await tx
      .update(pinpointEventImports)
      .set({ chunkCount: seq, fileBytes: bytes })
      .where(eq(pinpointEventImports.id, row!.id))
      .returning();
    return done!;
  });
}

export async function readEventImportChunk(
  workspaceId: string,
  importId: string,
  seq: number,
): Promise<Uint8Array | null> {
  const [row] = await db()
    .select({ data: pinpointEventImportChunks.data })
    .from(pinpointEventImportChunks)
    .where(
      and(
        eq(pinpointEventImportChunks.workspaceId, workspaceId),
        eq(pinpointEventImportChunks.importId, importId),
        eq(pinpointEventImportChunks.seq, seq),
      ),
    );
  return row?.data ?? null;
}

export async function listEventImports(workspaceId: string, limit = 20) {
  return db()
    .select()
    .from(pinpointEventImports)
    .where(eq(pinpointEventImports.workspaceId, workspaceId))
    .orderBy(desc(pinpointEventImports.createdAt))
    .limit(limit);
}

export async function findEventImport(workspaceId: string, id: string) {
  const [row] = await db()
    .select()
    .from(pinpointEventImports)
    .where(and(eq(pinpointEventImports.workspaceId, workspaceId), eq(pinpointEventImports.id, id)));
  return row ?? null;
}

/** The oldest unfinished import whose lease is free or expired, leased to `owner`. */
export async function claimEventImportAnyWorkspace(
  owner: string,
  leaseMs: number,
  onlyId?: string,
): Promise<TPinpointEventImport | null> {
  const free = db()
    .select({ id: pinpointEventImports.id })
    .from(pinpointEventImports)
    .where(
      and(
        inArray(pinpointEventImports.status, ACTIVE),
        or(
          isNull(pinpointEventImports.leaseExpiresAt),
          lt(pinpointEventImports.leaseExpiresAt, sql`now()`),
        ),
        onlyId ? eq(pinpointEventImports.id, onlyId) : undefined,
      ),
    )
    .orderBy(asc(pinpointEventImports.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });
  const [job] = await db()
    .update(pinpointEventImports)
    .set({
      leaseOwner: owner,
      leaseExpiresAt: leaseUntil(leaseMs),
      attempts: sql`${pinpointEventImports.attempts} + 1`,
      updatedAt: sql`now()`,
    })
    .where(inArray(pinpointEventImports.id, free))
    .returning();
  return job ?? null;
}

const owned = (job: TEventJobRef) =>
  and(
    eq(pinpointEventImports.workspaceId, job.workspaceId),
    eq(pinpointEventImports.id, job.id),
    eq(pinpointEventImports.leaseOwner, job.owner),
  );

/** Applies `values` and renews the lease; false when the lease was lost. */
export async function updateOwnedEventImport(
  job: TEventJobRef,
  values: Partial<typeof pinpointEventImports.$inferInsert>,
  ex: Executor = db(),
): Promise<boolean> {
  const rows = await ex
    .update(pinpointEventImports)
    .set({ ...values, leaseExpiresAt: leaseUntil(job.leaseMs), updatedAt: sql`now()` })
    .where(owned(job))
    .returning({ id: pinpointEventImports.id });
  return rows.length === 1;
}

/**
 * Moves the cursor past a batch and adds its counts, in the batch's own transaction (so the
 * counts and the stored events never disagree); false when the lease was lost.
 */
export async function advanceEventImport(
  job: TEventJobRef,
  batch: {
    cursorLine: number;
    imported: number;
    duplicates: number;
    refused: number;
    errors: { line: number; message: string }[];
  },
  ex: Executor,
): Promise<boolean> {
  return updateOwnedEventImport(
    job,
    {
      cursorLine: batch.cursorLine,
      imported: sql`${pinpointEventImports.imported} + ${batch.imported}` as unknown as number,
      duplicates:
        sql`${pinpointEventImports.duplicates} + ${batch.duplicates}` as unknown as number,
      refused: sql`${pinpointEventImports.refused} + ${batch.refused}` as unknown as number,
      ...(batch.errors.length
        ? {
            errors:
              sql`(${pinpointEventImports.errors} || ${JSON.stringify(batch.errors)}::jsonb)` as unknown as [],
          }
        : {}),
    },
    ex,
  );
}

/** Hands a job that is making progress back to the queue (its step's time is up). */
export async function pauseEventImport(job: TEventJobRef): Promise<boolean> {
  const rows = await db()
    .update(pinpointEventImports)
    .set({ leaseOwner: null, leaseExpiresAt: null, attempts: 0, updatedAt: sql`now()` })
    .where(owned(job))
    .returning({ id: pinpointEventImports.id });
  return rows.length === 1;
}

/** A failed attempt: the lease is released after `backoffMs`, and the next claim retries. */
export async function releaseEventImport(job: TEventJobRef, error: string, backoffMs: number) {
  await db()
    .update(pinpointEventImports)
    .set({ leaseExpiresAt: leaseUntil(backoffMs), lastError: error.slice(0, 1000) })
    .where(owned(job));
}

/** Ends the job for good and drops the stored file. */
export async function finishEventImport(
  job: TEventJobRef,
  values: { status: "completed" | "failed"; failureReason?: string | null },
): Promise<boolean> {
  return db().transaction(async (tx) => {
    const rows = await tx
      .update(pinpointEventImports)
      .set({
        ...values,
        leaseOwner: null,
        leaseExpiresAt: null,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(owned(job))
      .returning({ id: pinpointEventImports.id });
    if (rows.length !== 1) return false;
    await tx
      .delete(pinpointEventImportChunks)
      .where(
        and(
          eq(pinpointEventImportChunks.workspaceId, job.workspaceId),
          eq(pinpointEventImportChunks.importId, job.id),
        ),
      );
    return true;
  });
}
