import { db, type Executor } from "@/db";
import { executorEvents } from "@/db/schema";

export type TStoredEvent = { id: string; name: string; data: Record<string, unknown>; ts: number };

/** Stores an event; false when an event with this id was already stored (a resend). */
export async function insertEvent(event: TStoredEvent, ex: Executor = db()): Promise<boolean> {
  const rows = await ex.insert(executorEvents).values(event).onConflictDoNothing().returning({ id: executorEvents.id });
  return rows.length === 1;
}
