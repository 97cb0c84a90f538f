import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { memoiseOwnedSteps } from "@/db/queries/executor-runs";
import { writeOwnedSteps } from "./group-commit";
import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/read-body";

// Step outputs are at most 4 MB each in Inngest; a checkpoint carries a few of them.
const MAX_CHECKPOINT_BYTES = 16 * 1024 * 1024;

// Inngest's async checkpoint endpoint (`POST /v1/checkpoint/{runId}/async`), as inngest 4.24.0
// calls it when a discovery request carries `ctx.fn_id`: the SDK runs several steps in one request
// and reports each result here before going on (lib/local-executor/call-function.ts).

const PATH = /^\/v1\/checkpoint\/([^/]+)\/async$/;

// The SDK sends its internal step objects (with `rawArgs`, `promise`, `timing`...): read only what
// the executor stores, ignore the rest.
const ZCheckpoint = z.object({
  run_id: z.string().min(1),
  fn_id: z.string().min(1),
  qi_id: z.string().min(1),
  steps: z.array(
    z.object({ id: z.string().min(1), op: z.string().min(1), data: z.unknown().optional() }),
  ),
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The bearer token the SDK sends for a signing key: prefix + SHA-256 of the hex-decoded key. */
export function hashedSigningKey(signingKey: string): string {
  const prefix = /^signkey-\w+-/.exec(signingKey)?.[0] ?? "";
  const key = signingKey.slice(prefix.length);
  return `${prefix}${createHash("sha256").update(Buffer.from(key, "hex")).digest("hex")}`;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True for the paths of Inngest's checkpoint API (every one must be answered here, never by the app's pages). */
export function isCheckpointPath(pathname: string): boolean {
  return pathname === "/v1/checkpoint" || pathname.startsWith("/v1/checkpoint/");
}

/**
 * Answers one checkpoint call: 200 (empty body) once every `StepRun` is memoised for the lease
 * holder named by `qi_id`; 409 when that worker lost the lease or the run ended (cancelled), so
 * the SDK stops the request (400, no retry) and runs nothing further; 400 for any other opcode,
 * which makes the SDK fall back to returning its steps in the 206 answer; 401 for a wrong key.
 * Sync checkpoints (durable endpoints) are not offered: 404.
 */
export async function handleCheckpointRequest(
  req: Request,
  opts: { signingKey: string },
): Promise<Response> {
  const auth = req.headers.get("authorization") ?? "";
  if (!sameToken(auth, `Bearer ${hashedSigningKey(opts.signingKey)}`))
    return json(401, { error: "Authentication failed" });
  const match = PATH.exec(new URL(req.url).pathname);
  if (!match || req.method !== "POST")
    return json(404, {
      error: "The local executor implements only POST /v1/checkpoint/{runId}/async",
    });
  let raw: unknown;
  try {
    raw = JSON.parse(await readBodyText(req, { maxBytes: MAX_CHECKPOINT_BYTES }));
  } catch (err) {
    if (err instanceof AppError)
      return json(err.status, { error: err.message, status: err.status });
    return json(400, { error: "Body is not JSON" });
  }
  const body = ZCheckpoint.safeParse(raw);
  if (!body.success) {
    const issue = body.error.issues[0];
    return json(400, { error: `${issue?.path.join(".") || "body"}: ${issue?.message}` });
  }
  const runId = decodeURIComponent(match[1]!);
  if (body.data.run_id !== runId)
    return json(400, { error: `run_id ${body.data.run_id} does not match the path (${runId})` });
  const other = body.data.steps.find((s) => s.op !== "StepRun");
  if (other)
    return json(400, {
      error: `Opcode "${other.op}" cannot be checkpointed here; return it in the 206 answer`,
    });
  const steps = body.data.steps.map((s) => ({ stepId: s.id, result: { data: s.data ?? null } }));
  const owned = steps.length
    ? await writeOwnedSteps(runId, body.data.qi_id, steps)
    : await memoiseOwnedSteps(runId, body.data.qi_id, []);
  if (!owned) return json(409, { error: "Stale dispatch: the run's lease has moved on" });
  return new Response(null, { status: 200 });
}
