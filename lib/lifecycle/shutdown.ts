import { flushLogs, log } from "@/lib/log/logger";

/** Something that holds work and can hand it back: stop claiming, finish or release what it has. */
export type TDrainHook = { name: string; drain: () => Promise<void> };

type TLifecycle = {
  draining: boolean;
  hooks: TDrainHook[];
  shutdown: Promise<"drained" | "timed-out"> | null;
};

// Instrumentation and route handlers are separate module graphs in one Next.js process: the
// readiness route must see the drain that instrumentation's signal handler started.
const KEY = Symbol.for("waymark.lifecycle");
function state(): TLifecycle {
  const holder = globalThis as { [KEY]?: TLifecycle };
  return (holder[KEY] ??= { draining: false, hooks: [], shutdown: null });
}

/** Registers work to hand back on shutdown (the executor loop, the import worker). */
export function onShutdown(name: string, drain: () => Promise<void>): void {
  const s = state();
  s.hooks = s.hooks.filter((h) => h.name !== name).concat({ name, drain });
}

/** True from the first SIGTERM: readiness fails so load balancers stop sending new work. */
export function isDraining(): boolean {
  return state().draining;
}

/**
 * Drains every registered hook side by side, within `graceMs`. Work that does not end in time is
 * left to its lease (another process takes it once the lease expires); everything that did end
 * was handed back at once. Runs once; later calls get the same outcome.
 */
export function drainAll(graceMs: number): Promise<"drained" | "timed-out"> {
  const s = state();
  s.draining = true;
  s.shutdown ??= (async () => {
    const started = Date.now();
    log.info("shutdown: draining", { hooks: s.hooks.map((h) => h.name), graceMs });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timed-out">((resolve) => {
      timer = setTimeout(() => resolve("timed-out"), graceMs);
      timer.unref();
    });
    const drained = Promise.all(
      s.hooks.map(async (h) => {
        try {
          await h.drain();
          log.info("shutdown: drained", { hook: h.name, ms: Date.now() - started });
        } catch (err) {
          log.error("shutdown: drain failed", { hook: h.name, err });
        }
      }),
    ).then(() => "drained" as const);
    const outcome = await Promise.race([drained, timeout]);
    clearTimeout(timer);
    if (outcome === "timed-out")
      log.warn("shutdown: grace period over, exiting with work in flight", { graceMs });
    else log.info("shutdown: done", { ms: Date.now() - started });
    await flushLogs();
    return outcome;
  })();
  return s.shutdown;
}

/** Test-only: forgets hooks and the drain, so a test can run a second lifecycle. */
export function resetLifecycleForTests(): void {
  (globalThis as { [KEY]?: TLifecycle })[KEY] = undefined;
}
