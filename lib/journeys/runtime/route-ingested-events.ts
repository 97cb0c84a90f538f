import { findEventProperties } from "@/db/queries/contact-timeline";
import { eventMatchesTrigger } from "@/lib/journeys/triggers/match-trigger";
import type { TIngestedEvent } from "@/lib/ingest/ingested-events";
import { inSpan } from "@/lib/tracing/in-span";
import { emitJourneyEvents, type TJourneyEvent } from "./journey-events";
import { enterJourney } from "./enter-journey";
import { checkSegmentTriggers } from "../triggers/segment-trigger-sweep";
import { awaitedEventNames, runningJourneys } from "./running-journeys";

/**
 * The journey side of ingestion: each stored event may enter contacts into journeys it triggers,
 * and reaches the executor as `contact/<name>` when a running journey waits for that name (a
 * wait-for-event node or a goal), and the contacts are re-checked against the segments journeys
 * start from. Workspaces without running journeys cost one cached lookup.
 */
export function routeIngestedEvents(events: TIngestedEvent[]): Promise<void> {
  // A span of the ingestion's trace; the entries it emits carry it to their runs.
  return inSpan("waymark.journey.route", { "waymark.events": events.length }, () => route(events));
}

async function route(events: TIngestedEvent[]) {
  const byWorkspace = new Map<string, TIngestedEvent[]>();
  for (const e of events)
    byWorkspace.set(e.workspaceId, [...(byWorkspace.get(e.workspaceId) ?? []), e]);
  for (const [workspaceId, list] of byWorkspace) {
    const journeys = await runningJourneys(workspaceId);
    if (!journeys.length) continue;
    const awaited = awaitedEventNames(journeys);
    // Properties are read only for a journey that could use them: an event trigger's filters,
    // or a run waiting for one of these names.
    const properties =
      journeys.some((j) => j.plan.trigger.kind === "event") || list.some((e) => awaited.has(e.name))
        ? await findEventProperties(
            workspaceId,
            list.map((e) => e.eventId),
          )
        : new Map<string, Record<string, unknown>>();
    const forExecutor: TJourneyEvent[] = [];
    for (const e of list) {
      const props = properties.get(e.eventId) ?? {};
      for (const journey of journeys) {
        if (
          journey.plan.trigger.kind !== "event" ||
          !eventMatchesTrigger(
            journey.plan.trigger,
            { name: e.name, properties: props },
            e.occurredAt,
          )
        )
          continue;
        await enterJourney({
          workspaceId,
          journey,
          contactId: e.contactId,
          triggerKey: `event:${e.eventId}`,
        });
      }
      if (awaited.has(e.name))
        forExecutor.push({
          kind: "tracked",
          eventId: e.eventId,
          name: e.name,
          contactId: e.contactId,
          properties: props,
        });
    }
    await emitJourneyEvents(forExecutor);
    // What was just stored may put these contacts into a segment a journey starts from.
    const bySegment = journeys
      .filter((j) => j.plan.trigger.kind === "segment_entered")
      .map((j) => ({ ...j, workspaceId }));
    if (bySegment.length)
      await checkSegmentTriggers(
        bySegment,
        [...new Set(list.map((e) => e.contactId))],
        new Date(),
        {
          sendOutcomesOnly: list.every((e) => e.sendOutcome),
        },
      );
  }
}
