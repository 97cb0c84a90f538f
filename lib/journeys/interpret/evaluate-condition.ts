import { compare } from "@/lib/segments/evaluate-segment";
import type { TPropertyFilter } from "@/lib/segments/definition";
import type { JourneyEffects } from "./journey-effects";
import type { TBranchCondition, TEqualityFilter, TLeafCondition } from "../graph/node-data";

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

type TConditionContext = {
  contactId: string;
  runId: string;
  enteredAt: Date;
  now: Date;
  effects: JourneyEffects;
};

/**
 * One branch condition for one contact, read at the moment the branch runs. A group reads its
 * checks in order and stops at the first that decides it (AND at a false, OR at a true), so a
 * group costs no more reads than the checks it needs; every read sits inside the branch's one step.
 */
export async function evaluateCondition(
  c: TBranchCondition,
  ctx: TConditionContext,
): Promise<boolean> {
  if (c.kind !== "group") return evaluateCheck(c, ctx);
  for (const inner of c.conditions) {
    const v = await evaluateCondition(inner, ctx);
    if (c.match === "all" && !v) return false;
    if (c.match === "any" && v) return true;
  }
  return c.match === "all";
}

async function evaluateCheck(c: TLeafCondition, ctx: TConditionContext): Promise<boolean> {
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
      const did = await effects.didEvent(contactId, { event: c.event, filters: c.filters, since });
      return did === c.did;
    }
    case "engagement": {
      const e = await effects.engagement({ contactId, runId: ctx.runId, nodeId: c.sendNodeId });
      return e[c.action];
    }
  }
}
