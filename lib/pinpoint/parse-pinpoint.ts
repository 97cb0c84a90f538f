import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { findNul } from "@/lib/validation/find-nul";
import { zodFields } from "@/lib/validation/zod-fields";

/**
 * Validates a Pinpoint request body; a failure is a 400 naming the field (BadRequestException).
 * NUL anywhere, keys included, is refused first: PostgreSQL's text and jsonb cannot hold it.
 */
export function parsePinpoint<T extends z.ZodType>(schema: T, json: unknown): z.infer<T> {
  const nul = findNul(json);
  if (nul) throw new ValidationError({ [nul]: "must not contain the NUL character (\\u0000)" });
  const parsed = schema.safeParse(json ?? {});
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  return parsed.data;
}
