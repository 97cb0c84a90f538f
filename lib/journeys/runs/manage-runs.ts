import { db } from "@/db";
import { cancelRuns } from "@/db/queries/executor-runs";
import {
  cancelEntry,
  findEntryExecutorRun,
  findJourneyRun,
  reactivateEntry,
  requeueFailedRun,
} from "@/db/queries/journey-runs";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { TExecutorKind } from "@/lib/env";

export const CANCELLED_BY_ADMIN = "cancelled_by_admin";

/**
 * Ends an active run: the entry is cancelled (a send still in flight checks that and skips), and
 * the local executor's run stops at its next write. With Inngest the function may still wake up,
 * but every effect it would have checks the entry first.
 */
export async function cancelJourneyRun(workspaceId: string, entryId: string) {
  const run = await findJourneyRun(workspaceId, entryId);
  if (!run) throw new NotFoundError("No such run in this workspace");
  if (run.entry.status !== "active")
    throw new ConflictError(
      `This run is ${run.entry.status}: only an active run can be cancelled`,
      undefined,
      { code: "run_not_active", values: { state: run.entry.status } },
    );
  await db().transaction(async (tx) => {
    if (!(await cancelEntry(workspaceId, entryId, CANCELLED_BY_ADMIN, tx)))
      throw new ConflictError("This run ended meanwhile", undefined, { code: "run_ended" });
    const executorRun = await findEntryExecutorRun(workspaceId, entryId, tx);
    if (executorRun) await cancelRuns([executorRun.id], CANCELLED_BY_ADMIN, tx);
  });
  return { status: "cancelled" as const };
}

/**
 * Puts a failed local-executor run back in the queue: it replays its memoised steps (nothing is
 * sent twice) and runs the failed step again. Inngest keeps its runs itself, so retries happen there.
 */
export async function retryJourneyRun(
  workspaceId: string,
  entryId: string,
  executor: TExecutorKind,
  now = new Date(),
) {
  const run = await findJourneyRun(workspaceId, entryId);
  if (!run) throw new NotFoundError("No such run in this workspace");
  if (executor !== "local")
    throw new ConflictError(
      "This workspace's runs are executed by Inngest: retry failed runs from the Inngest dashboard",
      undefined,
      { code: "runs_on_inngest" },
    );
  if (run.entry.status === "completed" || run.entry.status === "cancelled")
    throw new ConflictError(`This run is ${run.entry.status} and cannot be retried`, undefined, {
      code: "run_not_failed",
      values: { state: run.entry.status },
    });
  if (run.executor?.status !== "failed")
    throw new ConflictError("Only a failed run can be retried", undefined, {
      code: "run_not_failed",
      values: { state: run.entry.status },
    });
  const runId = run.executor.id;
  await db().transaction(async (tx) => {
    if (!(await requeueFailedRun(runId, now, tx)))
      throw new ConflictError("This run is no longer failed", undefined, {
        code: "changed_meanwhile",
      });
    await reactivateEntry(workspaceId, entryId, tx);
  });
  return { status: "queued" as const, executorRunId: runId };
}
