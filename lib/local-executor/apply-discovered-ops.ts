import { insertWait } from "@/db/queries/executor-waits";
import type { TExecutorRun, TPendingStep, TStepResult } from "@/db/schema";
import { retryDelayMs } from "./backoff";
import { serialisedError, type TOp } from "./call-function";
import { compileExpression } from "./cel-subset";
import type { TRegisteredFunction } from "./function-config";
import { parseTimeString, sleepUntil } from "./parse-time-string";

type TState = { pending: TPendingStep[]; parallel: boolean };
export type TApplied = {
  error: string | null;
  memos: { stepId: string; result: TStepResult }[];
  parked: boolean;
};

/**
 * Records what a discovery call reported: results of steps the SDK ran at once, steps planned for
 * their own call, timers and event waits. Returns an error message for anything it cannot honour
 * (an unknown opcode, an `if` outside the supported subset), which fails the run. Step results
 * are returned for the caller to memoise under its lease; timers and waits are stored here.
 */
export async function applyDiscoveredOps(
  run: TExecutorRun,
  fn: TRegisteredFunction,
  ops: TOp[],
  now: number,
  state: TState,
): Promise<TApplied> {
  const out: TApplied = { error: null, memos: [], parked: false };
  const refuse = (error: string) => ({ ...out, error });
  if (!ops.length) return refuse("The SDK answered 206 with no steps");
  // Once steps were reported side by side, the SDK must plan every later step before running it.
  if (ops.length > 1) state.parallel = true;
  const plan = (p: TPendingStep) => {
    if (!state.pending.some((q) => q.id === p.id)) state.pending.push(p);
  };
  for (const op of ops) {
    switch (op.op) {
      case "StepRun":
        out.memos.push({ stepId: op.id, result: { data: op.data ?? null } });
        break;
      case "StepError":
        // A step the SDK ran at once failed: retry it as a planned step after a backoff.
        if (fn.maxAttempts > 1)
          plan({ id: op.id, attempt: 1, retryAt: now + retryDelayMs(1, null, now) });
        else out.memos.push({ stepId: op.id, result: { error: serialisedError(op.error) } });
        break;
      case "StepFailed":
        out.memos.push({ stepId: op.id, result: { error: serialisedError(op.error) } });
        break;
      case "StepPlanned":
        plan({ id: op.id, attempt: 0 });
        break;
      case "Sleep": {
        if (!op.name) return refuse(`Sleep step ${op.id} has no duration`);
        out.parked = true;
        await insertWait({
          runId: run.id,
          stepId: op.id,
          kind: "sleep",
          eventName: null,
          expression: null,
          expiresAt: new Date(sleepUntil(op.name, now)),
        });
        break;
      }
      case "WaitForEvent": {
        const opts = op.opts ?? {};
        const timeout = typeof opts.timeout === "string" ? parseTimeString(opts.timeout) : null;
        if (!op.name || timeout === null)
          return refuse(`waitForEvent step ${op.id} needs an event name and a timeout`);
        out.parked = true;
        const expression = typeof opts.if === "string" ? opts.if : null;
        if (expression) {
          try {
            compileExpression(expression);
          } catch (err) {
            return refuse((err as Error).message);
          }
        }
        await insertWait({
          runId: run.id,
          stepId: op.id,
          kind: "event",
          eventName: op.name,
          expression,
          expiresAt: new Date(now + timeout),
        });
        break;
      }
      default:
        return refuse(
          `Unsupported opcode "${op.op}" (step ${op.id}${op.displayName ? `, "${op.displayName}"` : ""}); the local executor handles StepRun, StepPlanned, StepError, StepFailed, Sleep and WaitForEvent`,
        );
    }
  }
  return out;
}
