import { env } from "@/lib/env";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { log } from "@/lib/log/logger";

/**
 * OpenTelemetry traces over OTLP/HTTP, off unless OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-only
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. The exporter reads the standard OTEL_* variables
 * itself (headers, timeouts). Spans: Next.js's own (HTTP requests, route handlers), plus ingestion,
 * the journey entry router, each executor turn of a run, and each provider call (lib/tracing/in-span.ts).
 */
export async function startTracing(): Promise<void> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return;
  const [
    { NodeTracerProvider },
    { BatchSpanProcessor },
    { OTLPTraceExporter },
    { resourceFromAttributes },
  ] = await Promise.all([
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/sdk-trace-base"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  // Spans still buffered are sent before the process exits.
  onShutdown("tracing", () => provider.shutdown());
  log.info("tracing: exporting spans over OTLP", { service: env.OTEL_SERVICE_NAME });
}
