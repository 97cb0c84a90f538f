import type { z } from "zod";

/** zod issues as `{ "dotted.path": message }`, first message per field, under an optional prefix. */
export function zodFields(error: z.ZodError, prefix?: string): Record<string, string> {
  // No prototype: a record key named "constructor" or "__proto__" (a bad topic key in a
  // `subscriptions` body) is a field like any other, not an inherited property.
  const fields = Object.create(null) as Record<string, string>;
  for (const issue of error.issues) {
    const key = [...(prefix ? [prefix] : []), ...issue.path].join(".") || "body";
    // zod reports a bad record key as "Invalid key in record"; the key's own rule says why.
    const message =
      issue.code === "invalid_key" && issue.issues[0] ? issue.issues[0].message : issue.message;
    if (!Object.hasOwn(fields, key)) fields[key] = message;
  }
  return fields;
}
