import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import type { TPreviewJob, TPreviewResult } from "./render-preview";
import {
  createTimedWorkerPool,
  WorkerCrashedError,
  WorkerJobError,
  WorkerPoolFullError,
  WorkerTimeoutError,
  type TTimedWorkerPool,
} from "./timed-worker-pool";

/** Heap per preview thread: a template that builds huge strings dies alone, not the server. */
const WORKER_HEAP_MB = 256;

/**
 * Starts one preview thread. Next bundles `preview-worker.ts` into its own chunk: the literal
 * `new Worker(new URL(…, import.meta.url))` is what it looks for. Under vitest (NODE_ENV=test)
 * the code runs from source and the entry is TypeScript: the thread loads it through tsx.
 */
export function spawnPreviewWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (env.NODE_ENV === "test") {
    const entry = JSON.stringify(import.meta.url.replace(/preview-pool\.ts$/, "preview-worker.ts"));
    const load = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${entry}, ${entry}))`;
    return new Worker(load, { ...options, eval: true });
  }
  return new Worker(new URL("./preview-worker.ts", import.meta.url), options);
}

export function createPreviewPool(
  opts: { timeoutMs?: number; size?: number } = {},
): TTimedWorkerPool<TPreviewJob, TPreviewResult> {
  const size = opts.size ?? env.WAYMARK_PREVIEW_WORKERS;
  return createTimedWorkerPool<TPreviewJob, TPreviewResult>({
    spawn: spawnPreviewWorker,
    size,
    maxQueued: size * 8,
    timeoutMs: opts.timeoutMs ?? env.WAYMARK_PREVIEW_RENDER_TIMEOUT_MS,
  });
}

let shared: TTimedWorkerPool<TPreviewJob, TPreviewResult> | null = null;

/** What the preview route answers when the worker did not: a clear reason, never a bare 500. */
export function previewFailure(err: unknown): unknown {
  if (err instanceof WorkerTimeoutError) {
    const message = `Rendering this template took longer than ${err.timeoutMs / 1000} s and was stopped: look for loops over large ranges or many fields that each loop`;
    return new AppError(422, "preview_timeout", message, { content: message });
  }
  if (err instanceof WorkerCrashedError && err.code === "ERR_WORKER_OUT_OF_MEMORY") {
    const message = "Rendering this template used too much memory and was stopped";
    return new AppError(422, "preview_too_large", message, { content: message });
  }
  if (err instanceof WorkerPoolFullError)
    return new AppError(
      429,
      "busy",
      "Too many previews at once; try again in a moment",
      undefined,
      {
        retryAfterSeconds: 1,
      },
    );
  if (err instanceof WorkerCrashedError) {
    log.error("preview worker failed", { err: err.message, code: err.code });
    return new AppError(503, "preview_unavailable", "The preview could not run; try again");
  }
  if (err instanceof WorkerJobError && err.error.status)
    return new AppError(
      err.error.status,
      err.error.code ?? "error",
      err.error.message,
      err.error.fields,
      err.error.details,
    );
  return err;
}

/** Renders a preview on the process's preview threads, within the time limit. */
export async function renderPreviewInWorker(
  job: TPreviewJob,
  pool: TTimedWorkerPool<TPreviewJob, TPreviewResult> = (shared ??= createPreviewPool()),
): Promise<TPreviewResult> {
  try {
    return await pool.run(job);
  } catch (err) {
    throw previewFailure(err);
  }
}
