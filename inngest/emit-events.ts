import { inngest } from "@/inngest/client";
import { bindJourneyEventSink, type TJourneyEvent } from "@/lib/journeys/runtime/journey-events";
import {
  contactEventName,
  JOURNEY_CONTACT_ENTERED,
  JOURNEY_STOPPED,
  ZJourneyContactEntered,
  ZJourneyStopped,
  type TExecutorEvent,
} from "./events";
import { log } from "@/lib/log/logger";
import { currentTraceCarrier, TRACE_FIELD } from "@/lib/tracing/trace-context";

/**
 * The journey runtime's events as the executor's, named and shaped by the registry (events.ts).
 * Ids make repeats harmless: Inngest and the local executor drop an event whose id they have seen,
 * so a start (`entry-<entry id>`) can be redelivered and a stored event (`event-<id>`) re-routed.
 */
export function toExecutorEvent(e: TJourneyEvent): TExecutorEvent {
  // The run an event starts or resumes continues the trace of whatever emitted it (ingestion and
  // the entry router, a sweep, an API call): carried in the event, as Inngest keeps no context.
  const trace = currentTraceCarrier();
  const traced = trace ? { [TRACE_FIELD]: trace } : {};
  switch (e.kind) {
    case "entered": {
      const { kind: _, ...data } = e;
      return {
        name: JOURNEY_CONTACT_ENTERED,
        id: `entry-${e.entryId}`,
        data: ZJourneyContactEntered.parse({ ...data, ...traced }),
      };
    }
    case "stopped":
      return { name: JOURNEY_STOPPED, data: ZJourneyStopped.parse({ journeyId: e.journeyId }) };
    case "tracked":
      return {
        name: contactEventName(e.name),
        id: `event-${e.eventId}`,
        data: { contactId: e.contactId, properties: e.properties, ...traced },
      };
  }
}

type TSink = (events: TExecutorEvent[]) => Promise<void>;

const toExecutor: TSink = async (events) => {
  await inngest.send(events);
};

/**
 * Binds the journey runtime's events to the executor (instrumentation.ts, at start); tests and
 * benches pass their own sink to see the events, or `null` to drop them.
 */
export function setEventSink(sink: TSink | null = toExecutor) {
  bindJourneyEventSink(sink ? (events) => sink(events.map(toExecutorEvent)) : null);
}

/**
 * Executor events that inngest/ sends itself (campaign runs). The caller's rows are committed
 * first; an executor that is down must not undo them, so a failure is logged and reported as
 * `false` (the run's start can be handed over again under the same event id).
 */
export async function emitExecutorEvents(events: TExecutorEvent[]): Promise<boolean> {
  if (!events.length) return true;
  try {
    await inngest.send(events);
    return true;
  } catch (err) {
    log.error("could not hand events to the executor", { count: events.length, err });
    return false;
  }
}
