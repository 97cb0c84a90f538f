import { inngest } from "@/inngest/client";

type TEvent = { name: string; data: Record<string, unknown>; id?: string };

/**
 * Events for the executor (Inngest, or the local one). The caller's own writes are already
 * committed; an executor that is down must not undo them, so a failure is logged, and the
 * entry router and the send step's checks keep the database the source of truth.
 */
export async function emitEvents(events: TEvent[]): Promise<boolean> {
  if (!events.length) return true;
  try {
    await inngest.send(events);
    return true;
  } catch (err) {
    console.error(`[waymark] could not hand ${events.length} event(s) to the executor`, err);
    return false;
  }
}
