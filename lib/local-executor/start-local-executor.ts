import { authSecret } from "@/lib/crypto/app-secret";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { databaseClock, systemClock } from "./clock";
import { createLocalExecutor, type TLocalExecutor } from "./local-executor";
import { registeredServeHandler } from "./in-process-serve";
import { localInngestKeys } from "./local-keys";

// Route handlers and instrumentation are separate module graphs in one Next.js process: the one
// executor (its loop, its registry cache) is found through globalThis.
const KEY = Symbol.for("waymark.local-executor");
type Holder = { [KEY]?: TLocalExecutor };

/** The process's local executor, created on first use (not started). Local mode only. */
export function localExecutor(): TLocalExecutor {
  if (env.executor !== "local")
    throw new Error(`The local executor is off (executor: ${env.executor})`);
  const holder = globalThis as Holder;
  holder[KEY] ??= createLocalExecutor({
    serveUrl: `${env.internalUrl}/api/inngest`,
    signingKey: localInngestKeys(authSecret()).signingKey,
    // With test hooks on, e2e moves time forward through /api/test/clock instead of waiting.
    clock: env.WAYMARK_TEST_HOOKS ? databaseClock : systemClock,
    serveHandler: registeredServeHandler,
    slots: env.WAYMARK_EXECUTOR_SLOTS,
  });
  return holder[KEY];
}

/**
 * Starts the executor loop in this process (from instrumentation.ts). It syncs the app's functions
 * once the server answers, then claims due runs; several processes on one PostgreSQL share the
 * work through leases.
 */
export function startLocalExecutor(): TLocalExecutor {
  const executor = localExecutor();
  executor.start();
  // On SIGTERM: no more claims, and runs in flight go back to the queue at their next step.
  onShutdown("local executor", () => executor.stop());
  return executor;
}
