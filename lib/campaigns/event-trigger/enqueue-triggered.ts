import { findEventProperties } from "@/db/queries/contact-timeline";
import { enqueueTriggeredDelivery } from "@/db/queries/campaign-triggered";
import type { TIngestedEvent } from "@/lib/ingest/ingested-events";
import { compare } from "@/lib/segments/evaluate-segment";
import { audienceCondition } from "../audience-condition";
import { ZTreatment } from "../campaign-settings";
import { ZEventTrigger } from "../schedule/schedule-settings";
import { listeningRuns } from "./listening-runs";

/** A contact added to an event-triggered run, waiting to be drained. */
export type TTriggeredSend = { runId: string; contactId: string; eventId: string };

/**
 * The campaign side of ingestion: each stored event that matches an open event-triggered
 * campaign (same name, every property filter true: the segment operators, as journey triggers)
 * adds its contact to that campaign's run, if they are in its audience. Returns the queued ones,
 * for the caller to hand to the drain. Workspaces without such campaigns cost one cached lookup.
 */
export async function enqueueTriggeredSends(
  events: TIngestedEvent[],
  now = new Date(),
): Promise<TTriggeredSend[]> {
  const queued: TTriggeredSend[] = [];
  const byWorkspace = new Map<string, TIngestedEvent[]>();
  for (const e of events)
    byWorkspace.set(e.workspaceId, [...(byWorkspace.get(e.workspaceId) ?? []), e]);
  for (const [workspaceId, list] of byWorkspace) {
    const runs = (await listeningRuns(workspaceId)).flatMap((run) => {
      const trigger = ZEventTrigger.omit({ kind: true }).safeParse(run.trigger);
      return trigger.success ? [{ run, trigger: trigger.data }] : [];
    });
    const relevant = list.filter((e) => runs.some((r) => r.trigger.event === e.name));
    if (!relevant.length) continue;
    const properties = await findEventProperties(
      workspaceId,
      relevant.map((e) => e.eventId),
    );
    for (const e of relevant) {
      const props = properties.get(e.eventId) ?? {};
      for (const { run, trigger } of runs) {
        if (trigger.event !== e.name) continue;
        if (!trigger.filters.every((f) => compare(props[f.property], f, now.getTime()))) continue;
        const audience = await audienceCondition(workspaceId, run.audienceKind, run.segmentId, now);
        if (!audience) continue;
        const status = await enqueueTriggeredDelivery({
          runId: run.id,
          workspaceId,
          campaignId: run.campaignId,
          contactId: e.contactId,
          audience,
          holdoutPercent: run.holdoutPercent,
          treatmentPercents: ZTreatment.array()
            .parse(run.treatments)
            .map((t) => t.percent),
          occurredAt: e.occurredAt,
          late: now.getTime() - e.occurredAt.getTime() > trigger.maxDelayMinutes * 60_000,
        });
        if (status === "queued")
          queued.push({ runId: run.id, contactId: e.contactId, eventId: e.eventId });
      }
    }
  }
  return queued;
}
