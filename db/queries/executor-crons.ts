import { and, eq, lte, notInArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executorCrons, executorEvents } from "@/db/schema";
import { insertRuns, type TNewRun } from "./executor-runs";
import type { TStoredEvent } from "./executor-events";

export type TCronSchedule = { functionId: string; cron: string; nextAt: Date };

/**
 * Makes the schedule table match the synced crons: new (function, cron) pairs start at their next
 * time; pairs already scheduled keep theirs (another process may have fired them); pairs no longer
 * served are dropped.
 */
export async function syncCronSchedules(
  schedules: TCronSchedule[],
  ex: Executor = db(),
): Promise<void> {
  await ex.transaction(async (tx) => {
    if (schedules.length) await tx.insert(executorCrons).values(schedules).onConflictDoNothing();
    const keep = schedules.map((s) => `${s.functionId} ${s.cron}`);
    await tx
      .delete(executorCrons)
      .where(
        keep.length
          ? notInArray(sql`${executorCrons.functionId} || ' ' || ${executorCrons.cron}`, keep)
          : sql`true`,
      );
  });
}

/** Crons due on the executor's clock. */
export async function dueCronSchedules(now: Date, ex: Executor = db()): Promise<TCronSchedule[]> {
  return ex.select().from(executorCrons).where(lte(executorCrons.nextAt, now)).limit(100);
}

/** Every cron schedule: one row per function and cron, a handful. */
export async function allCronSchedules(ex: Executor = db()): Promise<TCronSchedule[]> {
  return ex.select().from(executorCrons).limit(1000);
}

/** Moves a schedule from `tick.nextAt` to `to` without firing it (compare-and-set). */
export async function moveCronSchedule(
  tick: TCronSchedule,
  to: Date,
  ex: Executor = db(),
): Promise<boolean> {
  const moved = await ex
    .update(executorCrons)
    .set({ nextAt: to })
    .where(
      and(
        eq(executorCrons.functionId, tick.functionId),
        eq(executorCrons.cron, tick.cron),
        eq(executorCrons.nextAt, tick.nextAt),
      ),
    )
    .returning({ functionId: executorCrons.functionId });
  return moved.length > 0;
}

/**
 * Fires one tick: moves the schedule from `tick.nextAt` to `to` (compare-and-set) and, in the same
 * transaction, stores the timer event and creates its run. False when another process fired the
 * tick first; then nothing is written.
 */
export async function fireCronTick(
  tick: TCronSchedule,
  to: Date,
  event: TStoredEvent,
  run: TNewRun,
  ex: Executor = db(),
): Promise<boolean> {
  return ex.transaction(async (tx) => {
    const moved = await tx
      .update(executorCrons)
      .set({ nextAt: to })
      .where(
        and(
          eq(executorCrons.functionId, tick.functionId),
          eq(executorCrons.cron, tick.cron),
          eq(executorCrons.nextAt, tick.nextAt),
        ),
      )
      .returning({ functionId: executorCrons.functionId });
    if (!moved.length) return false;
    await tx.insert(executorEvents).values(event).onConflictDoNothing();
    await insertRuns([run], tx);
    return true;
  });
}
