import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterAll, describe, expect, it } from "vitest";
import type { ChannelProvider } from "@/lib/channels/types";
import { instrumentProvider } from "@/lib/metrics/instrument-provider";
import { inSpan } from "./in-span";

// The real SDK with an in-memory exporter instead of OTLP: what start-tracing.ts registers, minus
// the network.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
afterAll(() => provider.shutdown());

describe("tracing", () => {
  it("nests a provider call under the span that caused it, with kinds and ids only", async () => {
    const smtp: ChannelProvider = {
      kind: "smtp",
      send: async () => ({ ok: true, status: "sent" }),
    };
    await inSpan("waymark.executor.turn", { "waymark.run_id": "run-1" }, () =>
      instrumentProvider("email", smtp).send({
        channel: "email",
        subject: "Private subject",
      } as never),
    );
    const spans = exporter.getFinishedSpans();
    const turn = spans.find((s) => s.name === "waymark.executor.turn")!;
    const send = spans.find((s) => s.name === "waymark.provider.send")!;
    expect(send.parentSpanContext?.spanId).toBe(turn.spanContext().spanId);
    expect(send.spanContext().traceId).toBe(turn.spanContext().traceId);
    expect(send.attributes).toEqual({ "waymark.channel": "email", "waymark.provider": "smtp" });
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain("Private");
  });

  it("records a failure on the span and rethrows it", async () => {
    exporter.reset();
    await expect(
      inSpan("waymark.ingest", {}, async () => {
        throw new Error("database gone");
      }),
    ).rejects.toThrow("database gone");
    const [span] = exporter.getFinishedSpans();
    expect(span!.status.code).toBe(2); // ERROR
    expect(span!.events[0]!.name).toBe("exception");
  });
});
