import { AsyncLocalStorage } from "node:async_hooks";

export type TLogContext = { requestId?: string; runId?: string; functionId?: string };

// Shared through globalThis: a request enters in a route module's graph and may log from another.
const KEY = Symbol.for("waymark.log-context");
const storage: AsyncLocalStorage<TLogContext> = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new AsyncLocalStorage<TLogContext>()) as AsyncLocalStorage<TLogContext>;

/** Runs `fn` with `ctx` added to every log line written inside it (and whatever it awaits). */
export function withLogContext<T>(ctx: TLogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...ctx }, fn);
}

export function currentLogContext(): TLogContext | undefined {
  return storage.getStore();
}
