import type { TCondition, TGroup } from "@/lib/segments/definition";

/** The condition kinds a marketer picks from, in the order the menu lists them. */
export const CONDITION_KINDS = [
  ["event", "Did / did not do an event"],
  ["sequence", "Did an event, then did / did not do another within N hours"],
  ["event_time", "First or last time of an event"],
  ["attribute", "Contact attribute"],
  ["account", "Account trait (company, from group calls)"],
  ["profile", "Location, time zone, locale, email, phone"],
  ["signup", "Signup date"],
  ["channel", "Channel reachability"],
  ["device", "Has a device"],
  ["segment", "In / not in another segment"],
] as const;
export type TConditionKind = (typeof CONDITION_KINDS)[number][0];

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

/** Labels a marketer reads instead of operator ids. */
export const OP_LABELS: Record<string, string> = {
  equals: "is",
  not_equals: "is not",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  ends_with: "ends with",
  in: "is one of",
  not_in: "is none of",
  is_set: "is set",
  is_not_set: "is not set",
  eq: "=",
  neq: "≠",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  between: "is between",
  is_true: "is true",
  is_false: "is false",
  before: "is before",
  after: "is after",
  within_last_days: "is in the last",
  within_next_days: "is in the next",
  more_than_days_ago: "is more than",
  includes: "includes",
  not_includes: "does not include",
  is_empty: "is empty",
};
