import { ENGLISH_SUMMARY, type TSummaryKey, type TSummaryWords } from "./summary-words";

/**
 * Event property filters in a few words for a node's one-line summary: "amount > 100",
 * "plan is pro and 2 more". Reads loose draft data, so half-made filters never throw. Property
 * names and values are shown as typed; the words come from `w` (journeys.summary).
 */
type R = Record<string, unknown>;

/** Operators that read as a symbol in every language. */
const SYMBOL: Record<string, string> = { eq: "=", neq: "≠", gt: ">", gte: "≥", lt: "<", lte: "≤" };
/** Operators with a value, worded: "{property} is {value}". */
const WORDED: Record<string, TSummaryKey> = {
  equals: "is",
  not_equals: "isNot",
  contains: "contains",
  not_contains: "notContains",
  starts_with: "startsWith",
  ends_with: "endsWith",
  in: "isOneOf",
  not_in: "isNoneOf",
  before: "before",
  after: "after",
  includes: "includes",
  not_includes: "notIncludes",
  within_last_days: "inLastDays",
  within_next_days: "inNextDays",
  more_than_days_ago: "moreThanDaysAgo",
};
const BARE: Record<string, TSummaryKey> = {
  is_set: "isSet",
  is_not_set: "isNotSet",
  is_true: "isTrue",
  is_false: "isFalse",
  is_empty: "isEmpty",
};

const shown = (v: unknown, w: TSummaryWords): string => {
  if (typeof v === "string") return /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v;
  if (Array.isArray(v)) return v.map((x) => shown(x, w)).join(", ");
  return v === null ? w("emptyValue") : String(v);
};

/** One filter: a segment-style comparison (`op`) or a wait's plain equality (no `op`). */
export function describeFilter(f: R, w: TSummaryWords = ENGLISH_SUMMARY): string {
  const property = typeof f.property === "string" ? f.property.trim() : "";
  if (!property) return "";
  const op = typeof f.op === "string" ? f.op : undefined;
  if (op === undefined)
    return f.value === null ? w("isEmpty", { property }) : `${property} = ${shown(f.value, w)}`;
  if (BARE[op]) return w(BARE[op], { property });
  if (op === "between" && Array.isArray(f.value))
    return w("between", { property, from: shown(f.value[0], w), to: shown(f.value[1], w) });
  if (WORDED[op]) return w(WORDED[op], { property, value: shown(f.value, w) });
  return `${property} ${SYMBOL[op] ?? op.replace(/_/g, " ")} ${shown(f.value, w)}`;
}

/** "a > 1", "a > 1 and b is x", "a > 1 and 2 more", or "" without filters. */
export function filtersText(raw: unknown, w: TSummaryWords = ENGLISH_SUMMARY): string {
  const parts = (Array.isArray(raw) ? raw : [])
    .map((f) => (f && typeof f === "object" ? describeFilter(f as R, w) : ""))
    .filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? "";
  if (parts.length === 2) return w("filtersTwo", { a: parts[0]!, b: parts[1]! });
  return w("filtersMore", { a: parts[0]!, count: parts.length - 1 });
}

/** An event with its filters: "Viewed where sku is a" (ICU wants a value for "no filters"). */
export function eventWithFilters(
  event: string,
  filters: unknown,
  w: TSummaryWords = ENGLISH_SUMMARY,
): string {
  return w("eventWhere", { event, filters: filtersText(filters, w) || "none" });
}
