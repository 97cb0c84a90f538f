import { z } from "zod";
import type { TStepResult } from "@/db/schema";
import { currentTraceCarrier } from "@/lib/tracing/trace-context";
import { canonicalJson } from "./canonical-json";
import type { TServeHandler } from "./in-process-serve";
import { signRequest } from "./sign-request";

/** One operation in a 206 answer (spec 5.1.1). */
export const ZOp = z
  .object({
    id: z.string().min(1),
    op: z.string().min(1),
    name: z.string().optional(),
    displayName: z.string().optional(),
    opts: z.record(z.string(), z.unknown()).nullish(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
  })
  .passthrough();
export type TOp = z.infer<typeof ZOp>;

export type TCallResult =
  | { kind: "completed"; output: unknown }
  | { kind: "ops"; ops: TOp[] }
  | { kind: "error"; retriable: boolean; retryAfter: string | null; error: string };

export type TCallRequest = {
  url: string;
  /** "step" to discover, or a hashed step id to run that step. */
  stepId: string;
  runId: string;
  attempt: number;
  maxAttempts: number;
  event: Record<string, unknown>;
  steps: { stepId: string; result: TStepResult }[];
  disableImmediateExecution: boolean;
  /**
   * Lets the SDK run several steps in this request and checkpoint each result (inngest 4.x async
   * checkpointing): `fnId` switches it on, `queueItemId` names the lease the checkpoints are
   * memoised under. Null: one step per request, results only in the answer (the pre-4.x flow).
   */
  checkpoint: { fnId: string; queueItemId: string } | null;
  signingKey: string;
  timeoutMs: number;
  /** The serve handler in this process (in-process-serve.ts); null: over HTTP to `url`. */
  handler?: TServeHandler | null;
};

/** `name: message` of a serialised error (the SDK's `{ name, message, stack }`). */
export function errorText(raw: unknown): string {
  if (raw && typeof raw === "object") {
    const e = raw as { name?: unknown; message?: unknown; error?: unknown };
    const message =
      typeof e.message === "string"
        ? e.message
        : typeof e.error === "string"
          ? e.error
          : JSON.stringify(raw);
    return typeof e.name === "string" && e.name ? `${e.name}: ${message}` : message;
  }
  return String(raw);
}

/**
 * One call request (spec 4.4) over HTTP: the body the SDK parses (event, events, memoised steps,
 * ctx), canonical JSON signed with the signing key. With `ctx.fn_id` (and `qi_id`) SDK 4.x
 * checkpoints step results to `/v1/checkpoint/{runId}/async` (handle-checkpoint-request.ts), which
 * must be reachable from the app's Inngest client, and answers RunComplete in a 206.
 */
export async function callFunction(req: TCallRequest): Promise<TCallResult> {
  const url = new URL(req.url);
  url.searchParams.set("stepId", req.stepId);
  const ids = req.steps.map((s) => s.stepId);
  const body = canonicalJson({
    event: req.event,
    events: [req.event],
    steps: Object.fromEntries(req.steps.map((s) => [s.stepId, s.result])),
    ctx: {
      run_id: req.runId,
      attempt: req.attempt,
      max_attempts: req.maxAttempts,
      disable_immediate_execution: req.disableImmediateExecution,
      ...(req.checkpoint ? { fn_id: req.checkpoint.fnId, qi_id: req.checkpoint.queueItemId } : {}),
      use_api: false,
      stack: { stack: ids, current: Math.max(0, ids.length - 1) },
    },
    version: 2,
  });
  const init = {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-inngest-signature": signRequest(body, req.signingKey),
      "x-run-id": req.runId,
      "x-inngest-req-version": "2",
      // As Inngest's server does: the app's side (Next.js's request span, the SDK) continues the
      // executor turn's trace.
      ...currentTraceCarrier(),
    },
  };
  let res: Response;
  try {
    res = req.handler
      ? await withTimeout(req.handler(new Request(url, init)), req.timeoutMs)
      : await fetch(url, { ...init, signal: AbortSignal.timeout(req.timeoutMs) });
  } catch (err) {
    return {
      kind: "error",
      retriable: true,
      retryAfter: null,
      error: `Could not reach ${url.origin}${url.pathname}: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  if (res.status === 200) return { kind: "completed", output: json };
  if (res.status === 206) {
    const ops = z.array(ZOp).safeParse(json);
    if (!ops.success)
      return {
        kind: "error",
        retriable: false,
        retryAfter: null,
        error: `Unreadable 206 answer from the SDK: ${text.slice(0, 300)}`,
      };
    return { kind: "ops", ops: ops.data };
  }
  const noRetry = res.headers.get("x-inngest-no-retry") === "true";
  const why =
    res.status === 401
      ? "the serve endpoint refused the request signature (different signing key?)"
      : errorText(json);
  return {
    kind: "error",
    retriable: !noRetry,
    retryAfter: res.headers.get("retry-after"),
    error: `HTTP ${res.status}: ${why}`,
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The `{ name, message, stack? }` an SDK reads back from a memoised step error. */
export function serialisedError(raw: unknown): { name: string; message: string; stack?: string } {
  if (raw && typeof raw === "object") {
    const e = raw as { name?: unknown; message?: unknown; stack?: unknown };
    return {
      name: typeof e.name === "string" ? e.name : "Error",
      message: typeof e.message === "string" ? e.message : errorText(raw),
      ...(typeof e.stack === "string" ? { stack: e.stack } : {}),
    };
  }
  return { name: "Error", message: String(raw) };
}
