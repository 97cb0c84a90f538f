import { countIngestedEvents } from "@/lib/metrics/count-ingested-events";
import { startTracing } from "@/lib/tracing/start-tracing";
import { installSignalHandlers } from "./install-signal-handlers";

/**
 * Called once from instrumentation.ts, before any background work starts: graceful shutdown
 * (work registers its drain with onShutdown as it starts), the metrics fed by events, and
 * OpenTelemetry tracing when an OTLP endpoint is configured.
 */
export async function startLifecycle(): Promise<void> {
  installSignalHandlers();
  countIngestedEvents();
  await startTracing();
}
