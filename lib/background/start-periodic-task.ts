// One timer per task per process, found through globalThis (instrumentation and route handlers are
// separate module graphs). A tick that is still running when the next is due is skipped, not stacked.
type THandle = { stop: () => void };
const tasks: Map<string, THandle> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("waymark.periodic-tasks")
] ??= new Map<string, THandle>()) as Map<string, THandle>;

/** Runs `work` every `everyMs` (and at once unless `immediate` is false) in the app's own process; failures are logged under `name`. */
export function startPeriodicTask(
  name: string,
  everyMs: number,
  work: () => Promise<unknown>,
  opts: { immediate?: boolean } = {},
): THandle {
  const existing = tasks.get(name);
  if (existing) return existing;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (err) {
      console.error(`[waymark] ${name}`, err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  if (opts.immediate !== false) void tick();
  const handle = {
    stop: () => {
      clearInterval(timer);
      tasks.delete(name);
    },
  };
  tasks.set(name, handle);
  return handle;
}
