import { z } from "zod";
import {
  context,
  propagation,
  trace,
  type Attributes,
  type Context,
  type TextMapGetter,
} from "@opentelemetry/api";
import { inSpan } from "./in-span";

/**
 * W3C trace context (`traceparent`, `tracestate`) as it travels with executor events and calls:
 * a trace started at ingestion goes on through the entry router, the executor's turns of a run,
 * the function's steps and the provider call, across processes and across Inngest's queue.
 */
export type TTraceCarrier = { traceparent: string; tracestate?: string };

const getter: TextMapGetter<TTraceCarrier> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => (key === "traceparent" || key === "tracestate" ? carrier[key] : undefined),
};

/**
 * The active span's context to carry in an event or a request, or undefined when nothing is being
 * traced (tracing off: the API's no-op propagator writes nothing, and events stay as they were).
 */
export function currentTraceCarrier(): TTraceCarrier | undefined {
  const out: Record<string, string> = {};
  propagation.inject(context.active(), out);
  if (!out.traceparent) return undefined;
  return out.tracestate
    ? { traceparent: out.traceparent, tracestate: out.tracestate }
    : { traceparent: out.traceparent };
}

/**
 * The context to continue a carried trace in. When the active span already belongs to that trace
 * (a call made in process, or over HTTP with its `traceparent` header picked up by Next.js) it is
 * the closer parent and is kept; otherwise the carrier's span becomes the parent.
 */
export function contextFromCarrier(carrier: TTraceCarrier | undefined): Context {
  const active = context.active();
  if (!carrier) return active;
  const extracted = propagation.extract(active, carrier, getter);
  const carried = trace.getSpanContext(extracted)?.traceId;
  if (carried && trace.getSpanContext(active)?.traceId === carried) return active;
  return extracted;
}

/** `inSpan` continuing the trace `carrier` came from (an event's, a request's). */
export function inSpanFrom<T>(
  carrier: TTraceCarrier | undefined,
  name: string,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  return context.with(contextFromCarrier(carrier), () => inSpan(name, attributes, fn));
}

/**
 * Runs `fn` in the carried trace's context without a span of its own: for function handlers,
 * whose invocations the SDK may leave pending when it stops to report steps (a span around them
 * would never end). Their steps' spans are the carried span's children.
 */
export function withCarriedContext<T>(carrier: TTraceCarrier | undefined, fn: () => T): T {
  return context.with(contextFromCarrier(carrier), fn);
}

/** Binds `fn` to the context active now, for a callback another library calls later (a step). */
export function bindToActiveContext<A extends unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => R {
  return context.bind(context.active(), fn);
}

/** Where an executor event carries its sender's trace context: `data._trace` (inngest/events.ts). */
export const TRACE_FIELD = "_trace";

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** A carrier as events hold it. Never fails an event: a malformed one is dropped, not an error. */
export const ZTraceCarrier = z
  .object({
    traceparent: z.string().regex(TRACEPARENT),
    tracestate: z.string().max(512).optional(),
  })
  .optional()
  .catch(undefined);

/** The carrier in an event's data, if it has a well-formed one. */
export function eventTraceCarrier(data: unknown): TTraceCarrier | undefined {
  if (!data || typeof data !== "object") return undefined;
  return ZTraceCarrier.parse((data as Record<string, unknown>)[TRACE_FIELD]);
}
