import {
  ARRAY_OPS,
  BOOLEAN_OPS,
  DATE_OPS,
  NUMBER_OPS,
  STRING_OPS,
  type TValueType,
} from "@/lib/segments/definition";

/** The operators of each value type, in the order the operator select offers them. */
export const OPS: Record<TValueType, readonly string[]> = {
  string: STRING_OPS,
  number: NUMBER_OPS,
  boolean: BOOLEAN_OPS,
  date: DATE_OPS,
  array: ARRAY_OPS,
};
/** Date operators whose value is a count of days rather than a date. */
export const DAY_OPS = ["within_last_days", "within_next_days", "more_than_days_ago"];

const isoDay = (offsetDays: number, now: number) =>
  `${new Date(now + offsetDays * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`;
/** A date input's day as the definition stores it (midnight UTC); empty stays empty. */
export const toIso = (d: string) => (d ? `${d}T00:00:00Z` : "");

/** The value an operator starts with when chosen, matching what the definition schema expects. */
export function defaultValue(type: TValueType, op: string, now = Date.now()): unknown {
  if (["is_set", "is_not_set", "is_true", "is_false", "is_empty"].includes(op)) return undefined;
  if (type === "number") return op === "between" ? [0, 10] : 0;
  if (type === "date")
    return DAY_OPS.includes(op)
      ? 7
      : op === "between"
        ? [isoDay(-30, now), isoDay(0, now)]
        : isoDay(0, now);
  if (op === "in" || op === "not_in") return [];
  return "";
}
