import { loadSteps, memoiseStep, parkRun, updateOwnedRun } from "@/db/queries/executor-runs";
import { nextWaitExpiry, takeExpiredWaits } from "@/db/queries/executor-waits";
import type { TExecutorRun, TPendingStep, TStepResult } from "@/db/schema";
import { retryDelayMs } from "./backoff";
import { callFunction, serialisedError, type TCallResult } from "./call-function";
import type { TClock } from "./clock";
import type { TRegisteredFunction } from "./function-config";
import type { TServeHandler } from "./in-process-serve";
import { applyDiscoveredOps } from "./apply-discovered-ops";
import { writeFinishedRun, writeOwnedSteps } from "./group-commit";

export type TRunContext = {
  owner: string;
  clock: TClock;
  leaseMs: number;
  callTimeoutMs: number;
  signingKey: string;
  /** Discovery calls let the SDK run several steps and checkpoint them (handle-checkpoint-request.ts). */
  checkpointing: boolean;
  /** The serve handler to call in process for `url`, or null for HTTP (in-process-serve.ts). */
  serveHandler: (url: string) => TServeHandler | null;
  functions: () => Promise<Map<string, TRegisteredFunction>>;
  log: (line: string) => void;
};

/** Calls one run may make before it goes back in the queue, so one long run cannot starve others. */
const CALLS_PER_TURN = 100;

type TStepOutcome = { memo: TStepResult } | { retry: TPendingStep } | { fail: string };

function stepOutcome(
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

/**
 * Advances one claimed run as far as it can go now: resolves due timers, executes planned steps
 * (in parallel), and calls the function to discover what comes next, until the run completes,
 * fails, or waits (sleep, event, retry backoff). Every write is guarded by the lease.
 */
export async function processRun(run: TExecutorRun, ctx: TRunContext): Promise<void> {
  const { owner } = ctx;
  const fail = async (error: string) => {
    // A run cancelled meanwhile (a checkpoint answered 409, the SDK stopped) is not a failure.
    if (await writeFinishedRun(run.id, owner, { status: "failed", error }))
      ctx.log(`run ${run.id} (${run.functionId}) failed: ${error}`);
  };
  const fn = (await ctx.functions()).get(run.functionId);
  if (!fn)
    return fail(`Function "${run.functionId}" is not served by the app (not synced, or removed)`);
  const state = {
    pending: run.pending,
    attempt: run.attempt,
    parallel: run.parallel,
    seenSteps: run.seenSteps,
  };
  const park = (readyAt: number, status: "queued" | "waiting") =>
    parkRun(run, owner, state, new Date(readyAt), status);
  // The claim just set the lease; renew it when a quarter of it has gone.
  let renewedAt = Date.now();
  const keepLease = async () => {
    if (Date.now() - renewedAt < ctx.leaseMs / 4) return true;
    renewedAt = Date.now();
    return updateOwnedRun(run.id, owner, {}, { leaseMs: ctx.leaseMs });
  };
  type TMemo = Awaited<ReturnType<typeof loadSteps>>[number];
  let steps: TMemo[] | null = null;
  // A run never called before has no waits to check. (One whose first turn crashed may have some:
  // its next discovery reports them again, which switches the checks back on.)
  const fresh =
    run.seenSteps === -1 &&
    run.attempt === 0 &&
    run.pending.length === 0 &&
    run.status === "queued";
  // Memoises under the lease and keeps the in-memory list in step; false: cancelled or lease lost.
  const memoise = async (ms: TMemo[]) => {
    if (!ms.length) return true;
    if (!(await writeOwnedSteps(run.id, owner, ms))) return false;
    for (const m of ms) if (steps && !steps.some((s) => s.stepId === m.stepId)) steps.push(m);
    return true;
  };
  // Only a run with timers or waits can be changed by others (an event resuming it); such a run
  // rereads its steps on every turn, any other keeps them in memory.
  let mayWait = !fresh;
  const call = (
    stepId: string,
    attempt: number,
    memo: TMemo[],
    disableImmediateExecution: boolean,
  ) =>
    callFunction({
      url: fn.url,
      stepId,
      runId: run.id,
      attempt,
      maxAttempts: fn.maxAttempts,
      event: run.event,
      steps: memo,
      disableImmediateExecution,
      // The lease owner names the "queue item": checkpoints are memoised only while it holds the run.
      checkpoint:
        ctx.checkpointing && stepId === "step"
          ? { fnId: run.functionId, queueItemId: owner }
          : null,
      signingKey: ctx.signingKey,
      timeoutMs: ctx.callTimeoutMs,
      handler: ctx.serveHandler(fn.url),
    });

  for (let calls = 0; calls < CALLS_PER_TURN;) {
    const now = await ctx.clock.now();
    if (mayWait) {
      for (const w of await takeExpiredWaits(run.id, new Date(now)))
        await memoiseStep(run.id, w.stepId, { data: null });
      steps = null;
    }
    // A fresh run has no steps yet: nothing to read.
    steps ??= fresh && calls === 0 ? [] : await loadSteps(run.id);
    // A step memoised just before a crash must not run again.
    const done = new Set(steps.map((m) => m.stepId));
    state.pending = state.pending.filter((p) => !done.has(p.id));

    const due = state.pending.filter((p) => (p.retryAt ?? 0) <= now);
    if (due.length) {
      if (!(await keepLease())) return;
      const memo = steps;
      const results = await Promise.all(due.map((p) => call(p.id, p.attempt, memo, true)));
      calls += due.length;
      const later = state.pending.filter((p) => !due.includes(p));
      for (const [i, p] of due.entries()) {
        const outcome = stepOutcome(results[i]!, p, fn, now);
        if ("fail" in outcome) return fail(outcome.fail);
        if ("retry" in outcome) later.push(outcome.retry);
        else if (!(await memoise([{ stepId: p.id, result: outcome.memo }]))) return;
      }
      state.pending = later;
      if (!(await updateOwnedRun(run.id, owner, { pending: state.pending }))) return;
      continue;
    }
    if (state.pending.length)
      return void (await park(Math.min(...state.pending.map((p) => p.retryAt ?? now)), "waiting"));

    if (mayWait) {
      const waitUntil = await nextWaitExpiry(run.id);
      mayWait = waitUntil !== null;
      if (waitUntil && steps.length === state.seenSteps)
        return void (await park(waitUntil.getTime(), "waiting"));
    }

    // No planned step is left here, so any parallel group is done: the SDK may run steps at once
    // again (Inngest clears disable_immediate_execution then, for request version 2).
    state.parallel = false;
    if (!(await keepLease())) return;
    const r = await call("step", state.attempt, steps, state.parallel);
    calls++;
    state.seenSteps = steps.length;
    if (r.kind === "completed")
      return void (await writeFinishedRun(run.id, owner, {
        status: "completed",
        output: r.output,
      }));
    if (r.kind === "error") {
      if (!r.retriable || state.attempt + 1 >= fn.maxAttempts) return fail(r.error);
      state.attempt += 1;
      state.seenSteps = -1;
      ctx.log(
        `run ${run.id} (${run.functionId}) attempt ${state.attempt} failed, will retry: ${r.error}`,
      );
      return void (await park(now + retryDelayMs(state.attempt, r.retryAfter, now), "waiting"));
    }
    const before = JSON.stringify([state.pending, state.parallel, state.attempt]);
    state.attempt = 0;
    const applied = await applyDiscoveredOps(run, fn, r.ops, now, state);
    if (applied.error) return fail(applied.error);
    if (applied.completed) {
      if (!(await memoise(applied.memos))) return;
      return void (await writeFinishedRun(run.id, owner, {
        status: "completed",
        output: applied.completed.output,
      }));
    }
    if (ctx.checkpointing) {
      // The SDK went past the steps it checkpointed during the call: they count as seen (or the
      // run would be called again before parking on its sleep or wait).
      steps = await loadSteps(run.id);
      state.seenSteps = steps.length;
    }
    if (!(await memoise(applied.memos))) return;
    if (applied.parked) mayWait = true;
    // Only planned steps, the parallel flag and the attempt need storing: all else is rediscovered.
    if (
      before !== JSON.stringify([state.pending, state.parallel, state.attempt]) &&
      !(await updateOwnedRun(run.id, owner, state))
    )
      return;
  }
  await park(await ctx.clock.now(), "queued");
}
