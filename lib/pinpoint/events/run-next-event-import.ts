import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import {
  claimEventImportAnyWorkspace,
  finishEventImport,
  releaseEventImport,
} from "@/db/queries/pinpoint-event-imports";
import { LeaseLostError } from "@/lib/imports/lease-lost";
import { log } from "@/lib/log/logger";
import { EVENT_LEASE_MS, EVENT_MAX_ATTEMPTS } from "./limits";
import { runEventImportJob, type TEventImportProgress } from "./run-event-import-job";

/**
 * Claims the oldest unfinished event-history import whose lease is free (queued, paused, left by
 * a crashed process, or due for a retry) and runs one step of it. The body of the
 * pinpoint-event-import job (inngest/functions/jobs/pinpoint-event-imports.ts) and of the CLI.
 * A failure is recorded on the import (retried after a backoff, given up after
 * EVENT_MAX_ATTEMPTS), not thrown. Returns the import it worked on and how the step ended, or
 * null when none was free.
 */
export async function runNextEventImport(
  opts: {
    onlyId?: string;
    /** A step's time (tests, the CLI); EVENT_STEP_BUDGET_MS by default. */
    budgetMs?: number;
    onProgress?: (p: TEventImportProgress) => void;
  } = {},
): Promise<{ id: string; outcome: "completed" | "paused" | "failed" | "retry" } | null> {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const job = await claimEventImportAnyWorkspace(owner, EVENT_LEASE_MS, opts.onlyId);
  if (!job) return null;
  const ref = { id: job.id, workspaceId: job.workspaceId, owner, leaseMs: EVENT_LEASE_MS };
  if (job.attempts > EVENT_MAX_ATTEMPTS) {
    await finishEventImport(ref, {
      status: "failed",
      failureReason: `Stopped after ${EVENT_MAX_ATTEMPTS} failed attempts (${job.lastError ?? "unknown error"}); ${job.imported} events were imported before it stopped.`,
    });
    return { id: job.id, outcome: "failed" };
  }
  try {
    return {
      id: job.id,
      outcome: await runEventImportJob(job, owner, {
        budgetMs: opts.budgetMs,
        onProgress: opts.onProgress,
      }),
    };
  } catch (err) {
    if (err instanceof LeaseLostError) {
      log.warn("lost the lease on an event import; another worker carries on", { id: job.id });
      return { id: job.id, outcome: "paused" };
    }
    log.error("event import failed, will retry", { id: job.id, err });
    await releaseEventImport(
      ref,
      err instanceof Error ? err.message : String(err),
      5000 * job.attempts,
    ).catch(() => undefined);
    return { id: job.id, outcome: "retry" };
  }
}
