import type {
  TComparison,
  TCondition,
  TGroup,
  TPropertyFilter,
  TSegmentDefinition,
  TWindow,
} from "./definition";
import { NEGATIVE_OPS } from "./definition";
import { ISO_DATE } from "@/lib/contacts/attributes";

/**
 * The reference semantics of a segment, evaluated in memory over one contact. It is written for
 * clarity, not speed: segment-to-sql.ts must agree with it, and the property test checks that it does.
 *
 * Rules every operator follows:
 * - a comparison applies only to a value of its type (a number never "equals" the text "1");
 * - negative operators (not_equals, not_contains, not_in, neq, not_includes) are the exact negation
 *   of their positive, so they also match contacts without the value;
 * - text matching is exact for equals/in and case-insensitive for contains/starts/ends;
 * - dates are ISO strings; one without an offset is read as UTC.
 */
export type TContactSnapshot = {
  id: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  city: string | null;
  timezone: string | null;
  locale: string | null;
  createdAt: Date;
  attributes: Record<string, unknown>;
  /** The traits of each account the contact belongs to (Segment `group`). */
  accounts?: { traits: Record<string, unknown> }[];
  events: { id: number; name: string; properties: Record<string, unknown>; occurredAt: Date }[];
  pushTokens: { platform: string }[];
  subscriptions: { channel: string; status: string }[];
  /** The workspace's subscription topics, each with this contact's choice (null: none made). */
  topics?: { key: string; defaultSubscribed: boolean; status: string | null }[];
};

export type TSegmentResolver = (segmentId: string) => TSegmentDefinition | null;

const DAY = 24 * 3600 * 1000;

/** Milliseconds of an ISO date string, or null. No offset means UTC. */
export function parseDate(value: unknown): number | null {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return null;
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/.test(value);
  const normal = value.replace(" ", "T");
  const ms = Date.parse(
    hasOffset ? normal : normal.length === 10 ? `${normal}T00:00:00Z` : `${normal}Z`,
  );
  return Number.isNaN(ms) ? null : ms;
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function compareDate(ms: number | null, op: string, value: unknown, now: number): boolean {
  if (op === "is_set") return ms !== null;
  if (op === "is_not_set") return ms === null;
  if (ms === null) return false;
  switch (op) {
    case "before":
      return ms < Date.parse(value as string);
    case "after":
      return ms > Date.parse(value as string);
    case "between": {
      const [a, b] = value as [string, string];
      return ms >= Date.parse(a) && ms <= Date.parse(b);
    }
    case "within_last_days":
      return ms >= now - (value as number) * DAY && ms <= now;
    case "within_next_days":
      return ms >= now && ms <= now + (value as number) * DAY;
    case "more_than_days_ago":
      return ms < now - (value as number) * DAY;
  }
  throw new Error(`unknown date op ${op}`);
}

/** Applies a typed comparison to one value (an attribute, a profile field, an event property). */
export function compare(v: unknown, c: TComparison, now: number): boolean {
  const { type, op, value } = c;
  if (op === "is_set" && type !== "date") return present(v);
  if (op === "is_not_set" && type !== "date") return !present(v);
  switch (type) {
    case "string": {
      const s = typeof v === "string" ? v : null;
      const positive = (o: string): boolean => {
        if (s === null) return false;
        const needle = typeof value === "string" ? value.toLowerCase() : "";
        switch (o) {
          case "equals":
            return s === value;
          case "contains":
            return s.toLowerCase().includes(needle);
          case "starts_with":
            return s.toLowerCase().startsWith(needle);
          case "ends_with":
            return s.toLowerCase().endsWith(needle);
          case "in":
            return (value as string[]).includes(s);
        }
        throw new Error(`unknown string op ${o}`);
      };
      if (op.startsWith("not_")) return !positive(op.slice(4));
      return positive(op);
    }
    case "number": {
      const n = typeof v === "number" ? v : null;
      if (op === "neq") return !(n !== null && n === value);
      if (n === null) return false;
      switch (op) {
        case "eq":
          return n === value;
        case "gt":
          return n > (value as number);
        case "gte":
          return n >= (value as number);
        case "lt":
          return n < (value as number);
        case "lte":
          return n <= (value as number);
        case "between": {
          const [a, b] = value as [number, number];
          return n >= a && n <= b;
        }
      }
      throw new Error(`unknown number op ${op}`);
    }
    case "boolean":
      return op === "is_true" ? v === true : v === false;
    case "date":
      return compareDate(parseDate(v), op, value, now);
    case "array": {
      const arr = Array.isArray(v) ? v : null;
      if (op === "is_empty") return arr !== null && arr.length === 0;
      const includes = arr !== null && arr.some((x) => x === value);
      return op === "includes" ? includes : !includes;
    }
  }
}

const inWindow = (t: number, w: TWindow | undefined, now: number) =>
  !w
    ? true
    : "lastDays" in w
      ? t >= now - w.lastDays * DAY && t <= now
      : t >= Date.parse(w.from) && t <= Date.parse(w.to);

export const matchesFilters = (
  props: Record<string, unknown>,
  filters: TPropertyFilter[],
  now: number,
) => filters.every((f) => compare(props[f.property], f, now));

function condition(
  cond: TCondition,
  c: TContactSnapshot,
  now: number,
  resolve: TSegmentResolver,
  seen: Set<string>,
): boolean {
  switch (cond.kind) {
    case "attribute":
      return compare(c.attributes[cond.key], cond, now);
    case "account": {
      const positive = NEGATIVE_OPS[cond.op];
      const test = positive ? { ...cond, op: positive } : cond;
      const any = (c.accounts ?? []).some((a) => compare(a.traits[cond.key], test, now));
      return positive ? !any : any;
    }
    case "profile": {
      const field = {
        userId: c.externalId,
        email: c.email,
        phone: c.phone,
        country: c.country,
        city: c.city,
        timezone: c.timezone,
        locale: c.locale,
      }[cond.field];
      return compare(field, cond, now);
    }
    case "signup":
      return compareDate(c.createdAt.getTime(), cond.op, cond.value, now);
    case "event": {
      const n = c.events.filter(
        (e) =>
          e.name === cond.name &&
          inWindow(e.occurredAt.getTime(), cond.window, now) &&
          matchesFilters(e.properties, cond.filters, now),
      ).length;
      const { op, value } = cond.count;
      return op === "at_least" ? n >= value : op === "at_most" ? n <= value : n === value;
    }
    case "event_time": {
      const times = c.events
        .filter((e) => e.name === cond.name && matchesFilters(e.properties, cond.filters, now))
        .map((e) => e.occurredAt.getTime());
      if (!times.length) return false;
      return compareDate(
        cond.which === "first" ? Math.min(...times) : Math.max(...times),
        cond.op,
        cond.value,
        now,
      );
    }
    case "sequence": {
      const h = cond.withinHours * 3600 * 1000;
      const firsts = c.events.filter(
        (e) =>
          e.name === cond.first.name &&
          inWindow(e.occurredAt.getTime(), cond.window, now) &&
          matchesFilters(e.properties, cond.first.filters, now),
      );
      const followed = (a: (typeof firsts)[number]) =>
        c.events.some(
          (b) =>
            b.id !== a.id &&
            b.name === cond.then.name &&
            matchesFilters(b.properties, cond.then.filters, now) &&
            b.occurredAt.getTime() >= a.occurredAt.getTime() &&
            b.occurredAt.getTime() <= a.occurredAt.getTime() + h,
        );
      if (cond.mode === "followed_by") return firsts.some(followed);
      // Only once the time to follow up has passed can a contact be said not to have.
      return firsts.some((a) => a.occurredAt.getTime() <= now - h && !followed(a));
    }
    case "channel": {
      const hasAddress = {
        email: c.email !== null,
        sms: c.phone !== null,
        voice: c.phone !== null,
        push: c.pushTokens.length > 0,
        in_app: c.externalId !== null,
      }[cond.channel];
      const optedOut = c.subscriptions.some(
        (s) => (s.channel === cond.channel || s.channel === "all") && s.status === "unsubscribed",
      );
      return cond.state === "has_address"
        ? hasAddress
        : cond.state === "opted_out"
          ? optedOut
          : hasAddress && !optedOut;
    }
    case "topic": {
      const topic = (c.topics ?? []).find((t) => t.key === cond.topic);
      if (!topic) return false;
      const status = topic.status ?? (topic.defaultSubscribed ? "subscribed" : "unsubscribed");
      return status === cond.state;
    }
    case "device":
      return c.pushTokens.some((t) => t.platform === cond.platform);
    case "segment": {
      const def = resolve(cond.segmentId);
      if (!def || seen.has(cond.segmentId))
        throw new Error(`segment ${cond.segmentId} is missing or circular`);
      const inside = group(def, c, now, resolve, new Set([...seen, cond.segmentId]));
      return cond.in ? inside : !inside;
    }
  }
}

function group(
  g: TGroup,
  c: TContactSnapshot,
  now: number,
  resolve: TSegmentResolver,
  seen: Set<string>,
): boolean {
  const results = g.conditions.map((x) =>
    x.kind === "group" ? group(x, c, now, resolve, seen) : condition(x, c, now, resolve, seen),
  );
  return g.match === "all" ? results.every(Boolean) : results.some(Boolean);
}

export function evaluateSegment(
  def: TSegmentDefinition,
  contact: TContactSnapshot,
  now: Date,
  resolve: TSegmentResolver = () => null,
): boolean {
  return group(def, contact, now.getTime(), resolve, new Set());
}
