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
  /** The function returned (RunComplete, after checkpointed steps): finish with this output. */
  completed: { output: unknown } | null;
};

// Ops that report a result already obtained, not something still to do.
const DONE_OPS = new Set(["StepRun", "RunComplete"]);

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
  const out: TApplied = { error: null, memos: [], parked: false, completed: null };
  const refuse = (error: string) => ({ ...out, error });
  if (!ops.length) return refuse("The SDK answered 206 with no steps");
  // Steps reported side by side (a Promise.all): the SDK must plan every step before running it
  // until the group is done, as Inngest sets disable_immediate_execution when an answer has more
  // than one op to act on. Results (StepRun before a RunComplete or a sleep) do not count.
  if (ops.filter((o) => !DONE_OPS.has(o.op)).length > 1) state.parallel = true;
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
      case "RunComplete":
        // Checkpointing SDKs end with a 206 instead of a 200 (steps before it were checkpointed,
        // or are the StepRun ops listed before it).
        out.completed = { output: op.data ?? null };
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
          `Unsupported opcode "${op.op}" (step ${op.id}${op.displayName ? `, "${op.displayName}"` : ""}); the local executor handles StepRun, StepPlanned, StepError, StepFailed, Sleep, WaitForEvent and RunComplete`,
        );
    }
  }
  return out;
}
