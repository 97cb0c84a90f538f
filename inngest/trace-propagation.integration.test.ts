import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { startSmtpSink, type TSmtpSink } from "@/lib/channels/testing/smtp-sink";
import { ingest } from "@/lib/ingest/ingest";
import { onIngested } from "@/lib/ingest/ingested-events";
import { parseCall } from "@/lib/ingest/normalize";
import {
  publishJourney,
  createJourney,
  saveJourneyDraft,
} from "@/lib/journeys/manage/manage-journeys";
import { routeIngestedEvents } from "@/lib/journeys/runtime/route-ingested-events";
import { edge, node } from "@/lib/journeys/testing/graph-fixtures";
import { handleEventRequest } from "@/lib/local-executor/handle-event-request";
import { createLocalExecutor, type TLocalExecutor } from "@/lib/local-executor/local-executor";
import {
  serveFunctions,
  TEST_EVENT_KEY,
  TEST_SIGNING_KEY,
} from "@/lib/local-executor/testing/serve-functions";
import { saveChannelProvider } from "@/lib/messages/send/configure-channel-provider";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { setEventSink } from "./emit-events";
import { createRunJourney } from "./functions/run-journey";
import { runJourneyDeps } from "./functions/run-journey-bound";

/**
 * One trace from an ingested event to the provider call, with the real OpenTelemetry SDK (an
 * in-memory exporter in place of OTLP): ingestion → the entry router → the executor's turns of the
 * journey run (which the event carries the context to) → each journey step → the SMTP send. The
 * function is served over HTTP by the real SDK, so nothing shares an async context by accident.
 */
const exporter = new InMemorySpanExporter();
const tracing = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
tracing.register();

let testDb: Awaited<ReturnType<typeof useTestDb>>;
let sink: TSmtpSink;
let app: Awaited<ReturnType<typeof serveFunctions>>;
let executor: TLocalExecutor;
let unsubscribe: () => void;

beforeAll(async () => {
  testDb = await useTestDb();
  sink = await startSmtpSink();
  app = await serveFunctions(
    (client) => [createRunJourney(runJourneyDeps, client as never)],
    (req) =>
      handleEventRequest(req, new URL(req.url).pathname.split("/").pop() ?? "", {
        eventKey: TEST_EVENT_KEY,
        send: (events) => executor.send(events),
      }),
  );
  executor = createLocalExecutor({
    serveUrl: app.serveUrl,
    signingKey: TEST_SIGNING_KEY,
    log: () => undefined,
  });
  await executor.sync();
  setEventSink(async (events) => void (await executor.send(events)));
  unsubscribe = onIngested(routeIngestedEvents);
});
afterAll(async () => {
  unsubscribe();
  setEventSink(null);
  await executor.stop();
  await app.close();
  await sink.close();
  await testDb.close();
  await tracing.shutdown();
});

async function call(ws: string, type: "identify" | "track", raw: Record<string, unknown>) {
  const parsed = parseCall(type, raw, new Date(Date.now() + 60_000));
  if (!parsed.ok) throw new Error(`${parsed.field}: ${parsed.message}`);
  await ingest(ws, [parsed.op]);
}

describe("trace context across the executor", () => {
  it("carries the ingestion's trace through the entry router, the run's turns and steps, to the provider call", async () => {
    const tenant = await makeTenant("Traced");
    const ws = tenant.workspace.id;
    await saveChannelProvider(ws, tenant.user.id, "smtp", {
      host: "127.0.0.1",
      port: sink.port,
      secure: false,
      from: "hello@acme.test",
    });
    const template = await createTemplate(ws, tenant.user.id, { name: "Hi", channel: "email" });
    await publishTemplate(ws, template.id, tenant.user.id);
    const journey = await createJourney(ws, tenant.user.id, { name: "Traced welcome" });
    await saveJourneyDraft(ws, journey.id, {
      graph: {
        nodes: [
          node("t", "trigger", { kind: "event", event: "Signed Up", filters: [] }),
          node("s1", "send", { channel: "email", templateId: template.id }),
          node("x", "exit"),
        ],
        edges: [edge("t", "s1"), edge("s1", "x")],
      },
      settings: { entry: { mode: "once" } },
    });
    await publishJourney(ws, journey.id, tenant.user.id);
    await call(ws, "identify", { userId: "ada", traits: { email: "ada@example.com" } });
    exporter.reset();

    await call(ws, "track", { userId: "ada", event: "Signed Up", messageId: "traced-1" });
    await executor.drain();
    await sink.waitFor((m) => m.to.includes("ada@example.com"));

    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.filter((s) => s.name === name);
    expect(named("waymark.ingest")).toHaveLength(1);
    const [ingestSpan] = named("waymark.ingest");
    const traceId = ingestSpan!.spanContext().traceId;
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    /** Names from a span up to its root, through parents that were exported. */
    const chain = (s: ReadableSpan) => {
      const names: string[] = [];
      for (
        let at: ReadableSpan | undefined = s;
        at;
        at = byId.get(at.parentSpanContext?.spanId ?? "")
      )
        names.push(at.name);
      return names;
    };

    const [route] = named("waymark.journey.route");
    expect(chain(route!)).toEqual(["waymark.journey.route", "waymark.ingest"]);
    const turns = named("waymark.executor.turn");
    expect(turns.length).toBeGreaterThan(0);
    for (const turn of turns)
      expect(chain(turn)).toEqual([
        "waymark.executor.turn",
        "waymark.journey.route",
        "waymark.ingest",
      ]);
    const steps = named("waymark.journey.step").map((s) => s.attributes["waymark.step"]);
    expect(steps).toContain("node:s1");
    const [send] = named("waymark.provider.send");
    expect(send!.attributes).toMatchObject({
      "waymark.channel": "email",
      "waymark.provider": "smtp",
    });
    const sendChain = chain(send!);
    expect(sendChain[0]).toBe("waymark.provider.send");
    expect(sendChain).toContain("waymark.journey.step");
    expect(sendChain.at(-1)).toBe("waymark.ingest");
    // One trace: every span of this run, from ingestion to the SMTP call.
    for (const s of [route!, ...turns, ...named("waymark.journey.step"), send!])
      expect(s.spanContext().traceId).toBe(traceId);
  });

  it("keeps events as they were when tracing is off, and a malformed carrier never fails a run", async () => {
    const { toExecutorEvent } = await import("./emit-events");
    const { ZJourneyContactEntered } = await import("./events");
    const entered = {
      kind: "entered" as const,
      journeyId: "j",
      version: 1,
      contactId: "c",
      entryId: "e",
    };
    // No active span: nothing is added.
    expect(toExecutorEvent(entered).data).not.toHaveProperty("_trace");
    const parsed = ZJourneyContactEntered.parse({ ...entered, _trace: { traceparent: "x" } });
    expect(parsed._trace).toBeUndefined();
    expect(parsed.entryId).toBe("e");
  });
});
