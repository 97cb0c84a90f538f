import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
import { zodFields } from "@/lib/validation/zod-fields";
import { log } from "@/lib/log/logger";

export { zodFields };

export type TErrorBody = {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    [detail: string]: unknown;
  };
};

export function errorJson(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
  details?: Record<string, unknown>,
) {
  return NextResponse.json<TErrorBody>(
    { error: { ...details, code, message, ...(fields ? { fields } : {}) } },
    { status },
  );
}

/** Expected errors become their status; anything else is logged and answered with a bare 500. */
export function errorResponse(err: unknown): Response {
  if (err instanceof AppError)
    return errorJson(err.status, err.code, err.message, err.fields, err.details);
  log.error("unexpected error", { err });
  return errorJson(500, "internal_error", "Something went wrong on our side");
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON body and validates it; every failure is a 400 naming the field. `maxBytes` raises
 * the 64 KB limit for the few bodies that carry a file (a CSV of user ids).
 */
export async function parseJson<T extends z.ZodType>(
  req: Request,
  schema: T,
  { maxBytes = MAX_BODY_BYTES } = {},
): Promise<z.infer<T>> {
  if (!req.headers.get("content-type")?.toLowerCase().includes("application/json")) {
    throw new ValidationError({ body: "Send a JSON body with Content-Type: application/json" });
  }
  const text = await req.text();
  if (text.length > maxBytes)
    throw new AppError(413, "payload_too_large", "Request body is too large");
  return parseJsonText(text, schema);
}

/** Validates a body already read (by withApiKey, which caps its size). */
export function parseJsonText<T extends z.ZodType>(text: string, schema: T): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ValidationError({ body: "Body is not valid JSON" });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  return parsed.data;
}
