import { env } from "@/lib/env";
import { log } from "@/lib/log/logger";

/**
 * What the journey runtime tells the executor, in its own terms. lib/ never imports inngest/: the
 * executor's adapter (inngest/emit-events.ts) binds a sink at start (instrumentation.ts) and turns
 * these into the executor's events, whose names and payloads live in inngest/events.ts.
 */
export type TJourneyEvent =
  /** An entry was recorded: start its run. */
  | { kind: "entered"; journeyId: string; version: number; contactId: string; entryId: string }
  /** The journey was stopped: cancel its runs. */
  | { kind: "stopped"; journeyId: string }
  /** A stored event a running journey waits for. */
  | {
      kind: "tracked";
      eventId: string;
      name: string;
      contactId: string;
      properties: Record<string, unknown>;
    };
export type TJourneyEventSink = (events: TJourneyEvent[]) => Promise<void>;

// On globalThis, like the ingest listeners: instrumentation.ts and the route handlers may load
// this module apart, and the binding must reach both.
const KEY = Symbol.for("waymark.journey-event-sink");
const holder = ((globalThis as Record<symbol, unknown>)[KEY] ??= {
  sink: null,
  warned: false,
}) as { sink: TJourneyEventSink | null; warned: boolean };

/** Installs where events go (the executor at start; tests a recorder); `null` drops them. */
export function bindJourneyEventSink(sink: TJourneyEventSink | null) {
  holder.sink = sink;
}

/**
 * Hands events to the executor. The caller's own writes are already committed; an executor that is
 * down must not undo them, so a failure is logged and reported as `false`, and the entry router,
 * the stalled-entry redelivery and the send step's checks keep the database the source of truth.
 * Unit tests run with no sink (nothing listens); elsewhere a missing binding is said once.
 */
export async function emitJourneyEvents(events: TJourneyEvent[]): Promise<boolean> {
  if (!events.length) return true;
  if (!holder.sink) {
    if (env.NODE_ENV !== "test" && !holder.warned) {
      holder.warned = true;
      log.warn("journey events dropped: no executor bound (see inngest/emit-events.ts)");
    }
    return env.NODE_ENV === "test";
  }
  try {
    await holder.sink(events);
    return true;
  } catch (err) {
    log.error("could not hand events to the executor", { count: events.length, err });
    return false;
  }
}
