import { SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";

// Without a registered tracer provider (tracing is off by default) the API hands out no-op spans:
// wrapping costs a function call, nothing is recorded or sent.
const tracer = () => trace.getTracer("waymark");

/**
 * Runs `fn` inside a span named `name`, a child of whatever span is active (the HTTP request
 * Next.js traces, an executor turn). Errors are recorded on the span and rethrown. Attributes are
 * ids, counts and kinds only: never message content or contact data.
 */
export function inSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn();
    } catch (err) {
      span.recordException(err instanceof Error ? err : String(err));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}
