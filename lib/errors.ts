/**
 * Errors the domain raises on purpose. Route wrappers turn them into HTTP answers; anything else
 * is an unexpected failure, logged and answered with a bare 500 that reveals nothing.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** More the client needs, sent beside `fields` (a graph's defects, each with its nodes). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(
    fields: Record<string, string>,
    message = Object.values(fields)[0] ?? "Invalid input",
  ) {
    super(400, "validation_error", message, fields);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "Your role does not allow this") {
    super(403, "forbidden", message);
  }
}
export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(404, "not_found", message);
  }
}
/**
 * What a 409 is about, so the app words it in the viewer's language (`errors.conflicts.<code>`,
 * with `values`) where the code alone would only say "someone else changed this". `message`
 * keeps the English for API callers. `state` values are the object's status, worded from the
 * catalogue's status names.
 */
export const CONFLICT_REASONS = [
  "name_taken",
  "key_taken",
  "app_id_taken",
  "in_use",
  "changed_meanwhile",
  "journey_stopped",
  "journey_state",
  "journey_not_stopped",
  "journey_not_api",
  "run_not_active",
  "run_ended",
  "run_not_failed",
  "runs_on_inngest",
  "import_expired",
  "import_started",
  "last_admin",
  "campaign_state",
  "campaign_run_exists",
] as const;
export type TConflictReason = {
  code: (typeof CONFLICT_REASONS)[number];
  values?: Record<string, string | number>;
};

export class ConflictError extends AppError {
  constructor(message: string, fields?: Record<string, string>, reason?: TConflictReason) {
    super(409, "conflict", message, fields, reason ? { reason } : undefined);
  }
}
export class GoneError extends AppError {
  constructor(message: string) {
    super(410, "gone", message);
  }
}

/** True for a unique-constraint violation from pg or PGlite (drizzle may wrap it as `cause`). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const {
      code,
      constraint: c,
      message,
    } = e as { code?: string; constraint?: string; message?: string };
    if (code === "23505")
      return !constraint || c === constraint || Boolean(message?.includes(constraint));
  }
  return false;
}

/**
 * True for a deadlock (40P01) or serialization failure (40001) from pg or PGlite: two
 * transactions crossed, and repeating the losing one on what the other committed may succeed.
 */
export function isTransactionConflict(err: unknown): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code } = e as { code?: string };
    if (code === "40P01" || code === "40001") return true;
  }
  return false;
}
