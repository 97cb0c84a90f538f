import { finishOwnedRuns, memoiseStepsOfOwnedRuns } from "@/db/queries/executor-runs";
import type { TStepResult } from "@/db/schema";

// Group commit for the executor's hot writes. Runs executing side by side each memoise a result
// every few milliseconds (checkpoints, targeted steps) and then finish; one statement per write
// made PostgreSQL round trips the largest cost per run. Writes arriving while one is in flight
// go together in the next statement, so an idle executor waits for no batch and a busy one writes
// many per statement. A caller's promise resolves once its write is stored (as durable as before:
// the SDK goes on to the next step only after that), with false when the run's lease was lost
// or the run cancelled meanwhile (every write is guarded by the lease, as before).

// Keeps one statement's JSON parameter reasonable.
const MAX_ITEMS = 500;

type TOwned = { runId: string; owner: string };

function groupCommit<T extends TOwned>(
  write: (items: T[]) => Promise<Set<string>>,
): (items: T[]) => Promise<boolean> {
  type TWaiter = { items: T[]; resolve: (owned: boolean) => void; reject: (e: unknown) => void };
  let queue: TWaiter[] = [];
  let writing = false;
  const flush = async () => {
    writing = true;
    try {
      while (queue.length) {
        let n = 0;
        let cut = 0;
        while (cut < queue.length && (cut === 0 || n + queue[cut]!.items.length <= MAX_ITEMS))
          n += queue[cut++]!.items.length;
        const batch = queue.slice(0, cut);
        queue = queue.slice(cut);
        try {
          const owned = await write(batch.flatMap((w) => w.items));
          for (const w of batch) w.resolve(owned.has(`${w.items[0]!.runId} ${w.items[0]!.owner}`));
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      writing = false;
    }
  };
  return (items) =>
    new Promise((resolve, reject) => {
      queue.push({ items, resolve, reject });
      if (!writing) void flush();
    });
}

const stepWriter = groupCommit(memoiseStepsOfOwnedRuns);
const finishWriter = groupCommit(finishOwnedRuns);

/**
 * Memoises results of one run for the lease holder `owner`, batched with other runs' results;
 * false when the run was cancelled or its lease lost. First result per step wins.
 */
export function writeOwnedSteps(
  runId: string,
  owner: string,
  steps: { stepId: string; result: TStepResult }[],
): Promise<boolean> {
  if (!steps.length) throw new Error("writeOwnedSteps needs at least one step");
  return stepWriter(steps.map((s) => ({ runId, owner, ...s })));
}

/** Ends a run for good (lease holder only), batched with other runs ending now. */
export function writeFinishedRun(
  runId: string,
  owner: string,
  result: { status: "completed"; output: unknown } | { status: "failed"; error: string },
): Promise<boolean> {
  return finishWriter([{ runId, owner, result }]);
}
