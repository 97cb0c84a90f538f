import { z } from "zod";

/**
 * Attribute values are typed JSON: string, number, boolean, ISO date strings, arrays of those,
 * and small nested objects (Segment's `address`). `null` removes the attribute.
 */
const ZPrimitive = z.union([
  z.string().max(2048, { error: "must be at most 2048 characters" }),
  z.number().finite(),
  z.boolean(),
]);
const ZValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    ZPrimitive,
    z.array(ZPrimitive).max(100, { error: "arrays hold at most 100 values" }),
    z.record(z.string().max(128), ZPrimitive),
  ]),
);

export const ZAttributeKey = z
  .string()
  .min(1, { error: "attribute names cannot be empty" })
  .max(128, { error: "attribute names are at most 128 characters" })
  .refine((k) => !k.startsWith("$"), { error: "attribute names cannot start with $" });

export const ZAttributes = z
  .record(ZAttributeKey, z.union([ZValue, z.null()]))
  .refine((r) => Object.keys(r).length <= 200, { error: "at most 200 attributes per call" });

export type TAttributeType = "string" | "number" | "boolean" | "date" | "array" | "object";

/** An ISO date or date-time string, with or without an offset: what attributes store as dates. */
export const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The type the UI and segment builder give a stored value. */
export function attributeType(value: unknown): TAttributeType {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string")
    return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? "date" : "string";
  return "object";
}

/** Splits a patch into values to set and keys to remove (`null`). */
export function splitAttributePatch(patch: Record<string, unknown>): {
  set: Record<string, unknown>;
  unset: string[];
} {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) unset.push(k);
    else set[k] = v;
  }
  return { set, unset };
}
