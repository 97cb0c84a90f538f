import { db, type Executor } from "@/db";
import { executorEvents } from "@/db/schema";

export type TStoredEvent = { id: string; name: string; data: Record<string, unknown>; ts: number };

/** Stores events in one statement; returns the ids that were new (a resent id is skipped). */
export async function insertEvents(
  events: TStoredEvent[],
  ex: Executor = db(),
): Promise<Set<string>> {
  if (!events.length) return new Set();
  const rows = await ex
    .insert(executorEvents)
    .values(events)
    .onConflictDoNothing()
    .returning({ id: executorEvents.id });
  return new Set(rows.map((r) => r.id));
}
