import type { TCondition, TGroup } from "@/lib/segments/definition";
import type { NoteList } from "./report";

/**
 * One Pinpoint `SegmentDimensions` as Waymark segment conditions (all of them must hold, as in
 * Pinpoint). Endpoint `Attributes`, `UserAttributes` and `Metrics` are contact attributes
 * (pinpoint-endpoint-mapping.ts); `Location.Country` is the contact's country;
 * `Demographic.Platform` the push token's platform; `Demographic.Channel` a channel with an
 * address; `Behavior.Recency` sessions within the window.
 */
type R = Record<string, unknown>;
type TNode = TGroup | TCondition;
const obj = (v: unknown): R => (typeof v === "object" && v && !Array.isArray(v) ? (v as R) : {});
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

const METRIC_OPS: Record<string, string> = {
  GREATER_THAN: "gt",
  LESS_THAN: "lt",
  GREATER_THAN_OR_EQUAL: "gte",
  LESS_THAN_OR_EQUAL: "lte",
  EQUAL: "eq",
};
const RECENCY_DAYS: Record<string, number> = { HR_24: 1, DAY_7: 7, DAY_14: 14, DAY_30: 30 };
const PLATFORMS: Record<string, "ios" | "android" | "web"> = {
  ios: "ios",
  android: "android",
  web: "web",
};
const CHANNELS: Record<string, "email" | "sms" | "push" | "voice" | "in_app"> = {
  EMAIL: "email",
  SMS: "sms",
  VOICE: "voice",
  IN_APP: "in_app",
  PUSH: "push",
  APNS: "push",
  APNS_SANDBOX: "push",
  GCM: "push",
  ADM: "push",
  BAIDU: "push",
};

const iso = (v: string | undefined) => {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};
const any = (conditions: TNode[]): TNode | null =>
  conditions.length === 0
    ? null
    : conditions.length === 1
      ? conditions[0]!
      : { kind: "group", match: "any", conditions };

function attributeDimension(key: string, dim: R, path: string, notes: NoteList): TNode | null {
  const type = typeof dim.AttributeType === "string" ? dim.AttributeType : "INCLUSIVE";
  const values = strings(dim.Values);
  if (!values.length) {
    notes.error(`${path}.Values`, "is required");
    return null;
  }
  switch (type) {
    case "INCLUSIVE":
    case "EXCLUSIVE":
      notes.approx(
        path,
        "compared as text; a contact whose attribute holds several values matches on the whole list",
      );
      return {
        kind: "attribute",
        key,
        type: "string",
        op: type === "INCLUSIVE" ? "in" : "not_in",
        value: values,
      };
    case "CONTAINS":
      return any(
        values.map((v) => ({ kind: "attribute", key, type: "string", op: "contains", value: v })),
      );
    case "BEFORE":
    case "AFTER":
    case "ON":
    case "BETWEEN": {
      const [a, b] = values.map(iso);
      if (!a || (type === "BETWEEN" && !b)) {
        notes.error(`${path}.Values`, "must be ISO-8601 date-times");
        return null;
      }
      if (type === "ON") {
        const day = a.slice(0, 10);
        return {
          kind: "attribute",
          key,
          type: "date",
          op: "between",
          value: [`${day}T00:00:00.000Z`, `${day}T23:59:59.999Z`],
        };
      }
      if (type === "BETWEEN")
        return { kind: "attribute", key, type: "date", op: "between", value: [a, b] };
      return {
        kind: "attribute",
        key,
        type: "date",
        op: type === "BEFORE" ? "before" : "after",
        value: a,
      };
    }
    default:
      notes.error(`${path}.AttributeType`, `"${type}" is not a Pinpoint attribute type`);
      return null;
  }
}

export function convertDimensions(d: R, path: string, notes: NoteList): TNode[] {
  const out: TNode[] = [];
  const push = (n: TNode | null) => n && out.push(n);
  for (const field of ["Attributes", "UserAttributes"] as const)
    for (const [key, dim] of Object.entries(obj(d[field])))
      push(attributeDimension(key, obj(dim), `${path}.${field}.${key}`, notes));
  for (const [key, m] of Object.entries(obj(d.Metrics))) {
    const op = METRIC_OPS[String(obj(m).ComparisonOperator)];
    const value = obj(m).Value;
    if (!op || typeof value !== "number") {
      notes.error(`${path}.Metrics.${key}`, "needs a ComparisonOperator and a numeric Value");
      continue;
    }
    push({ kind: "attribute", key, type: "number", op, value });
  }
  const recency = obj(obj(d.Behavior).Recency);
  if (Object.keys(recency).length) {
    const days = RECENCY_DAYS[String(recency.Duration)];
    if (!days)
      notes.error(`${path}.Behavior.Recency.Duration`, "must be HR_24, DAY_7, DAY_14 or DAY_30");
    else {
      notes.approx(
        `${path}.Behavior.Recency`,
        `"active" means a _session.start event in the last ${days} day(s)`,
      );
      push({
        kind: "event",
        name: "_session.start",
        filters: [],
        count:
          recency.RecencyType === "INACTIVE"
            ? { op: "exactly", value: 0 }
            : { op: "at_least", value: 1 },
        window: { lastDays: days },
      });
    }
  }
  const demo = obj(d.Demographic);
  for (const [field, raw] of Object.entries(demo)) {
    const set = obj(raw);
    const values = strings(set.Values);
    const exclusive = set.DimensionType === "EXCLUSIVE";
    const at = `${path}.Demographic.${field}`;
    if (field === "Platform") {
      const known = [...new Set(values.map((v) => PLATFORMS[v.toLowerCase()]).filter(Boolean))] as (
        "ios" | "android" | "web"
      )[];
      const chosen = exclusive
        ? (["ios", "android", "web"] as const).filter((p) => !known.includes(p))
        : known;
      if (!chosen.length)
        notes.unsupport(at, `no Waymark device platform matches ${values.join(", ")}`);
      else push(any(chosen.map((platform) => ({ kind: "device", platform }))));
    } else if (field === "Channel") {
      const channels = [
        ...new Set(values.map((v) => CHANNELS[v]).filter(Boolean)),
      ] as (typeof CHANNELS)[string][];
      if (exclusive) notes.unsupport(at, "an EXCLUSIVE channel dimension cannot be expressed");
      else if (!channels.length) notes.unsupport(at, `no Waymark channel for ${values.join(", ")}`);
      else
        push(any(channels.map((channel) => ({ kind: "channel", channel, state: "has_address" }))));
    } else notes.unsupport(at, `the device's ${field} is not a contact field in Waymark`);
  }
  const loc = obj(d.Location);
  if (loc.Country) {
    const set = obj(loc.Country);
    const values = strings(set.Values).map((v) => v.toUpperCase());
    push({
      kind: "profile",
      field: "country",
      type: "string",
      op: set.DimensionType === "EXCLUSIVE" ? "not_in" : "in",
      value: values,
    });
  }
  if (loc.GPSPoint)
    notes.unsupport(
      `${path}.Location.GPSPoint`,
      "distance from a point is not a segment condition",
    );
  return out;
}

const NEGATE: Record<string, string> = {
  in: "not_in",
  not_in: "in",
  equals: "not_equals",
  not_equals: "equals",
  contains: "not_contains",
  not_contains: "contains",
  gt: "lte",
  lte: "gt",
  lt: "gte",
  gte: "lt",
  eq: "neq",
  neq: "eq",
  before: "after",
  after: "before",
};

/** The opposite of a condition, for Pinpoint's `NONE`; null when Waymark cannot say it. */
export function negate(n: TNode): TNode | null {
  if (n.kind === "group") {
    const parts = n.conditions.map(negate);
    if (parts.some((p) => !p)) return null;
    return {
      kind: "group",
      match: n.match === "all" ? "any" : "all",
      conditions: parts as TNode[],
    };
  }
  if (n.kind === "segment") return { ...n, in: !n.in };
  if (n.kind === "event" && n.count.op === "at_least" && n.count.value === 1)
    return { ...n, count: { op: "exactly", value: 0 } };
  if (n.kind === "event" && n.count.op === "exactly" && n.count.value === 0)
    return { ...n, count: { op: "at_least", value: 1 } };
  if ((n.kind === "attribute" || n.kind === "profile") && NEGATE[n.op])
    return { ...n, op: NEGATE[n.op]! } as TNode;
  return null;
}
