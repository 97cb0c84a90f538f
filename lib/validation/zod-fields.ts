import type { z } from "zod";

/** zod issues as `{ "dotted.path": message }`, first message per field, under an optional prefix. */
export function zodFields(error: z.ZodError, prefix?: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = [...(prefix ? [prefix] : []), ...issue.path].join(".") || "body";
    // zod reports a bad record key as "Invalid key in record"; the key's own rule says why.
    const message =
      issue.code === "invalid_key" && issue.issues[0] ? issue.issues[0].message : issue.message;
    fields[key] ??= message;
  }
  return fields;
}
