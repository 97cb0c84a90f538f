import { compare } from "@/lib/segments/evaluate-segment";
import type { TPropertyFilter } from "@/lib/segments/definition";
import type { JourneyEffects } from "./journey-effects";
import type { TBranchCondition, TEqualityFilter } from "../graph/node-data";

const HOUR = 3600_000;

/** An equality filter (goal, wait-for-event) as the segment property filter with the same meaning. */
export function equalityAsPropertyFilter(f: TEqualityFilter): TPropertyFilter {
  if (f.value === null) return { property: f.property, type: "string", op: "is_not_set" };
  if (typeof f.value === "boolean")
    return { property: f.property, type: "boolean", op: f.value ? "is_true" : "is_false" };
  if (typeof f.value === "number")
    return { property: f.property, type: "number", op: "eq", value: f.value };
  return { property: f.property, type: "string", op: "equals", value: f.value };
}

/** One branch condition for one contact, read at the moment the branch runs. */
export async function evaluateCondition(
  c: TBranchCondition,
  ctx: { contactId: string; runId: string; enteredAt: Date; now: Date; effects: JourneyEffects },
): Promise<boolean> {
  const { effects, contactId } = ctx;
  switch (c.kind) {
    case "attribute": {
      const contact = await effects.loadContact(contactId);
      return compare(contact?.attributes[c.filter.property], c.filter, ctx.now.getTime());
    }
    case "segment":
      return (await effects.isInSegment(contactId, c.segmentId)) === c.in;
    case "did_event": {
      const since =
        c.window.kind === "since_entry"
          ? ctx.enteredAt
          : new Date(ctx.now.getTime() - c.window.hours * HOUR);
      return effects.didEvent(contactId, { event: c.event, filters: c.filters, since });
    }
    case "engagement": {
      const e = await effects.engagement({ contactId, runId: ctx.runId, nodeId: c.sendNodeId });
      return e[c.action];
    }
  }
}
