import { and, asc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  contactImportChunks,
  contactImportErrors,
  contactImports,
  type TContactImport,
} from "@/db/schema";

// The background worker's statements. Claiming looks across workspaces (a worker serves them
// all); every statement after the claim is scoped by the job's workspace_id and id, and by the
// lease owner, so a worker that lost its lease can no longer write anything.

export type TJobRef = { id: string; workspaceId: string; owner: string; leaseMs: number };

const leaseUntil = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;
const ACTIVE = ["queued", "validating", "importing"] as const;

/**
 * Takes the oldest unfinished import whose lease is free or expired (its worker crashed or
 * stopped). `FOR UPDATE SKIP LOCKED` keeps two processes claiming at the same moment from taking
 * the same one; the lease keeps it theirs while they work.
 */
export async function claimImportJobAnyWorkspace(
  owner: string,
  leaseMs: number,
  ex: Executor = db(),
): Promise<TContactImport | null> {
  const free = ex
    .select({ id: contactImports.id })
    .from(contactImports)
    .where(
      and(
        inArray(contactImports.status, [...ACTIVE]),
        or(isNull(contactImports.leaseExpiresAt), lt(contactImports.leaseExpiresAt, sql`now()`)),
      ),
    )
    .orderBy(asc(contactImports.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });
  const [job] = await ex
    .update(contactImports)
    .set({
      leaseOwner: owner,
      leaseExpiresAt: leaseUntil(leaseMs),
      attempts: sql`${contactImports.attempts} + 1`,
      updatedAt: sql`now()`,
    })
    .where(inArray(contactImports.id, free))
    .returning();
  return job ?? null;
}

const owned = (job: TJobRef, extra?: SQL) =>
  and(
    eq(contactImports.workspaceId, job.workspaceId),
    eq(contactImports.id, job.id),
    eq(contactImports.leaseOwner, job.owner),
    extra,
  );

/** Applies `values` and renews the lease; false when the lease was lost (another worker took over). */
export async function updateOwnedJob(
  job: TJobRef,
  values: Partial<typeof contactImports.$inferInsert>,
  ex: Executor = db(),
): Promise<boolean> {
  const rows = await ex
    .update(contactImports)
    .set({ ...values, leaseExpiresAt: leaseUntil(job.leaseMs), updatedAt: sql`now()` })
    .where(owned(job))
    .returning({ id: contactImports.id });
  return rows.length === 1;
}

/**
 * Hands an import that is making progress back to the queue at once (its step's time is up): the
 * lease is released, and its attempts start over, since a pause is not a failure.
 */
export async function pauseJob(job: TJobRef, ex: Executor = db()): Promise<boolean> {
  const rows = await ex
    .update(contactImports)
    .set({ leaseOwner: null, leaseExpiresAt: null, attempts: 0, updatedAt: sql`now()` })
    .where(owned(job))
    .returning({ id: contactImports.id });
  return rows.length === 1;
}

/** Validation restarts from the top after a crash: it writes nothing but these rows. */
export async function clearImportErrors(job: TJobRef, ex: Executor = db()) {
  await ex
    .delete(contactImportErrors)
    .where(
      and(
        eq(contactImportErrors.workspaceId, job.workspaceId),
        eq(contactImportErrors.importId, job.id),
      ),
    );
}

/** Ends the job for good: releases the lease and drops the stored file (the error rows keep what the report needs). */
export async function finishJob(
  job: TJobRef,
  values: { status: "completed" | "failed"; failureReason?: string | null; failedRows?: number },
  opts: { clearErrors?: boolean } = {},
) {
  return db().transaction(async (tx) => {
    const rows = await tx
      .update(contactImports)
      .set({
        ...values,
        leaseOwner: null,
        leaseExpiresAt: null,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(owned(job))
      .returning({ id: contactImports.id });
    if (rows.length !== 1) return false;
    if (opts.clearErrors) await clearImportErrors(job, tx);
    await tx
      .delete(contactImportChunks)
      .where(
        and(
          eq(contactImportChunks.workspaceId, job.workspaceId),
          eq(contactImportChunks.importId, job.id),
        ),
      );
    return true;
  });
}

/** After an unexpected error: give the job back, to be retried after `retryMs`. */
export async function releaseJob(
  job: TJobRef,
  error: string,
  retryMs: number,
  ex: Executor = db(),
) {
  await ex
    .update(contactImports)
    .set({
      lastError: error.slice(0, 2000),
      leaseOwner: null,
      leaseExpiresAt: leaseUntil(retryMs),
      updatedAt: sql`now()`,
    })
    .where(owned(job));
}

/**
 * Drafts nobody started within `maxAgeMs` are discarded and their file dropped. Maintenance
 * across workspaces, like the claim.
 */
export async function discardStaleDraftsAnyWorkspace(maxAgeMs: number, ex: Executor = db()) {
  const stale = await ex
    .update(contactImports)
    .set({ status: "discarded", updatedAt: sql`now()` })
    .where(
      and(
        eq(contactImports.status, "uploaded"),
        lt(contactImports.createdAt, sql`now() - ${maxAgeMs} * interval '1 millisecond'`),
      ),
    )
    .returning({ id: contactImports.id, workspaceId: contactImports.workspaceId });
  for (const s of stale) {
    await ex
      .delete(contactImportChunks)
      .where(
        and(
          eq(contactImportChunks.workspaceId, s.workspaceId),
          eq(contactImportChunks.importId, s.id),
        ),
      );
  }
  return stale.length;
}
