import { env } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { drainAll } from "./shutdown";

let installed = false;

/**
 * SIGTERM/SIGINT: drain (lib/lifecycle/shutdown.ts), then exit. The image sets
 * NEXT_MANUAL_SIG_HANDLE so Next.js leaves the signals to us; without it (`next start`, `next dev`)
 * Next.js exits on its own schedule and this drain is best effort.
 */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  const manual = env.NEXT_MANUAL_SIG_HANDLE === true;
  const onSignal = (signal: NodeJS.Signals) => {
    log.info("shutdown: signal received", {
      signal,
      graceSeconds: env.WAYMARK_SHUTDOWN_GRACE_SECONDS,
    });
    void drainAll(env.WAYMARK_SHUTDOWN_GRACE_SECONDS * 1000).then((outcome) => {
      if (manual) process.exit(outcome === "drained" ? 0 : 1);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
