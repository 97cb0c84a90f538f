import { readClockOffset } from "@/db/queries/executor-clock";

/**
 * Where the executor reads the time for sleeps, wait timeouts and retry backoff. Production uses
 * the system clock; tests and e2e use one they can move forward (leases stay on real time).
 */
export type TClock = { now: () => Promise<number> };

export const systemClock: TClock = { now: async () => Date.now() };

/** An in-memory clock for unit tests. */
export function manualClock(
  startMs = Date.now(),
): TClock & { advance: (ms: number) => void; set: (ms: number) => void } {
  let offset = startMs - Date.now();
  return {
    now: async () => Date.now() + offset,
    advance: (ms) => void (offset += ms),
    set: (ms) => void (offset = ms - Date.now()),
  };
}

/** Real time plus the offset in `executor_clock`, shared by every process on the database (test mode). */
export const databaseClock: TClock = { now: async () => Date.now() + (await readClockOffset()) };
