import { listScheduledTriggerJourneysAnyWorkspace } from "@/db/queries/journey-triggers";
import type { TPlan } from "@/lib/journeys/compile/compile-journey";
import { sweepDateTrigger } from "./date-trigger-sweep";
import { sweepSegmentTrigger } from "./segment-trigger-sweep";
import { log } from "@/lib/log/logger";

export type TScheduledJourney = Omit<
  Awaited<ReturnType<typeof listScheduledTriggerJourneysAnyWorkspace>>[number],
  "plan" | "status"
> & { plan: TPlan; status: "live" | "paused" };

/**
 * One pass over every live or paused journey triggered by a segment or a date attribute, across
 * workspaces. A journey whose sweep fails (its segment was broken by an edit) is logged and the
 * others still run.
 */
export async function sweepJourneyTriggers(now = new Date(), only?: { journeyId: string }) {
  const journeys = (await listScheduledTriggerJourneysAnyWorkspace(
    only?.journeyId,
  )) as TScheduledJourney[];
  const report: { journeyId: string; kind: string; entered: number }[] = [];
  for (const journey of journeys) {
    try {
      const kind = journey.plan.trigger.kind;
      const result =
        kind === "segment_entered"
          ? await sweepSegmentTrigger(journey, now)
          : await sweepDateTrigger(journey, now);
      report.push({ journeyId: journey.id, kind, entered: result.entered });
    } catch (err) {
      log.error("sweeping a journey trigger failed", { journeyId: journey.id, err });
    }
  }
  return report;
}

/** The journeys a sweep pass covers (live or paused, triggered by a segment or a date attribute). */
export async function listSweptJourneyIds(): Promise<string[]> {
  return (await listScheduledTriggerJourneysAnyWorkspace()).map((j) => j.id);
}
