import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { zodFields } from "@/lib/validation/zod-fields";

/** Validates a Pinpoint request body; a failure is a 400 naming the field (BadRequestException). */
export function parsePinpoint<T extends z.ZodType>(schema: T, json: unknown): z.infer<T> {
  const parsed = schema.safeParse(json ?? {});
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  return parsed.data;
}
