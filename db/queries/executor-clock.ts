import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executorClock } from "@/db/schema";

/** The test clock's offset from real time (0 when never advanced). */
export async function readClockOffset(ex: Executor = db()): Promise<number> {
  const [row] = await ex.select({ offsetMs: executorClock.offsetMs }).from(executorClock).limit(1);
  return row?.offsetMs ?? 0;
}

/** Moves the test clock forward by `ms`; returns the new offset. */
export async function advanceClockOffset(ms: number, ex: Executor = db()): Promise<number> {
  const [row] = await ex
    .insert(executorClock)
    .values({ id: 1, offsetMs: ms })
    .onConflictDoUpdate({
      target: executorClock.id,
      set: { offsetMs: sql`${executorClock.offsetMs} + ${ms}` },
    })
    .returning({ offsetMs: executorClock.offsetMs });
  return row!.offsetMs;
}
