import { countIngestedEvents } from "@/lib/metrics/count-ingested-events";
import { installSignalHandlers } from "./install-signal-handlers";

/**
 * Called once from instrumentation.ts, before any background work starts: graceful shutdown
 * (work registers its drain with onShutdown as it starts) and the metrics fed by events.
 */
export function startLifecycle(): void {
  installSignalHandlers();
  countIngestedEvents();
}
