import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { streamDeadLetters, streamDestinations, type TStreamDestinationRow } from "@/db/schema";

export type { TStreamDestinationRow };

export async function listStreamDestinations(workspaceId: string, ex: Executor = db()) {
  return ex
    .select()
    .from(streamDestinations)
    .where(eq(streamDestinations.workspaceId, workspaceId))
    .orderBy(asc(streamDestinations.createdAt));
}

export async function findStreamDestination(
  workspaceId: string,
  id: string,
  ex: Executor = db(),
): Promise<TStreamDestinationRow | null> {
  const [row] = await ex
    .select()
    .from(streamDestinations)
    .where(and(eq(streamDestinations.workspaceId, workspaceId), eq(streamDestinations.id, id)));
  return row ?? null;
}

export async function insertStreamDestination(
  row: typeof streamDestinations.$inferInsert,
  ex: Executor = db(),
) {
  const [created] = await ex.insert(streamDestinations).values(row).returning();
  if (!created) throw new Error("insert returned nothing");
  return created;
}

export async function updateStreamDestination(
  workspaceId: string,
  id: string,
  patch: Partial<
    Pick<TStreamDestinationRow, "name" | "status" | "format" | "config" | "nextAttemptAt">
  >,
  ex: Executor = db(),
) {
  const [row] = await ex
    .update(streamDestinations)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(streamDestinations.workspaceId, workspaceId), eq(streamDestinations.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteStreamDestination(
  workspaceId: string,
  id: string,
  ex: Executor = db(),
) {
  const rows = await ex
    .delete(streamDestinations)
    .where(and(eq(streamDestinations.workspaceId, workspaceId), eq(streamDestinations.id, id)))
    .returning({ id: streamDestinations.id });
  return rows.length > 0;
}

/**
 * Takes the lease of one active destination that is due (no batch waiting for a backoff, no live
 * lease), oldest attempt first, across workspaces: one worker per destination at a time keeps
 * its events in order. `only` narrows it to one destination (tests, "deliver now").
 */
export async function claimDueStreamDestinationAnyWorkspace(
  token: string,
  leaseMs: number,
  only: string | null,
  ex: Executor = db(),
): Promise<TStreamDestinationRow | null> {
  const rows = await executeRows<{ id: string }>(
    sql`update stream_destinations set lease_until = now() + ${leaseMs} * interval '1 millisecond',
          lease_token = ${token}
        where id = (
          select id from stream_destinations
          where status = 'active'
            and (lease_until is null or lease_until < now())
            and (next_attempt_at is null or next_attempt_at <= now())
            and (${only}::uuid is null or id = ${only}::uuid)
          order by coalesce(next_attempt_at, last_delivered_at, created_at)
          limit 1 for update skip locked)
        returning id`,
    ex,
  );
  const id = rows[0]?.id;
  if (!id) return null;
  const [row] = await ex.select().from(streamDestinations).where(eq(streamDestinations.id, id));
  return row ?? null;
}

/** Gives the lease back (the next due batch may be taken by any worker). */
export async function releaseStreamDestination(
  workspaceId: string,
  id: string,
  token: string,
  ex: Executor = db(),
) {
  await ex
    .update(streamDestinations)
    .set({ leaseUntil: null, leaseToken: null })
    .where(
      and(
        eq(streamDestinations.workspaceId, workspaceId),
        eq(streamDestinations.id, id),
        eq(streamDestinations.leaseToken, token),
      ),
    );
}

/** Extends a held lease; false when it was lost (expired and taken by another worker). */
export async function renewStreamLease(
  workspaceId: string,
  id: string,
  token: string,
  leaseMs: number,
  ex: Executor = db(),
) {
  const rows = await ex
    .update(streamDestinations)
    .set({ leaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where(
      and(
        eq(streamDestinations.workspaceId, workspaceId),
        eq(streamDestinations.id, id),
        eq(streamDestinations.leaseToken, token),
      ),
    )
    .returning({ id: streamDestinations.id });
  return rows.length > 0;
}

/** A batch went through: the cursor moves past it, the retry state clears. Only with the lease. */
export async function advanceStreamCursor(
  workspaceId: string,
  id: string,
  token: string,
  to: { txid: string; id: number },
  delivered: number,
  ex: Executor = db(),
) {
  const rows = await ex
    .update(streamDestinations)
    .set({
      cursorTxid: to.txid,
      cursorId: to.id,
      attempts: 0,
      failingSince: null,
      nextAttemptAt: null,
      lastError: null,
      lastDeliveredAt: new Date(),
      deliveredCount: sql`${streamDestinations.deliveredCount} + ${delivered}`,
    })
    .where(
      and(
        eq(streamDestinations.workspaceId, workspaceId),
        eq(streamDestinations.id, id),
        eq(streamDestinations.leaseToken, token),
      ),
    )
    .returning({ id: streamDestinations.id });
  return rows.length > 0;
}

/** A batch failed: count the attempt and wait until `nextAttemptAt`. */
export async function recordStreamFailure(
  workspaceId: string,
  id: string,
  token: string,
  failure: { error: string; nextAttemptAt: Date; failingSince: Date; attempts: number },
  ex: Executor = db(),
) {
  await ex
    .update(streamDestinations)
    .set({
      attempts: failure.attempts,
      failingSince: failure.failingSince,
      nextAttemptAt: failure.nextAttemptAt,
      lastError: failure.error.slice(0, 500),
    })
    .where(
      and(
        eq(streamDestinations.workspaceId, workspaceId),
        eq(streamDestinations.id, id),
        eq(streamDestinations.leaseToken, token),
      ),
    );
}

/**
 * A batch failed for the whole retry window: it is kept as a dead letter and the cursor moves past
 * it, in one transaction, so the stream goes on and nothing is lost.
 */
export async function deadLetterStreamBatch(
  workspaceId: string,
  id: string,
  token: string,
  letter: {
    events: Record<string, unknown>[];
    attempts: number;
    error: string;
    firstFailedAt: Date;
    to: { txid: string; id: number };
  },
  ex: Executor = db(),
) {
  return ex.transaction(async (tx) => {
    const moved = await tx
      .update(streamDestinations)
      .set({
        cursorTxid: letter.to.txid,
        cursorId: letter.to.id,
        attempts: 0,
        failingSince: null,
        nextAttemptAt: null,
        lastError: letter.error.slice(0, 500),
      })
      .where(
        and(
          eq(streamDestinations.workspaceId, workspaceId),
          eq(streamDestinations.id, id),
          eq(streamDestinations.leaseToken, token),
        ),
      )
      .returning({ id: streamDestinations.id });
    if (!moved.length) return false;
    await tx.insert(streamDeadLetters).values({
      workspaceId,
      destinationId: id,
      events: letter.events,
      eventCount: letter.events.length,
      attempts: letter.attempts,
      error: letter.error.slice(0, 500),
      firstFailedAt: letter.firstFailedAt,
    });
    return true;
  });
}

export async function listStreamDeadLetters(
  workspaceId: string,
  destinationId: string,
  limit: number,
  ex: Executor = db(),
) {
  return ex
    .select({
      id: streamDeadLetters.id,
      eventCount: streamDeadLetters.eventCount,
      attempts: streamDeadLetters.attempts,
      error: streamDeadLetters.error,
      firstFailedAt: streamDeadLetters.firstFailedAt,
      createdAt: streamDeadLetters.createdAt,
    })
    .from(streamDeadLetters)
    .where(
      and(
        eq(streamDeadLetters.workspaceId, workspaceId),
        eq(streamDeadLetters.destinationId, destinationId),
        isNull(streamDeadLetters.replayedAt),
      ),
    )
    .orderBy(desc(streamDeadLetters.createdAt))
    .limit(limit);
}

export async function findStreamDeadLetter(workspaceId: string, id: string, ex: Executor = db()) {
  const [row] = await ex
    .select()
    .from(streamDeadLetters)
    .where(and(eq(streamDeadLetters.workspaceId, workspaceId), eq(streamDeadLetters.id, id)));
  return row ?? null;
}

/** A replayed dead letter went through: it leaves the list (kept, stamped, for the record). */
export async function markStreamDeadLetterReplayed(
  workspaceId: string,
  id: string,
  ex: Executor = db(),
) {
  await ex
    .update(streamDeadLetters)
    .set({ replayedAt: new Date() })
    .where(and(eq(streamDeadLetters.workspaceId, workspaceId), eq(streamDeadLetters.id, id)));
}

export async function noteStreamDeadLetterFailure(
  workspaceId: string,
  id: string,
  error: string,
  ex: Executor = db(),
) {
  await ex
    .update(streamDeadLetters)
    .set({ error: error.slice(0, 500), attempts: sql`${streamDeadLetters.attempts} + 1` })
    .where(and(eq(streamDeadLetters.workspaceId, workspaceId), eq(streamDeadLetters.id, id)));
}

/** Every destination's sealed secret, for re-sealing after an AUTH_SECRET rotation. */
export async function listStreamSecretsAnyWorkspace(ex: Executor = db()) {
  const rows = await ex
    .select({
      id: streamDestinations.id,
      workspaceId: streamDestinations.workspaceId,
      config: streamDestinations.config,
    })
    .from(streamDestinations);
  return rows.flatMap((r) =>
    typeof r.config.secret === "string"
      ? [{ id: r.id, workspaceId: r.workspaceId, secret: r.config.secret }]
      : [],
  );
}

/**
 * Replaces a destination's sealed secret with the same secret sealed again, only if it is still
 * the box that was read (a concurrent change wins). `updated_at` stays: nothing a user set changed.
 */
export async function replaceStreamSecretAnyWorkspace(
  row: { id: string; from: string; to: string },
  ex: Executor = db(),
): Promise<boolean> {
  const moved = await ex
    .update(streamDestinations)
    .set({
      config: sql`jsonb_set(${streamDestinations.config}, '{secret}', to_jsonb(${row.to}::text))`,
    })
    .where(
      and(
        eq(streamDestinations.id, row.id),
        sql`${streamDestinations.config}->>'secret' = ${row.from}`,
      ),
    )
    .returning({ id: streamDestinations.id });
  return moved.length > 0;
}
