import { env } from "@/lib/env";
import { redeliverStalledEntries } from "@/lib/journeys/runtime/redeliver-stalled-entries";
import {
  listSweptJourneyIds,
  sweepJourneyTriggers,
} from "@/lib/journeys/triggers/sweep-journey-triggers";
import { everySecondsCron } from "@/lib/local-executor/cron-schedule";
import { JOURNEY_TRIGGER_SWEEP, ZCronTimer, ZJourneyTriggerSweep } from "@/inngest/events";
import type { TJobDefinition } from "./job-definition";

const EVERY = () => [{ cron: everySecondsCron(env.WAYMARK_TRIGGER_SWEEP_SECONDS) }];

/**
 * Every WAYMARK_TRIGGER_SWEEP_SECONDS: one event per journey with a segment or date trigger, so
 * journeys are swept side by side and one whose segment is broken fails alone.
 */
export const journeyTriggerSweepsJob: TJobDefinition = {
  id: "journey-trigger-sweeps",
  triggers: EVERY(),
  payload: ZCronTimer,
  summary: "Fans out one journey/trigger.sweep event per segment- or date-triggered journey.",
  define: (client) =>
    client.createFunction(
      { id: "journey-trigger-sweeps", triggers: EVERY(), singleton: { mode: "skip" }, retries: 1 },
      async ({ step }) => {
        const ids = await step.run("list-journeys", () => listSweptJourneyIds());
        if (ids.length)
          await step.sendEvent(
            "fan-out",
            ids.map((journeyId: string) => ({
              name: JOURNEY_TRIGGER_SWEEP,
              data: ZJourneyTriggerSweep.parse({ journeyId }),
            })),
          );
        return { journeys: ids.length };
      },
    ),
};

/**
 * Sweeps one journey's trigger. `singleton` by journey: a sweep still running (a large segment)
 * makes the next one for that journey a no-op instead of a second pass over the same contacts.
 */
export const journeyTriggerSweepJob: TJobDefinition = {
  id: "journey-trigger-sweep",
  triggers: [{ event: JOURNEY_TRIGGER_SWEEP }],
  payload: ZJourneyTriggerSweep,
  summary: "Enters the contacts a journey's segment or date trigger now selects.",
  define: (client) =>
    client.createFunction(
      {
        id: "journey-trigger-sweep",
        triggers: [{ event: JOURNEY_TRIGGER_SWEEP }],
        singleton: { key: "event.data.journeyId", mode: "skip" },
        retries: 1,
      },
      async ({ event, step }) => {
        const { journeyId } = ZJourneyTriggerSweep.parse(event.data);
        return step.run("sweep", () => sweepJourneyTriggers(new Date(), { journeyId }));
      },
    ),
};

/** Entries whose start event never reached the executor are handed over again (same event ids). */
export const stalledEntryRedeliveryJob: TJobDefinition = {
  id: "stalled-entry-redelivery",
  triggers: EVERY(),
  payload: ZCronTimer,
  summary: "Re-sends the start event of journey entries no run picked up (a crash in between).",
  define: (client) =>
    client.createFunction(
      {
        id: "stalled-entry-redelivery",
        triggers: EVERY(),
        singleton: { mode: "skip" },
        retries: 0,
      },
      async ({ step }) => step.run("redeliver", () => redeliverStalledEntries()),
    ),
};
