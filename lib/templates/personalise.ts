import type { Template } from "liquidjs";
import { ValidationError } from "@/lib/errors";
import { hasLiquid, liquidEngine, parseLiquid, type TLiquidMode } from "./liquid-engine";
import { missingValueIn } from "./missing-value";

/** One text field of a template version, parsed once; `templates` is null for plain text with no Liquid. */
export type TLiquidField = {
  path: string;
  mode: TLiquidMode;
  source: string;
  templates: Template[] | null;
};

export type TSyntaxError = { path: string; line: number; column: number; message: string };

/** Line, column and bare message of a LiquidJS parse error (its message repeats the position). */
export function syntaxErrorOf(path: string, err: unknown): TSyntaxError {
  const e = err as {
    message?: string;
    originalError?: Error;
    token?: { getPosition?: () => [number, number] };
  };
  const [line, column] = e.token?.getPosition?.() ?? [1, 1];
  const message = (e.originalError?.message ?? e.message ?? String(err)).replace(
    /, line:\d+, col:\d+$/,
    "",
  );
  return { path, line, column, message };
}

/** Parses a field or throws the syntax error (null when fine): shared by compile and analysis. */
export function tryCompileField(
  path: string,
  mode: TLiquidMode,
  source: string,
): TLiquidField | TSyntaxError {
  if (!hasLiquid(source)) return { path, mode, source, templates: null };
  try {
    return { path, mode, source, templates: parseLiquid(mode, source) };
  } catch (err) {
    return syntaxErrorOf(path, err);
  }
}

export function compileField(path: string, mode: TLiquidMode, source: string): TLiquidField {
  const r = tryCompileField(path, mode, source);
  if ("line" in r)
    throw new ValidationError({ [path]: `${r.message} (line ${r.line}, column ${r.column})` });
  return r;
}

/** Renders a field; throws MissingValueError (see liquid-engine.ts) or LiquidJS's render errors. */
export function renderField(field: TLiquidField, scope: object): string {
  return field.templates === null
    ? field.source
    : liquidEngine(field.mode).renderSync(field.templates, scope);
}

/**
 * Why a send is skipped, as a code and values: the editor words it in the viewer's language
 * (components/templates/use-template-text.ts); `reason` keeps the English for logs and the API.
 */
export type TSkipIssue =
  | { code: "missingValue"; values: { variable: string } }
  | { code: "notSafeLink" | "notHttpUrl" | "notUrl" | "emptyValue"; values: { field: string } }
  | { code: "webhookNotJson"; values: { message: string } }
  | { code: "templateError"; values: { message: string } };

export type TSkipped = { ok: false; reason: string; issue: TSkipIssue };
export type TPersonaliseResult<T> = { ok: true; value: T } | TSkipped;

/** LiquidJS's time limit (LIQUID_RENDER_LIMIT_MS) stopped the render. */
function hitRenderTimeLimit(err: unknown): boolean {
  const e = err as { originalError?: Error; message?: string };
  return /render limit exceeded/.test(e.originalError?.message ?? e.message ?? "");
}

function failure(err: unknown): TSkipped {
  const missing = missingValueIn(err);
  if (missing)
    return {
      ok: false,
      reason: missing.message,
      issue: { code: "missingValue", values: { variable: missing.variable } },
    };
  if (err instanceof PersonaliseError) return { ok: false, reason: err.message, issue: err.issue };
  const e = err as { originalError?: Error; message?: string };
  const message = (e.originalError?.message ?? e.message ?? String(err)).replace(
    /, line:\d+, col:\d+$/,
    "",
  );
  return {
    ok: false,
    reason: `template error: ${message}`,
    issue: { code: "templateError", values: { message } },
  };
}

/**
 * Runs `fn` (which renders fields) and turns a missing value or any render failure into a reason
 * the message log can show: `missing value: contact.firstName`.
 *
 * The render time limit is wall-clock time, so a busy machine that takes the CPU away mid-render
 * can trip it on an ordinary template (seen at a load average of 20: one message in 300 skipped
 * for good). Such a render gets one more go; a template that really loops trips it again, and the
 * message is skipped with the limit as its reason.
 */
export function personalise<T>(fn: () => T): TPersonaliseResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (!hitRenderTimeLimit(err)) return failure(err);
  }
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    return failure(err);
  }
}

type TUnusable = Exclude<TSkipIssue, { code: "missingValue" | "templateError" }>;

/** The English of an unusable result, as the message log and the API show it. */
function unusableReason(issue: TUnusable): string {
  if (issue.code === "webhookNotJson")
    return `webhook body is not valid JSON after personalisation: ${issue.values.message}`;
  const what = {
    notSafeLink: "is not a safe link",
    notHttpUrl: "is not an http(s) URL",
    notUrl: "is not a URL",
    emptyValue: "is empty",
  }[issue.code];
  return `${issue.values.field} ${what} after personalisation`;
}

/** A rendered message that cannot be sent as it came out (e.g. a webhook body that is not JSON). */
export class PersonaliseError extends Error {
  constructor(readonly issue: TUnusable) {
    super(unusableReason(issue));
  }
}
