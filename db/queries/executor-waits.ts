import { and, eq, inArray, lte, min } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executorRuns, executorWaits } from "@/db/schema";
import { ACTIVE } from "./executor-runs";

export type TNewWait = {
  runId: string;
  stepId: string;
  kind: "sleep" | "event";
  eventName: string | null;
  expression: string | null;
  expiresAt: Date;
};

/** Parks a run on a timer or an event; a step reported again by a later discovery keeps its first wait. */
export async function insertWait(wait: TNewWait, ex: Executor = db()): Promise<void> {
  await ex.insert(executorWaits).values(wait).onConflictDoNothing();
}

/** Takes the run's waits that are due (sleeps over, waits timed out); whoever deletes a wait resolves it. */
export async function takeExpiredWaits(runId: string, now: Date, ex: Executor = db()) {
  return ex
    .delete(executorWaits)
    .where(and(eq(executorWaits.runId, runId), lte(executorWaits.expiresAt, now)))
    .returning({ stepId: executorWaits.stepId, kind: executorWaits.kind });
}

/** The earliest expiry among the run's open waits, or null when it waits on nothing. */
export async function nextWaitExpiry(runId: string, ex: Executor = db()): Promise<Date | null> {
  const [row] = await ex
    .select({ at: min(executorWaits.expiresAt) })
    .from(executorWaits)
    .where(eq(executorWaits.runId, runId));
  return row?.at ?? null;
}

/** Open event waits for an event name, with their run's trigger event (to evaluate `if`). */
export async function eventWaitsFor(eventName: string, ex: Executor = db()) {
  return ex
    .select({
      runId: executorWaits.runId,
      stepId: executorWaits.stepId,
      expression: executorWaits.expression,
      event: executorRuns.event,
    })
    .from(executorWaits)
    .innerJoin(executorRuns, eq(executorRuns.id, executorWaits.runId))
    .where(
      and(
        eq(executorWaits.kind, "event"),
        eq(executorWaits.eventName, eventName),
        inArray(executorRuns.status, ACTIVE),
      ),
    );
}

/** Resolves one wait; false when the timeout or another event got there first. */
export async function takeWait(
  runId: string,
  stepId: string,
  ex: Executor = db(),
): Promise<boolean> {
  const rows = await ex
    .delete(executorWaits)
    .where(and(eq(executorWaits.runId, runId), eq(executorWaits.stepId, stepId)))
    .returning({ stepId: executorWaits.stepId });
  return rows.length === 1;
}
