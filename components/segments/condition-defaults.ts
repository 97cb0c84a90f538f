import type { TCondition, TGroup } from "@/lib/segments/definition";

/** The condition kinds a marketer picks from, in the order the menu lists them (labels: `segments.kinds`). */
export const CONDITION_KINDS = [
  "event",
  "sequence",
  "event_time",
  "attribute",
  "account",
  "profile",
  "signup",
  "channel",
  "topic",
  "device",
  "segment",
] as const;
export type TConditionKind = (typeof CONDITION_KINDS)[number];

/** A sensible starting condition of each kind, so switching kind never leaves a half-made one. */
export function newCondition(kind: TConditionKind, eventName = ""): TCondition {
  switch (kind) {
    case "event":
      return { kind, name: eventName, filters: [], count: { op: "at_least", value: 1 } };
    case "sequence":
      return {
        kind,
        first: { name: eventName, filters: [] },
        then: { name: "", filters: [] },
        withinHours: 3,
        mode: "not_followed_by",
      };
    case "event_time":
      return {
        kind,
        name: eventName,
        which: "last",
        filters: [],
        type: "date",
        op: "within_last_days",
        value: 30,
      };
    case "attribute":
    case "account":
      return { kind, key: "", type: "string", op: "equals", value: "" };
    case "profile":
      return { kind, field: "country", type: "string", op: "equals", value: "" };
    case "signup":
      return { kind, type: "date", op: "within_last_days", value: 30 };
    case "channel":
      return { kind, channel: "email", state: "reachable" };
    case "topic":
      return { kind, topic: "", state: "unsubscribed" };
    case "device":
      return { kind, platform: "ios" };
    case "segment":
      return { kind, segmentId: "", in: true };
  }
}

export const newGroup = (match: "all" | "any", eventName = ""): TGroup => ({
  kind: "group",
  match,
  conditions: [newCondition("event", eventName)],
});
