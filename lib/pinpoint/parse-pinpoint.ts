import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { findNul } from "@/lib/validation/find-nul";
import { zodFields } from "@/lib/validation/zod-fields";

/**
 * The path of the first key named `__proto__`. zod skips such a key in a record without a word, so
 * an endpoint or event under it would be answered "Accepted" and never stored.
 */
function findProtoKey(value: unknown, path: string[] = [], depth = 0): string | null {
  if (depth > 64 || !value || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__") return [...path, k].join(".");
    const found = findProtoKey(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Validates a Pinpoint request body; a failure is a 400 naming the field (BadRequestException).
 * NUL anywhere, keys included, is refused first: PostgreSQL's text and jsonb cannot hold it.
 */
export function parsePinpoint<T extends z.ZodType>(schema: T, json: unknown): z.infer<T> {
  const nul = findNul(json);
  if (nul) throw new ValidationError({ [nul]: "must not contain the NUL character (\\u0000)" });
  const proto = findProtoKey(json);
  if (proto) throw new ValidationError({ [proto]: "__proto__ cannot be used as a name or id" });
  const parsed = schema.safeParse(json ?? {});
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  return parsed.data;
}
