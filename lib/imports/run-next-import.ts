import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import {
  claimImportJobAnyWorkspace,
  discardStaleDraftsAnyWorkspace,
  finishJob,
  releaseJob,
} from "@/db/queries/contact-import-jobs";
import type { TContactImport } from "@/db/schema";
import { LeaseLostError } from "./lease-lost";
import { LEASE_MS, MAX_ATTEMPTS } from "./limits";
import { runImportJob } from "./run-import-job";

const DRAFT_MAX_AGE_MS = 24 * 3600 * 1000;

async function runClaimed(job: TContactImport, owner: string) {
  const ref = { id: job.id, workspaceId: job.workspaceId, owner, leaseMs: LEASE_MS };
  if (job.attempts > MAX_ATTEMPTS) {
    const imported = job.importedRows
      ? ` ${job.importedRows} rows were imported before it stopped.`
      : " Nothing was imported.";
    await finishJob(ref, {
      status: "failed",
      failureReason: `Stopped after ${MAX_ATTEMPTS} failed attempts (${job.lastError ?? "unknown error"}).${imported}`,
    });
    return;
  }
  try {
    await runImportJob(job, owner);
  } catch (err) {
    if (err instanceof LeaseLostError) {
      console.warn(`[waymark] ${err.message}; another worker carries on`);
      return;
    }
    console.error(`[waymark] import ${job.id} failed (attempt ${job.attempts}), will retry`, err);
    await releaseJob(
      ref,
      err instanceof Error ? err.message : String(err),
      5000 * job.attempts,
    ).catch(() => undefined);
  }
}

/**
 * Claims the oldest unfinished import whose lease is free (queued, or abandoned by a crashed
 * process, or due for a retry) and runs it to its end. The body of the contact-import job
 * (inngest/functions/jobs/contact-import.ts); several processes share imports through the lease.
 * A failure is recorded on the import (retried after a backoff, given up after MAX_ATTEMPTS), not
 * thrown. Returns the import it ran, or null when none was free.
 */
export async function runNextImport(): Promise<string | null> {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const job = await claimImportJobAnyWorkspace(owner, LEASE_MS);
  if (!job) return null;
  await runClaimed(job, owner);
  return job.id;
}

/** Drafts nobody started within a day are discarded with their file (an hourly job). */
export async function discardStaleImportDrafts(): Promise<void> {
  await discardStaleDraftsAnyWorkspace(DRAFT_MAX_AGE_MS);
}
