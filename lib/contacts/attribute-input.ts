import { attributeType } from "./attributes";

/** The value types a marketer picks from when editing an attribute, and how each is typed in. */
export const ATTRIBUTE_INPUT_TYPES = ["text", "number", "boolean", "date", "list"] as const;
export type TAttributeInputType = (typeof ATTRIBUTE_INPUT_TYPES)[number];

export const ATTRIBUTE_INPUT_LABELS: Record<TAttributeInputType, string> = {
  text: "Text",
  number: "Number",
  boolean: "True / false",
  date: "Date",
  list: "List of text",
};

export type TParsedInput = { ok: true; value: unknown } | { ok: false; error: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The typed value for what was typed, or what is wrong with it (the server checks again). */
export function parseAttributeInput(type: TAttributeInputType, raw: string): TParsedInput {
  const text = raw.trim();
  switch (type) {
    case "text":
      return { ok: true, value: raw };
    case "number": {
      const n = Number(text);
      return text && Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, error: "Enter a number, like 42 or 9.99" };
    }
    case "boolean":
      return text === "true" || text === "false"
        ? { ok: true, value: text === "true" }
        : { ok: false, error: "Choose true or false" };
    case "date":
      // Stored as an ISO day, which attributeType() and segments read as a date.
      return DAY.test(text) && !Number.isNaN(Date.parse(text))
        ? { ok: true, value: text }
        : { ok: false, error: "Pick a date" };
    case "list": {
      const items = text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (!items.length)
        return { ok: false, error: "Enter at least one value, separated by commas" };
      if (items.length > 100) return { ok: false, error: "A list holds at most 100 values" };
      return { ok: true, value: items };
    }
  }
}

/** How an existing value opens in the editor; null for values the chooser cannot represent (nested objects). */
export function attributeInputOf(
  value: unknown,
): { type: TAttributeInputType; raw: string } | null {
  switch (attributeType(value)) {
    case "number":
      return { type: "number", raw: String(value) };
    case "boolean":
      return { type: "boolean", raw: String(value) };
    case "date":
      // A full timestamp stays text, so editing it never silently drops the time.
      return DAY.test(value as string)
        ? { type: "date", raw: value as string }
        : { type: "text", raw: value as string };
    case "string":
      return { type: "text", raw: value as string };
    case "array":
      return (value as unknown[]).every((v) => typeof v !== "object")
        ? { type: "list", raw: (value as unknown[]).map(String).join(", ") }
        : null;
    default:
      return null;
  }
}

/** A stored value as one line of text for tables. */
export function displayAttribute(value: unknown): string {
  if (Array.isArray(value))
    return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}
