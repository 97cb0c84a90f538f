import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import {
  claimImportJob,
  discardStaleDrafts,
  finishJob,
  releaseJob,
} from "@/db/queries/contact-import-jobs";
import type { TContactImport } from "@/db/schema";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { LeaseLostError } from "./lease-lost";
import { LEASE_MS, MAX_ATTEMPTS } from "./limits";
import { runImportJob } from "./run-import-job";
import { log } from "@/lib/log/logger";

const IDLE_MS = 1000;
const DRAFT_MAX_AGE_MS = 24 * 3600 * 1000;
const SWEEP_EVERY_MS = 3600 * 1000;

type TWorker = { owner: string; stop: () => Promise<void>; poke: () => void };

// Route handlers and instrumentation are separate module graphs in one Next.js process: the
// worker (and the poke that wakes it) must be found through globalThis.
const KEY = Symbol.for("waymark.import-worker");
type Holder = { [KEY]?: TWorker };

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
      log.warn("import lease lost; another worker carries on", {
        importId: job.id,
        reason: err.message,
      });
      return;
    }
    log.error("import failed, will retry", { importId: job.id, attempt: job.attempts, err });
    await releaseJob(
      ref,
      err instanceof Error ? err.message : String(err),
      5000 * job.attempts,
    ).catch(() => undefined);
  }
}

/**
 * The in-process background worker for CSV imports: claims one import at a time, runs it, and
 * sleeps a second when there is nothing to do. Started once per process from instrumentation.ts;
 * several processes on one PostgreSQL share the work through leases.
 */
export function startImportWorker(): TWorker {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let wake: (() => void) | null = null;
  let lastSweep = 0;
  const nap = () =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, IDLE_MS);
      t.unref();
      wake = () => (clearTimeout(t), resolve());
    });

  const loop = (async () => {
    while (!stopped) {
      try {
        if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
          lastSweep = Date.now();
          await discardStaleDrafts(DRAFT_MAX_AGE_MS);
        }
        const job = await claimImportJob(owner, LEASE_MS);
        if (job) {
          await runClaimed(job, owner);
          continue;
        }
      } catch (err) {
        log.error("import worker", { err });
      }
      await nap();
      wake = null;
    }
  })();

  const worker: TWorker = {
    owner,
    poke: () => wake?.(),
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
      delete holder[KEY];
    },
  };
  holder[KEY] = worker;
  // On SIGTERM: no more claims; the import in flight finishes (or its lease expires after the grace period).
  onShutdown("import worker", worker.stop);
  return worker;
}

/** Wakes the worker at once (a user just started an import) instead of at its next poll. */
export function pokeImportWorker(): void {
  (globalThis as Holder)[KEY]?.poke();
}
