import type { TBranchCondition, TEqualityFilter } from "@/lib/journeys/graph/node-data";
import type { TPropertyFilter } from "@/lib/segments/definition";
import { convertDimensions } from "./convert-segment-dimensions";
import type { NoteList } from "./report";

/**
 * Pinpoint's journey conditions as Waymark branch conditions: `SegmentCondition` → in segment;
 * `SegmentDimensions` → attribute checks; `EventCondition` → did the event since entry, or, with a
 * `MessageActivity`, opened/clicked that earlier send.
 */
type R = Record<string, unknown>;
const obj = (v: unknown): R => (typeof v === "object" && v && !Array.isArray(v) ? (v as R) : {});
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

export type TRefs = {
  segment: (pinpointId: string) => string | undefined;
  template: (name: string, channel: string) => string | undefined;
  /**
   * Why a reference (by its key, `segment:<id>` or `template:<channel>:<name>`) did not resolve,
   * when it is not simply absent: the user looks for the fault in a different place.
   */
  whyMissing?: (key: string) => string | undefined;
};

/** A template's key: Pinpoint names templates per channel type. */
export const templateKey = (name: string, channel: string) => `${channel}:${name}`;

export const NOT_FOUND = "is neither in the export nor imported before";

/** The end of the report's sentence for a reference that did not resolve. */
export function missingRef(
  refs: Pick<TRefs, "whyMissing">,
  kind: "segment" | "template",
  id: string,
  channel = "",
): string {
  const key = kind === "template" ? templateKey(id, channel) : id;
  return refs.whyMissing?.(`${kind}:${key}`) ?? NOT_FOUND;
}

/** Event `Attributes`/`Metrics` dimensions as property filters (trigger and did-event). */
export function eventFilters(dims: R, path: string, notes: NoteList): TPropertyFilter[] {
  const out: TPropertyFilter[] = [];
  for (const [property, raw] of Object.entries(obj(dims.Attributes))) {
    const d = obj(raw);
    const values = strings(d.Values);
    if (d.AttributeType && d.AttributeType !== "INCLUSIVE" && d.AttributeType !== "EXCLUSIVE") {
      notes.unsupport(`${path}.Attributes.${property}`, `${String(d.AttributeType)} is not kept`);
      continue;
    }
    out.push({
      property,
      type: "string",
      op: d.AttributeType === "EXCLUSIVE" ? "not_in" : "in",
      value: values,
    });
  }
  const OPS: Record<string, string> = {
    GREATER_THAN: "gt",
    LESS_THAN: "lt",
    GREATER_THAN_OR_EQUAL: "gte",
    LESS_THAN_OR_EQUAL: "lte",
    EQUAL: "eq",
  };
  for (const [property, raw] of Object.entries(obj(dims.Metrics))) {
    const op = OPS[String(obj(raw).ComparisonOperator)];
    if (op) out.push({ property, type: "number", op, value: obj(raw).Value });
    else notes.error(`${path}.Metrics.${property}`, "needs a ComparisonOperator");
  }
  return out;
}

/** Equality filters (what a durable wait can match); others are reported and dropped. */
export function equalityFilters(dims: R, path: string, notes: NoteList): TEqualityFilter[] {
  return eventFilters(dims, path, notes).flatMap((f) => {
    if ((f.op === "in" && Array.isArray(f.value) && f.value.length === 1) || f.op === "eq")
      return [
        {
          property: f.property,
          value: Array.isArray(f.value) ? (f.value[0] as string) : (f.value as number),
        },
      ];
    notes.approx(
      `${path}.${f.property}`,
      "a wait for an event matches equal values only; this filter is dropped",
    );
    return [];
  });
}

/** The event names of an `EventType` set dimension (the first is used). */
export function eventName(dims: R, path: string, notes: NoteList): string | null {
  const values = strings(obj(dims.EventType).Values);
  if (!values.length) {
    notes.error(`${path}.EventType.Values`, "names no event");
    return null;
  }
  if (values.length > 1)
    notes.approx(`${path}.EventType.Values`, `only "${values[0]}" is used of ${values.join(", ")}`);
  if (obj(dims.EventType).DimensionType === "EXCLUSIVE")
    notes.unsupport(
      `${path}.EventType.DimensionType`,
      "EXCLUSIVE events (any other event) are read as INCLUSIVE",
    );
  return values[0]!;
}

const ENGAGEMENT: Record<string, "opened" | "clicked" | "replied"> = {
  "_email.open": "opened",
  "_email.click": "clicked",
  "_SMS.RECEIVED": "replied",
  "_campaign.opened_notification": "opened",
  "_journey.opened_notification": "opened",
};

export function convertSimpleCondition(
  c: R,
  path: string,
  notes: NoteList,
  refs: TRefs,
  activityIds: Set<string>,
): TBranchCondition | null {
  if (c.SegmentCondition) {
    const id = String(obj(c.SegmentCondition).SegmentId ?? "");
    const segmentId = refs.segment(id);
    if (!segmentId) {
      notes.error(
        `${path}.SegmentCondition.SegmentId`,
        `segment ${id} ${missingRef(refs, "segment", id)}`,
      );
      return null;
    }
    return { kind: "segment", segmentId, in: true };
  }
  if (c.SegmentDimensions) {
    const nodes = convertDimensions(obj(c.SegmentDimensions), `${path}.SegmentDimensions`, notes);
    const leaves = nodes.flatMap((n): TBranchCondition[] => {
      if (n.kind === "attribute")
        return [
          {
            kind: "attribute",
            filter: { property: n.key, type: n.type, op: n.op, value: n.value } as TPropertyFilter,
          },
        ];
      notes.unsupport(
        `${path}.SegmentDimensions`,
        `a ${n.kind} check is not a branch condition; make it a segment`,
      );
      return [];
    });
    if (!leaves.length) return null;
    return leaves.length === 1 ? leaves[0]! : { kind: "group", match: "all", conditions: leaves };
  }
  if (c.EventCondition) {
    const e = obj(c.EventCondition);
    const dims = obj(e.Dimensions);
    const name = eventName(dims, `${path}.EventCondition.Dimensions`, notes);
    if (!name) return null;
    const send = typeof e.MessageActivity === "string" ? e.MessageActivity : undefined;
    if (send) {
      if (!activityIds.has(send)) {
        notes.error(
          `${path}.EventCondition.MessageActivity`,
          `no activity "${send}" in this journey`,
        );
        return null;
      }
      const action = ENGAGEMENT[name];
      if (action) return { kind: "engagement", sendNodeId: send, action };
      notes.approx(
        `${path}.EventCondition`,
        `"${name}" is checked as an event since entry, not tied to "${send}"`,
      );
    }
    return {
      kind: "did_event",
      event: name,
      did: true,
      filters: eventFilters(dims, `${path}.EventCondition.Dimensions`, notes),
      window: { kind: "since_entry" },
    };
  }
  notes.error(path, "needs SegmentCondition, SegmentDimensions or EventCondition");
  return null;
}
