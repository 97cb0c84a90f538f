import { inngest } from "@/inngest/client";
import { env } from "@/lib/env";

type TEvent = { name: string; data: Record<string, unknown>; id?: string };
type TSink = (events: TEvent[]) => Promise<void>;

const toExecutor: TSink = async (events) => {
  await inngest.send(events);
};
// Unit tests run without an executor (its own tests drive one); they must not post to whatever listens on :3000.
let sink: TSink | null = env.NODE_ENV === "test" ? null : toExecutor;

/** Tests that want the events (or a real executor) install a sink; `null` drops them. */
export function setEventSink(next: TSink | null) {
  sink = next;
}

/**
 * Events for the executor (Inngest, or the local one). The caller's own writes are already
 * committed; an executor that is down must not undo them, so a failure is logged, and the
 * entry router and the send step's checks keep the database the source of truth.
 */
export async function emitEvents(events: TEvent[]): Promise<boolean> {
  if (!events.length || !sink) return true;
  try {
    await sink(events);
    return true;
  } catch (err) {
    console.error(`[waymark] could not hand ${events.length} event(s) to the executor`, err);
    return false;
  }
}
