import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRuns } from "@/db/queries/executor-runs";
import { useTestDb } from "@/db/testing/test-db";
import type { ChannelProvider, TSendResult } from "@/lib/channels/types";
import { offerIngested } from "@/lib/ingest/ingested-events";
import { countIngestedEvents } from "./count-ingested-events";
import { instrumentProvider } from "./instrument-provider";
import { metrics } from "./registry";

let db: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  db = await useTestDb();
});
afterAll(() => db.close());

// A provider whose answers the test scripts (the real ones are tested against sinks elsewhere).
function scripted(kind: string, answers: (TSendResult | Error)[]): ChannelProvider {
  return {
    kind,
    send: async () => {
      const a = answers.shift()!;
      if (a instanceof Error) throw a;
      return a;
    },
  };
}

const value = (text: string, series: string) =>
  Number(
    text
      .split("\n")
      .find((l) => l.startsWith(series + " "))
      ?.split(" ")[1],
  );

describe("metrics", () => {
  it("exposes ingestion, executor, delivery, provider and rollup series in Prometheus format", async () => {
    countIngestedEvents();
    await offerIngested([
      { workspaceId: "w", contactId: "c", eventId: "1", name: "a", occurredAt: new Date() },
      { workspaceId: "w", contactId: "c", eventId: "2", name: "b", occurredAt: new Date() },
    ]);
    await insertRuns([
      {
        id: "m1",
        functionId: "waymark-run-journey",
        event: {},
        readyAt: new Date(Date.now() - 5_000),
        idempotencyKey: null,
        concurrencyKey: null,
        concurrencyLimit: null,
      },
    ]);
    const smtp = instrumentProvider(
      "email",
      scripted("smtp", [
        { ok: true, status: "sent" },
        { ok: false, retryable: true, reason: "421 try later" },
        new Error("socket hang up"),
      ]),
    );
    const msg = { channel: "email" } as never;
    await smtp.send(msg);
    await smtp.send(msg);
    await expect(smtp.send(msg)).rejects.toThrow("socket hang up");

    const text = await metrics().registry.metrics();
    expect(value(text, "waymark_events_ingested_total")).toBe(2);
    expect(value(text, "waymark_executor_queue_depth")).toBe(1);
    expect(value(text, "waymark_executor_lag_seconds")).toBeGreaterThanOrEqual(4);
    expect(
      value(text, 'waymark_executor_runs{function="waymark-run-journey",status="queued"}'),
    ).toBe(1);
    expect(
      value(text, 'waymark_deliveries_total{channel="email",provider="smtp",status="sent"}'),
    ).toBe(1);
    expect(
      value(text, 'waymark_deliveries_total{channel="email",provider="smtp",status="failed"}'),
    ).toBe(1);
    expect(
      value(text, 'waymark_deliveries_total{channel="email",provider="smtp",status="error"}'),
    ).toBe(1);
    expect(
      value(
        text,
        'waymark_provider_errors_total{channel="email",provider="smtp",retryable="true"}',
      ),
    ).toBe(2);
    expect(
      value(text, 'waymark_provider_send_duration_seconds_count{channel="email",provider="smtp"}'),
    ).toBe(3);
    expect(text).toContain("# TYPE waymark_rollup_age_seconds gauge");
    expect(text).toContain("waymark_process_cpu_seconds_total");
  });
});
