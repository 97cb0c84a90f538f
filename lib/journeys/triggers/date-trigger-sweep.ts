import { findExistingTriggerKeys, listDateTriggerCandidates } from "@/db/queries/journey-triggers";
import { dateTriggerCandidates, dateTriggerDueOn } from "@/lib/journeys/triggers/date-occurrences";
import { zoneFor } from "@/lib/journeys/interpret/local-time";
import { enterJourney, type TEnterableJourney } from "../runtime/enter-journey";

type TDateJourney = TEnterableJourney & { workspaceId: string; workspaceTimezone: string };

/**
 * Enters the contacts whose date attribute comes round today in their zone (or the workspace's) and
 * whose local time has reached the trigger's. The trigger key `date:<contact>:<local day>` makes each
 * occurrence enter once however often the sweep runs; entry rules still apply (a yearly birthday
 * journey wants "re-enter after 300 days", not "once ever").
 */
export async function sweepDateTrigger(journey: TDateJourney, now = new Date()) {
  const trigger = journey.plan.trigger;
  if (trigger.kind !== "date_attribute" || journey.status !== "live") return { due: 0, entered: 0 };
  const candidates = await listDateTriggerCandidates(journey.workspaceId, {
    attribute: trigger.attribute,
    ...dateTriggerCandidates(trigger, now),
  });
  const due = candidates.flatMap((c) => {
    const day = dateTriggerDueOn(
      c.value,
      trigger,
      zoneFor(c.timezone, journey.workspaceTimezone),
      now,
    );
    return day ? [{ contactId: c.id, key: `date:${c.id}:${day}` }] : [];
  });
  const done = await findExistingTriggerKeys(
    journey.id,
    due.map((d) => d.key),
  );
  let entered = 0;
  for (const d of due) {
    if (done.has(d.key)) continue;
    const { entryId } = await enterJourney({
      workspaceId: journey.workspaceId,
      journey,
      contactId: d.contactId,
      triggerKey: d.key,
      now,
    });
    if (entryId) entered++;
  }
  return { due: due.length, entered };
}
