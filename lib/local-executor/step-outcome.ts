import type { TPendingStep, TStepResult } from "@/db/schema";
import { retryDelayMs } from "./backoff";
import { serialisedError, type TCallResult } from "./call-function";
import type { TRegisteredFunction } from "./function-config";

/** What answering one planned step means for the run: a result to memoise, a retry, or a defect. */
export type TStepOutcome = { memo: TStepResult } | { retry: TPendingStep } | { fail: string };

/** Reads the SDK's answer to a call that asked it to run planned step `p`. */
export function stepOutcome(
  r: TCallResult,
  p: TPendingStep,
  fn: TRegisteredFunction,
  now: number,
): TStepOutcome {
  const retryOrGiveUp = (error: unknown, retryAfter: string | null): TStepOutcome =>
    p.attempt + 1 < fn.maxAttempts
      ? {
          retry: {
            id: p.id,
            attempt: p.attempt + 1,
            retryAt: now + retryDelayMs(p.attempt + 1, retryAfter, now),
          },
        }
      : { memo: { error: serialisedError(error) } };
  if (r.kind === "error")
    return r.retriable
      ? retryOrGiveUp({ name: "Error", message: r.error }, r.retryAfter)
      : { memo: { error: { name: "Error", message: r.error } } };
  if (r.kind === "completed")
    return { fail: `The SDK finished the function while asked to run step ${p.id}` };
  const op = r.ops.find((o) => o.id === p.id);
  if (!op)
    return {
      fail: `The SDK answered step ${p.id} with ${r.ops.map((o) => o.op).join(", ") || "nothing"}`,
    };
  if (op.op === "StepRun") return { memo: { data: op.data ?? null } };
  if (op.op === "StepError") return retryOrGiveUp(op.error, null);
  if (op.op === "StepFailed") return { memo: { error: serialisedError(op.error) } };
  return { fail: `Unsupported opcode "${op.op}" answering step ${p.id}` };
}
