/**
 * Event property filters in a few words for a node's one-line summary: "amount > 100",
 * "plan is pro and 2 more". Reads loose draft data, so half-made filters never throw.
 */
type R = Record<string, unknown>;

const SYMBOL: Record<string, string> = {
  eq: "=",
  neq: "≠",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  equals: "is",
  not_equals: "is not",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  ends_with: "ends with",
  in: "is one of",
  not_in: "is none of",
  before: "before",
  after: "after",
  includes: "includes",
  not_includes: "does not include",
};
const BARE: Record<string, string> = {
  is_set: "is set",
  is_not_set: "is not set",
  is_true: "is true",
  is_false: "is false",
  is_empty: "is empty",
};
const DAYS: Record<string, [string, string]> = {
  within_last_days: ["in the last", "days"],
  within_next_days: ["in the next", "days"],
  more_than_days_ago: ["more than", "days ago"],
};

const shown = (v: unknown): string => {
  if (typeof v === "string") return /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v;
  if (Array.isArray(v)) return v.map(shown).join(", ");
  return v === null ? "empty" : String(v);
};

/** One filter: a segment-style comparison (`op`) or a wait's plain equality (no `op`). */
export function describeFilter(f: R): string {
  const property = typeof f.property === "string" ? f.property.trim() : "";
  if (!property) return "";
  const op = typeof f.op === "string" ? f.op : undefined;
  if (op === undefined)
    return f.value === null ? `${property} is empty` : `${property} = ${shown(f.value)}`;
  if (BARE[op]) return `${property} ${BARE[op]}`;
  if (DAYS[op]) return `${property} ${DAYS[op][0]} ${shown(f.value)} ${DAYS[op][1]}`;
  if (op === "between" && Array.isArray(f.value))
    return `${property} between ${shown(f.value[0])} and ${shown(f.value[1])}`;
  return `${property} ${SYMBOL[op] ?? op.replace(/_/g, " ")} ${shown(f.value)}`;
}

/** " where a > 1", " where a > 1 and b is x", " where a > 1 and 2 more", or "" without filters. */
export function describeFilters(raw: unknown): string {
  const parts = (Array.isArray(raw) ? raw : [])
    .map((f) => (f && typeof f === "object" ? describeFilter(f as R) : ""))
    .filter(Boolean);
  if (!parts.length) return "";
  if (parts.length <= 2) return ` where ${parts.join(" and ")}`;
  return ` where ${parts[0]} and ${parts.length - 1} more`;
}
