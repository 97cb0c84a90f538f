import { loadSteps, memoiseStep, parkRun, updateOwnedRun } from "@/db/queries/executor-runs";
import { nextWaitExpiry, takeExpiredWaits } from "@/db/queries/executor-waits";
import type { TExecutorRun, TPendingStep } from "@/db/schema";
import { retryDelayMs } from "./backoff";
import { callFunction } from "./call-function";
import type { TClock } from "./clock";
import type { TRegisteredFunction } from "./function-config";
import type { TServeHandler } from "./in-process-serve";
import { applyDiscoveredOps } from "./apply-discovered-ops";
import { writeFinishedRun, writeOwnedSteps } from "./group-commit";
import { stepOutcome } from "./step-outcome";

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
  /**
   * True once the process is shutting down: a turn ends at its next step boundary and hands the
   * run back (lease released, due now), so another process takes it over at once.
   */
  stopping?: () => boolean;
};

/** Calls one run may make before it goes back in the queue, so one long run cannot starve others. */
const CALLS_PER_TURN = 100;

type TMemo = Awaited<ReturnType<typeof loadSteps>>[number];
/** What a step of the turn says: carry on, or the turn is over (parked, finished, failed or lost). */
type TNext = "continue" | "stop";

/**
 * Advances one claimed run as far as it can go now: resolves due timers, executes planned steps
 * (in parallel), and calls the function to discover what comes next, until the run completes,
 * fails, or waits (sleep, event, retry backoff). Every write is guarded by the lease.
 */
export async function processRun(run: TExecutorRun, ctx: TRunContext): Promise<void> {
  const fn = (await ctx.functions()).get(run.functionId);
  if (!fn)
    return failRun(
      run,
      ctx,
      `Function "${run.functionId}" is not served by the app (not synced, or removed)`,
    );
  await new RunTurn(run, fn, ctx).advance();
}

async function failRun(run: TExecutorRun, ctx: TRunContext, error: string) {
  // A run cancelled meanwhile (a checkpoint answered 409, the SDK stopped) is not a failure.
  if (await writeFinishedRun(run.id, ctx.owner, { status: "failed", error }))
    ctx.log(`run ${run.id} (${run.functionId}) failed: ${error}`);
}

/** One turn of one run: the run's state as this process holds it while it owns the lease. */
class RunTurn {
  private readonly state: Pick<TExecutorRun, "pending" | "attempt" | "parallel" | "seenSteps">;
  // The claim just set the lease; renew it when a quarter of it has gone.
  private renewedAt = Date.now();
  private steps: TMemo[] | null = null;
  // Only a run with timers or waits can be changed by others (an event resuming it); such a run
  // rereads its steps on every turn, any other keeps them in memory. A run never called before
  // has no waits to check. (One whose first turn crashed may have some: its next discovery
  // reports them again, which switches the checks back on.)
  private mayWait: boolean;
  // A fresh run has no steps yet: its first read is skipped.
  private unread: boolean;

  constructor(
    private readonly run: TExecutorRun,
    private readonly fn: TRegisteredFunction,
    private readonly ctx: TRunContext,
  ) {
    this.state = {
      pending: run.pending,
      attempt: run.attempt,
      parallel: run.parallel,
      seenSteps: run.seenSteps,
    };
    const fresh =
      run.seenSteps === -1 &&
      run.attempt === 0 &&
      run.pending.length === 0 &&
      run.status === "queued";
    this.mayWait = !fresh;
    this.unread = fresh;
  }

  async advance(): Promise<void> {
    const { state } = this;
    for (let calls = 0; calls < CALLS_PER_TURN;) {
      if (this.ctx.stopping?.()) return this.park(await this.ctx.clock.now(), "queued");
      const now = await this.ctx.clock.now();
      const steps = await this.loadSteps(now);
      const due = state.pending.filter((p) => (p.retryAt ?? 0) <= now);
      if (due.length) {
        calls += due.length;
        if ((await this.runDueSteps(due, steps, now)) === "stop") return;
        continue;
      }
      if (state.pending.length)
        return this.park(Math.min(...state.pending.map((p) => p.retryAt ?? now)), "waiting");
      if ((await this.parkUntilWaitEnds(steps)) === "stop") return;
      calls++;
      if ((await this.discover(steps, now)) === "stop") return;
    }
    await this.park(await this.ctx.clock.now(), "queued");
  }

  /** Resolves expired waits, (re)reads the memoised steps, and drops planned steps already done. */
  private async loadSteps(now: number): Promise<TMemo[]> {
    if (this.mayWait) {
      for (const w of await takeExpiredWaits(this.run.id, new Date(now)))
        await memoiseStep(this.run.id, w.stepId, { data: null });
      this.steps = null;
    }
    if (this.unread) this.steps ??= [];
    this.unread = false;
    this.steps ??= await loadSteps(this.run.id);
    // A step memoised just before a crash must not run again.
    const done = new Set(this.steps.map((m) => m.stepId));
    this.state.pending = this.state.pending.filter((p) => !done.has(p.id));
    return this.steps;
  }

  /** Runs the planned steps that are due, side by side, and records each one's outcome. */
  private async runDueSteps(due: TPendingStep[], steps: TMemo[], now: number): Promise<TNext> {
    const { state } = this;
    if (!(await this.keepLease())) return "stop";
    const results = await Promise.all(due.map((p) => this.call(p.id, p.attempt, steps, true)));
    const later = state.pending.filter((p) => !due.includes(p));
    for (const [i, p] of due.entries()) {
      const outcome = stepOutcome(results[i]!, p, this.fn, now);
      if ("fail" in outcome) return this.fail(outcome.fail);
      if ("retry" in outcome) later.push(outcome.retry);
      else if (!(await this.memoise([{ stepId: p.id, result: outcome.memo }]))) return "stop";
    }
    state.pending = later;
    if (!(await updateOwnedRun(this.run.id, this.ctx.owner, { pending: state.pending })))
      return "stop";
    return "continue";
  }

  /** A run whose only news can come from a timer or an event sleeps until the next one is due. */
  private async parkUntilWaitEnds(steps: TMemo[]): Promise<TNext> {
    if (!this.mayWait) return "continue";
    const waitUntil = await nextWaitExpiry(this.run.id);
    this.mayWait = waitUntil !== null;
    if (waitUntil && steps.length === this.state.seenSteps) {
      await this.park(waitUntil.getTime(), "waiting");
      return "stop";
    }
    return "continue";
  }

  /** Calls the function to learn what comes next, and records it. */
  private async discover(steps: TMemo[], now: number): Promise<TNext> {
    const { state, run, fn } = this;
    // No planned step is left here, so any parallel group is done: the SDK may run steps at once
    // again (Inngest clears disable_immediate_execution then, for request version 2).
    state.parallel = false;
    if (!(await this.keepLease())) return "stop";
    const r = await this.call("step", state.attempt, steps, state.parallel);
    state.seenSteps = steps.length;
    if (r.kind === "completed") {
      await writeFinishedRun(run.id, this.ctx.owner, { status: "completed", output: r.output });
      return "stop";
    }
    if (r.kind === "error") {
      if (!r.retriable || state.attempt + 1 >= fn.maxAttempts) return this.fail(r.error);
      state.attempt += 1;
      state.seenSteps = -1;
      this.ctx.log(
        `run ${run.id} (${run.functionId}) attempt ${state.attempt} failed, will retry: ${r.error}`,
      );
      await this.park(now + retryDelayMs(state.attempt, r.retryAfter, now), "waiting");
      return "stop";
    }
    const before = JSON.stringify([state.pending, state.parallel, state.attempt]);
    state.attempt = 0;
    const applied = await applyDiscoveredOps(run, fn, r.ops, now, state);
    if (applied.error) return this.fail(applied.error);
    if (applied.completed) {
      if (!(await this.memoise(applied.memos))) return "stop";
      await writeFinishedRun(run.id, this.ctx.owner, {
        status: "completed",
        output: applied.completed.output,
      });
      return "stop";
    }
    if (this.ctx.checkpointing) {
      // The SDK went past the steps it checkpointed during the call: they count as seen (or the
      // run would be called again before parking on its sleep or wait).
      this.steps = await loadSteps(run.id);
      state.seenSteps = this.steps.length;
    }
    if (!(await this.memoise(applied.memos))) return "stop";
    if (applied.parked) this.mayWait = true;
    // Only planned steps, the parallel flag and the attempt need storing: all else is rediscovered.
    if (
      before !== JSON.stringify([state.pending, state.parallel, state.attempt]) &&
      !(await updateOwnedRun(run.id, this.ctx.owner, state))
    )
      return "stop";
    return "continue";
  }

  private async fail(error: string): Promise<TNext> {
    await failRun(this.run, this.ctx, error);
    return "stop";
  }

  private async park(readyAt: number, status: "queued" | "waiting") {
    await parkRun(this.run, this.ctx.owner, this.state, new Date(readyAt), status);
  }

  private async keepLease() {
    if (Date.now() - this.renewedAt < this.ctx.leaseMs / 4) return true;
    this.renewedAt = Date.now();
    return updateOwnedRun(this.run.id, this.ctx.owner, {}, { leaseMs: this.ctx.leaseMs });
  }

  // Memoises under the lease and keeps the in-memory list in step; false: cancelled or lease lost.
  private async memoise(ms: TMemo[]) {
    if (!ms.length) return true;
    if (!(await writeOwnedSteps(this.run.id, this.ctx.owner, ms))) return false;
    for (const m of ms)
      if (this.steps && !this.steps.some((s) => s.stepId === m.stepId)) this.steps.push(m);
    return true;
  }

  private call(stepId: string, attempt: number, memo: TMemo[], disableImmediateExecution: boolean) {
    const { run, fn, ctx } = this;
    const { owner } = ctx;
    return callFunction({
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
  }
}
