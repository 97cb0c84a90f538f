import { NextResponse } from "next/server";
import type { z } from "zod";
import { databaseFailure, describeDatabaseError } from "@/db/unavailable";
import { AppError, ValidationError } from "@/lib/errors";
import { isJsonContentType } from "@/lib/http/json-content-type";
import { readBodyText } from "@/lib/http/read-body";
import { findNul } from "@/lib/validation/find-nul";
import { zodFields } from "@/lib/validation/zod-fields";
import { requestLocaleFromHeaders, zodErrorMap } from "@/lib/i18n/zod-errors";
import type { TLocale } from "@/lib/i18n/locales";
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

/**
 * Expected errors become their status; a database that cannot answer is a 503 with Retry-After
 * (the client should come back, nothing is wrong with its request); anything else is logged and
 * answered with a bare 500.
 */
export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const res = errorJson(err.status, err.code, err.message, err.fields, err.details);
    const retryAfter = err.details?.retryAfterSeconds;
    if (err.status === 429 && typeof retryAfter === "number")
      res.headers.set("retry-after", String(retryAfter));
    return res;
  }
  const db = databaseFailure(err);
  if (db) {
    log.error(`database ${db}`, { err: describeDatabaseError(err) });
    const res =
      db === "timeout"
        ? errorJson(503, "query_timeout", "This took too long; try a narrower query or again later")
        : db === "read_only"
          ? errorJson(
              503,
              "database_read_only",
              "The database is not accepting changes (read-only or out of disk space); nothing was saved, try again later",
            )
          : errorJson(
              503,
              "database_unavailable",
              "The database is unavailable; try again shortly",
            );
    res.headers.set("retry-after", "5");
    return res;
  }
  log.error("unexpected error", { err });
  return errorJson(500, "internal_error", "Something went wrong on our side");
}

/**
 * PostgreSQL text cannot hold U+0000: a query parameter carrying one (`?q=%00`) is refused with a
 * 400 naming it before any handler passes it to a query. The wrappers call this for every route.
 */
export function assertNoNulInQuery(req: Request) {
  for (const [name, value] of new URL(req.url).searchParams)
    if (value.includes("\u0000") || name.includes("\u0000"))
      throw new ValidationError({
        [name.replaceAll("\u0000", "\\u0000")]: "must not contain the NUL character (\\u0000)",
      });
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON body through the one body reader (bytes counted after any gzip/deflate, 413 past
 * `maxBytes`) and validates it; every failure is a 400 naming the field. `maxBytes` raises the
 * 64 KB limit for the few bodies that carry a file (a CSV of user ids). The content type must be
 * exactly application/json (415 otherwise): a cross-site form cannot send it without a preflight.
 */
export async function parseJson<T extends z.ZodType>(
  req: Request,
  schema: T,
  { maxBytes = MAX_BODY_BYTES } = {},
): Promise<z.infer<T>> {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new AppError(
      415,
      "unsupported_media_type",
      "Send a JSON body with Content-Type: application/json",
      { body: "Send a JSON body with Content-Type: application/json" },
    );
  }
  return parseJsonText(
    await readBodyText(req, { maxBytes }),
    schema,
    requestLocaleFromHeaders(req.headers),
  );
}

/** Validates a body already read (by withApiKey, which caps its size). */
export function parseJsonText<T extends z.ZodType>(
  text: string,
  schema: T,
  locale: TLocale = "en",
): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ValidationError({ body: "Body is not valid JSON" });
  }
  // PostgreSQL text cannot hold U+0000: refused here, naming where, rather than failing the query.
  const nul = findNul(raw);
  if (nul) throw new ValidationError({ [nul]: "must not contain the NUL character (\\u0000)" });
  // zod's built-in messages in the caller's language (the UI's cookie, else Accept-Language).
  const parsed = schema.safeParse(
    raw,
    locale === "en" ? undefined : { error: zodErrorMap(locale) },
  );
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  return parsed.data;
}
