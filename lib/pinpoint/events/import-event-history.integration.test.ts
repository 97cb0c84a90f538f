import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { findEventImport } from "@/db/queries/pinpoint-event-imports";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { applyPinpointItems } from "@/lib/pinpoint/apply-pinpoint-items";
import { ZSegmentDefinition } from "@/lib/segments/definition";
import { previewSegment } from "@/lib/segments/preview-segment";
import { createEventImport } from "./create-event-import";
import { runNextEventImport } from "./run-next-event-import";

// The fixture: Firehose NDJSON of one app and its email campaign, with a record delivered twice,
// one without a client id and one cut off mid-record (lines 4, 11 and 12).
const FIXTURE = readFileSync(join(__dirname, "testing/event-stream.ndjson"));
const NOW = new Date("2026-12-01T00:00:00Z");

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
}, 180_000);
afterAll(() => close());

/** Uploads `bytes` and runs the job until it ends, as the minute cron would, one step at a time. */
async function importFile(workspaceId: string, bytes: Uint8Array, name = "events.gz") {
  const imp = await createEventImport(workspaceId, null, { name, bytes });
  for (let step = 0; step < 50; step++) {
    const r = await runNextEventImport({ onlyId: imp.id });
    if (!r || r.outcome === "completed" || r.outcome === "failed") break;
  }
  return (await findEventImport(workspaceId, imp.id))!;
}

const eventsOf = (workspaceId: string) =>
  executeRows<{ user_id: string | null; name: string; properties: Record<string, unknown> }>(
    sql`select c.external_id as user_id, e.name, e.properties from events e
        join contacts c on c.id = e.contact_id
        where c.workspace_id = ${workspaceId} order by e.occurred_at, e.name`,
  );

describe("Pinpoint event history import", () => {
  it("maps every event type to its endpoint's contact, Waymark's engagement names where they exist", async () => {
    const t = await makeTenant("History");
    // The definitions import (or the API) made ep-ann-email Ann's endpoint before the history comes.
    await applyPinpointItems(t.workspace.id, [
      {
        endpointId: "ep-ann-email",
        endpoint: {
          ChannelType: "EMAIL",
          Address: "ann@example.com",
          User: { UserId: "user-ann" },
        },
      },
    ]);
    const imp = await importFile(t.workspace.id, gzipSync(FIXTURE));
    expect(imp).toMatchObject({
      status: "completed",
      totalLines: 12,
      cursorLine: 12,
      imported: 9,
      duplicates: 1,
      refused: 2,
      errors: [
        { line: 11, message: "client.client_id: is required" },
        { line: 12, message: "is not JSON" },
      ],
    });
    const events = (await eventsOf(t.workspace.id)).filter((e) => !e.name.startsWith("$"));
    expect(events.map((e) => [e.user_id, e.name])).toEqual([
      ["user-bob", "Email Bounced"],
      ["user-bob", "Email Opened"],
      ["user-ann", "Email Sent"],
      ["user-ann", "Email Opened"],
      ["user-ann", "Email Link Clicked"],
      ["user-ann", "Product Viewed"],
      ["user-bob", "SMS Delivered"],
      ["user-ann", "Push Opened"],
      ["user-ann", "_session.start"],
    ]);
    expect(events.find((e) => e.name === "Email Link Clicked")!.properties).toMatchObject({
      pinpointEventType: "_email.click",
      url: "https://example.com/sale",
      campaign_id: "c-1",
    });
    expect(events.find((e) => e.name === "Email Bounced")!.properties).toMatchObject({
      bounceType: "hard",
    });
    expect(events.find((e) => e.name === "Product Viewed")!.properties).toEqual({
      sku: "shoe-42",
      category: "shoes",
      price: 59.5,
    });
    // The stored file is dropped once the import ends.
    const [chunks] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from pinpoint_event_import_chunks where import_id = ${imp.id}`,
    );
    expect(chunks!.n).toBe(0);

    // Imported again (the same file, uncompressed this time): nothing is stored twice.
    const again = await importFile(t.workspace.id, FIXTURE, "events.ndjson");
    expect(again).toMatchObject({ status: "completed", imported: 0, duplicates: 10, refused: 2 });
    expect((await eventsOf(t.workspace.id)).filter((e) => !e.name.startsWith("$"))).toHaveLength(9);

    // A segment "opened an email in the last 7 days" sees Ann's imported open, not Bob's of October.
    const opened = await previewSegment(
      t.workspace.id,
      ZSegmentDefinition.parse({
        kind: "group",
        match: "all",
        conditions: [{ kind: "event", name: "Email Opened", window: { lastDays: 7 } }],
      }),
      { now: NOW },
    );
    expect(opened.sample.map((c) => c.userId)).toEqual(["user-ann"]);
    const bounced = await previewSegment(
      t.workspace.id,
      ZSegmentDefinition.parse({
        kind: "group",
        match: "all",
        conditions: [{ kind: "event", name: "Email Bounced", window: { lastDays: 90 } }],
      }),
      { now: NOW },
    );
    expect(bounced.sample.map((c) => c.userId)).toEqual(["user-bob"]);
  });

  it("refuses a truncated or damaged gzip with the line it reached, and stores nothing", async () => {
    const big = Buffer.from(
      Array.from({ length: 3000 }, (_, i) =>
        JSON.stringify({
          event_type: "Product Viewed",
          event_timestamp: NOW.getTime() - 3600_000 - i,
          client: { client_id: `ep-${i % 40}` },
          attributes: { sku: `sku-${i}`, filler: "x".repeat(200 + (i % 97)) },
        }),
      ).join("\n") + "\n",
    );
    const gz = gzipSync(big);
    const truncated = gz.subarray(0, Math.floor(gz.length * 0.8));
    const damaged = Buffer.from(gz);
    for (let i = Math.floor(gz.length / 2); i < Math.floor(gz.length / 2) + 64; i++)
      damaged[i] = damaged[i]! ^ 0x5a;
    for (const [label, bytes] of [
      ["truncated", truncated],
      ["damaged", damaged],
    ] as const) {
      const t = await makeTenant(`Broken ${label}`);
      const imp = await importFile(t.workspace.id, bytes);
      expect(imp.status, label).toBe("failed");
      expect(imp.failureReason, label).toMatch(
        /^The file cannot be read after line \d+ \(.+\): it is cut off or damaged\. Nothing was imported\.$/,
      );
      const line = Number(/after line (\d+)/.exec(imp.failureReason!)![1]);
      // Damaged deflate data may inflate to garbage lines before the check fails: the line is
      // where reading stopped, and the import, not a line of it, is refused.
      expect(line, label).toBeGreaterThan(100);
      expect(imp.imported, label).toBe(0);
      expect(await eventsOf(t.workspace.id), label).toEqual([]);
    }
  });

  it("carries on from its cursor when a step runs out of time, and counts each event once", async () => {
    const t = await makeTenant("Resume");
    const lines = Array.from({ length: 1_234 }, (_, i) =>
      JSON.stringify({
        event_type: "Signed In",
        event_timestamp: NOW.getTime() - 86_400_000 - i * 1000,
        client: { client_id: `ep-${i % 25}` },
      }),
    );
    const imp = await createEventImport(t.workspace.id, null, {
      name: "signins.ndjson",
      bytes: gzipSync(lines.join("\n")),
    });
    const outcomes: string[] = [];
    for (let step = 0; step < 10; step++) {
      const r = await runNextEventImport({ onlyId: imp.id, budgetMs: 0 });
      if (!r) break;
      outcomes.push(r.outcome);
      if (r.outcome === "completed") break;
    }
    // 500 lines a batch: three steps, each handing the job back after its first batch.
    expect(outcomes).toEqual(["paused", "paused", "completed"]);
    expect(await findEventImport(t.workspace.id, imp.id)).toMatchObject({
      status: "completed",
      cursorLine: 1_234,
      imported: 1_234,
      duplicates: 0,
    });
    expect(await eventsOf(t.workspace.id)).toHaveLength(1_234);
  });
});
