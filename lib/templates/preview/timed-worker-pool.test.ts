import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import {
  createTimedWorkerPool,
  WorkerCrashedError,
  WorkerJobError,
  WorkerPoolFullError,
  WorkerTimeoutError,
  type TTimedWorkerPool,
} from "./timed-worker-pool";

type TIn = { echo?: string; spin?: true; hog?: true; exit?: number; fail?: string };
const entry = new URL("./testing/misbehaving-worker.mjs", import.meta.url);
let pool: TTimedWorkerPool<TIn, string>;
afterEach(() => pool?.close());

const make = (opts: { size?: number; maxQueued?: number; timeoutMs?: number } = {}) =>
  (pool = createTimedWorkerPool<TIn, string>({
    spawn: () => new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: 32 } }),
    size: opts.size ?? 1,
    maxQueued: opts.maxQueued ?? 10,
    timeoutMs: opts.timeoutMs ?? 300,
  }));

describe("timed worker pool", () => {
  it("runs jobs on a thread and reuses it", async () => {
    make();
    expect(await pool.run({ echo: "a" })).toBe("a");
    expect(await pool.run({ echo: "b" })).toBe("b");
    expect(pool.threads).toBe(1);
  });

  it("kills a job that never ends, keeps the main thread free meanwhile, and recovers", async () => {
    make({ timeoutMs: 300 });
    // Counts turns of the event loop, one timer at a time, while the worker spins.
    let ticks = 0;
    let spinning = true;
    const turn = () => {
      if (!spinning) return;
      ticks++;
      setTimeout(turn, 10);
    };
    setTimeout(turn, 10);
    const started = Date.now();
    const err = await pool.run({ spin: true }).catch((e: unknown) => e);
    spinning = false;
    expect(err).toBeInstanceOf(WorkerTimeoutError);
    expect((err as WorkerTimeoutError).timeoutMs).toBe(300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    // The event loop kept turning while the worker spun (a stall would leave ticks near 0).
    expect(ticks).toBeGreaterThan(5);
    expect(pool.threads).toBe(0);
    expect(await pool.run({ echo: "after" })).toBe("after");
  });

  it("answers queued jobs after a killed one, in order", async () => {
    make({ timeoutMs: 200 });
    const results = await Promise.allSettled([
      pool.run({ spin: true }),
      pool.run({ echo: "1" }),
      pool.run({ echo: "2" }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(results.slice(1).map((r) => (r as PromiseFulfilledResult<string>).value)).toEqual([
      "1",
      "2",
    ]);
  });

  it("refuses at once when too many jobs wait", async () => {
    make({ size: 1, maxQueued: 2, timeoutMs: 200 });
    const running = [pool.run({ spin: true }), pool.run({ echo: "q1" }), pool.run({ echo: "q2" })];
    // The first is on the thread only once it started; until then it waits in the queue too.
    const refused = await pool.run({ echo: "over" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkerPoolFullError);
    await Promise.allSettled(running);
  });

  it("reports a thread that runs out of memory or exits, and replaces it", async () => {
    make({ timeoutMs: 20_000 });
    const oom = await pool.run({ hog: true }).catch((e: unknown) => e);
    expect(oom).toBeInstanceOf(WorkerCrashedError);
    expect((oom as WorkerCrashedError).code).toBe("ERR_WORKER_OUT_OF_MEMORY");
    const exited = await pool.run({ exit: 3 }).catch((e: unknown) => e);
    expect(exited).toBeInstanceOf(WorkerCrashedError);
    expect(await pool.run({ echo: "alive" })).toBe("alive");
  });

  it("passes a job's own error back with its status", async () => {
    make();
    const err = await pool.run({ fail: "bad input" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerJobError);
    expect((err as WorkerJobError).error).toEqual({ message: "bad input", status: 400 });
  });
});
