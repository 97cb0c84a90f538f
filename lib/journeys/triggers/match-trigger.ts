import { compare } from "@/lib/segments/evaluate-segment";
import type { TNodeData } from "../graph/node-data";

/**
 * Whether an ingested event starts a journey with an `event` trigger: same name, every property
 * filter true (the segment operators, so the builder's filters mean the same everywhere).
 * Segment, date-attribute and API triggers are decided by their own sources, not by events.
 */
export function eventMatchesTrigger(
  trigger: TNodeData<"trigger">,
  event: { name: string; properties: Record<string, unknown> },
  now: Date,
): boolean {
  if (trigger.kind !== "event" || trigger.event !== event.name) return false;
  return trigger.filters.every((f) => compare(event.properties[f.property], f, now.getTime()));
}
