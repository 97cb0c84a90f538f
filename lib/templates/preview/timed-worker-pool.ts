import type { Worker } from "node:worker_threads";

/**
 * A few worker threads that run jobs one at a time each, with a hard time limit: a job past it has
 * its thread terminated (the only way to stop synchronous JavaScript) and a fresh thread takes its
 * place on the next job. The main event loop never runs the job, so a hostile input costs one
 * worker for `timeoutMs`, not the server. The worker side is serve-worker-jobs.ts.
 */
export type TTimedWorkerPoolOptions = {
  spawn: () => Worker;
  /** Threads at most; each is started on first need and kept while it behaves. */
  size: number;
  /** Jobs waiting for a thread at most; past that `run` refuses at once (WorkerPoolFullError). */
  maxQueued: number;
  /** From the moment a ready thread receives the job. */
  timeoutMs: number;
  /** A thread that has not loaded its code by then is given up on (WorkerCrashedError). */
  startTimeoutMs?: number;
};

export class WorkerTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`stopped after ${timeoutMs} ms`);
  }
}
export class WorkerPoolFullError extends Error {
  constructor() {
    super("too many jobs waiting");
  }
}
/** The thread died (out of memory, an uncaught error, or it never started); `code` is Node's. */
export class WorkerCrashedError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
/** The job threw inside the worker; `error` is what serve-worker-jobs.ts sent back. */
export class WorkerJobError extends Error {
  constructor(readonly error: TSerialisedError) {
    super(error.message);
  }
}

export type TSerialisedError = {
  message: string;
  status?: number;
  code?: string;
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
};
export type TWorkerReply =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: TSerialisedError };

type TJob = { input: unknown; resolve: (v: unknown) => void; reject: (e: Error) => void };
type TSlot = { worker: Worker; ready: Promise<void>; job: (TJob & { id: number }) | null };

export function createTimedWorkerPool<I, O>(options: TTimedWorkerPoolOptions) {
  const { size, maxQueued, timeoutMs, startTimeoutMs = 30_000 } = options;
  const slots: TSlot[] = [];
  const queue: TJob[] = [];
  let nextId = 1;

  function retire(slot: TSlot) {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => {}); // a late error from a thread being terminated is expected
    void slot.worker.terminate();
  }

  function startSlot(): TSlot {
    const worker = options.spawn();
    worker.unref(); // an idle pool never keeps the process alive
    let readyResolve!: () => void;
    let readyReject!: (e: Error) => void;
    const ready = new Promise<void>((res, rej) => ((readyResolve = res), (readyReject = rej)));
    const slot: TSlot = { worker, ready, job: null };
    const startTimer = setTimeout(
      () => readyReject(new WorkerCrashedError(`worker did not start within ${startTimeoutMs} ms`)),
      startTimeoutMs,
    );
    const fail = (err: Error) => {
      clearTimeout(startTimer);
      readyReject(err);
      const job = slot.job;
      slot.job = null;
      retire(slot);
      job?.reject(err);
      pump();
    };
    worker.on("message", (msg: TWorkerReply) => {
      if ("ready" in msg) {
        clearTimeout(startTimer);
        readyResolve();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      slot.job = null;
      if (msg.ok) job.resolve(msg.value);
      else job.reject(new WorkerJobError(msg.error));
      pump();
    });
    worker.on("error", (err: Error & { code?: string }) =>
      fail(new WorkerCrashedError(err.message, err.code)),
    );
    worker.on("exit", (code) => fail(new WorkerCrashedError(`worker exited with code ${code}`)));
    ready.catch(() => {}); // observed by whoever dispatches to it
    slots.push(slot);
    return slot;
  }

  async function dispatch(slot: TSlot, job: TJob) {
    const id = nextId++;
    slot.job = { ...job, id };
    try {
      await slot.ready;
    } catch (err) {
      if (slot.job?.id === id) {
        slot.job = null;
        retire(slot);
        job.reject(err as Error);
        pump();
      }
      return;
    }
    if (slot.job?.id !== id) return; // the thread died while starting; already answered
    const timer = setTimeout(() => {
      if (slot.job?.id !== id) return;
      slot.job = null;
      retire(slot);
      job.reject(new WorkerTimeoutError(timeoutMs));
      pump();
    }, timeoutMs);
    const settle = (fn: () => void) => () => (clearTimeout(timer), fn());
    slot.job = {
      ...job,
      id,
      resolve: (v) => settle(() => job.resolve(v))(),
      reject: (e) => settle(() => job.reject(e))(),
    };
    slot.worker.postMessage({ id, input: job.input });
  }

  function pump() {
    while (queue.length) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? startSlot() : null);
      if (!slot) return;
      void dispatch(slot, queue.shift()!);
    }
  }

  return {
    run(input: I): Promise<O> {
      if (queue.length >= maxQueued) return Promise.reject(new WorkerPoolFullError());
      return new Promise<O>((resolve, reject) => {
        queue.push({ input, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    /** Threads alive now (tests read it to see a killed thread replaced). */
    get threads() {
      return slots.length;
    },
    async close() {
      for (const job of queue.splice(0)) job.reject(new WorkerCrashedError("pool closed"));
      for (const slot of [...slots]) {
        slot.job?.reject(new WorkerCrashedError("pool closed"));
        slot.job = null;
        retire(slot);
      }
    },
  };
}

export type TTimedWorkerPool<I, O> = ReturnType<typeof createTimedWorkerPool<I, O>>;
