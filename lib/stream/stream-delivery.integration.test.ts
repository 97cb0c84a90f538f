import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import {
  listStreamDeadLetters,
  type TStreamDestinationRow,
} from "@/db/queries/stream-destinations";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { waitUntil } from "@/lib/channels/testing/wait-until";
import { deliverDueStreams } from "./deliver-stream";
import type { StreamDestination } from "./destinations/destination";
import { openStreamDestination } from "./destinations/destination-kinds";
import { listExportFiles, readExportFile } from "./export-files";
import { createDestination, updateDestination } from "./manage-destinations";
import { replayDeadLetter } from "./replay-dead-letter";
import { STREAM_EVENT_TYPES } from "./stream-event";
import { LIFECYCLE_TYPES, writeLifecycle } from "./testing/stream-fixtures";
import { startStreamReceiver, type TStreamReceiver } from "./testing/stream-receiver";

/**
 * The event stream end to end on the real database (PGlite, or PostgreSQL with DATABASE_URL):
 * lifecycle rows written the app's way reach a signed loopback webhook that fails for a while and
 * then recovers — every event arrives, in order per contact, duplicates only under the same id —
 * plus dead letters and their replay, NDJSON export files, the Pinpoint envelope, and a worker
 * that dies mid-batch (its lease runs out and the next worker sends the batch again).
 */
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let receiver: TStreamReceiver;
const FAST = { baseMs: 1, maxMs: 4, windowMs: 3_600_000 };

beforeAll(async () => {
  testDb = await useTestDb();
  receiver = await startStreamReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await testDb?.close();
});

async function outboxIds(ws: string) {
  const rows = await executeRows<{ id: string | number; type: string }>(
    sql`select id, type from stream_events where workspace_id = ${ws} order by txid, id`,
  );
  return rows.map((r) => ({ id: `evt_${r.id}`, type: r.type }));
}

/** Runs delivery rounds until `done` holds (state, not time), at most `rounds` times. */
async function deliverUntil(done: () => boolean, only: string, rounds = 500, opts = {}) {
  for (let i = 0; i < rounds && !done(); i++) {
    await deliverDueStreams({ budgetMs: 5_000, only, retry: FAST, ...opts });
    await new Promise((r) => setImmediate(r));
  }
  return done();
}

describe("webhook destination", () => {
  it("delivers every lifecycle event, signed, through failures, in order per contact", async () => {
    const t = await makeTenant("Stream");
    const created = await createDestination(t.workspace.id, t.user.id, {
      name: "Warehouse",
      kind: "webhook",
      settings: { url: receiver.url, batchSize: 5 },
    });
    expect(created.secret).toMatch(/^whsec_/);
    receiver.secret = created.secret;
    // Requests 2 to 6 fail: the batch at the cursor is retried with backoff, then goes through.
    receiver.failing = (n) => n >= 2 && n <= 6;
    await writeLifecycle(t.workspace.id);
    const expected = await outboxIds(t.workspace.id);
    expect(expected.map((e) => e.type).sort()).toEqual([...LIFECYCLE_TYPES].sort());

    const ids = () => new Set(receiver.received.map((e) => e.id as string));
    expect(await deliverUntil(() => ids().size === expected.length, created.destination.id)).toBe(
      true,
    );
    expect([...ids()].sort()).toEqual(expected.map((e) => e.id).sort());
    expect(receiver.badSignatures).toBe(0);
    expect(receiver.requests).toBeGreaterThan(6);
    for (const e of receiver.received) expect(STREAM_EVENT_TYPES).toContain(e.type);
    // Duplicates only as the same event: equal ids carry equal bodies.
    const byId = new Map<string, string>();
    for (const e of receiver.received) {
      const body = JSON.stringify(e);
      expect(byId.get(e.id as string) ?? body).toBe(body);
      byId.set(e.id as string, body);
    }
    // In order: first arrivals follow the stream's order (so every contact's events are in order).
    const first = [...new Set(receiver.received.map((e) => e.id as string))];
    expect(first).toEqual(expected.map((e) => e.id));
    const [row] = await executeRows<{ attempts: number; delivered_count: string | number }>(
      sql`select attempts, delivered_count from stream_destinations where id = ${created.destination.id}`,
    );
    expect(row!.attempts).toBe(0);
    expect(Number(row!.delivered_count)).toBe(expected.length);

    const clicked = receiver.received.find((e) => e.type === "message.clicked")!;
    expect(clicked).toMatchObject({
      contact: { userId: "ada-0" },
      data: {
        channel: "email",
        detail: { url: "https://acme.test/a" },
        origin: { kind: "journey" },
      },
    });
    // The erased contact's events carry no user id any more; the erasure names it for the warehouse.
    expect(receiver.received.find((e) => e.type === "contact.erased")).toMatchObject({
      contact: { userId: null },
      data: { userId: "bob-0" },
    });
  });

  it("keeps a batch that failed for the whole window as a dead letter, and replays it", async () => {
    const t = await makeTenant("Dead");
    const other = await startStreamReceiver();
    try {
      const { destination, secret } = await createDestination(t.workspace.id, t.user.id, {
        name: "Down",
        kind: "webhook",
        format: "pinpoint",
        settings: { url: other.url, batchSize: 100 },
      });
      other.secret = secret;
      other.failing = () => true;
      await writeLifecycle(t.workspace.id, 1);
      const expected = await outboxIds(t.workspace.id);
      // A zero window: the first failure is already past it.
      const dead = () => false;
      await deliverUntil(dead, destination.id, 3, { retry: { ...FAST, windowMs: 0 } });
      const letters = await listStreamDeadLetters(t.workspace.id, destination.id, 10);
      expect(letters).toHaveLength(1);
      expect(letters[0]!.eventCount).toBe(expected.length);
      expect(other.received).toHaveLength(0);

      other.failing = () => false;
      expect(await replayDeadLetter(t.workspace.id, letters[0]!.id)).toMatchObject({ ok: true });
      expect(await listStreamDeadLetters(t.workspace.id, destination.id, 10)).toHaveLength(0);
      expect(
        other.received.map((r) => (r.attributes as Record<string, string>).waymark_event_id).sort(),
      ).toEqual(expected.map((e) => e.id).sort());
      // The Pinpoint envelope: Pinpoint's names, epoch-millisecond times, string attributes.
      const types = other.received.map((r) => r.event_type);
      expect(types).toEqual(
        expect.arrayContaining([
          "_email.send",
          "_email.delivered",
          "_email.open",
          "_email.click",
          "_email.unsubscribe",
          "_SMS.BUFFERED",
          "_SMS.FAILURE",
          "_SMS.RECEIVED",
          "_SMS.OPTOUT",
          "_journey.send",
          "_campaign.send",
        ]),
      );
      const click = other.received.find((r) => r.event_type === "_email.click")!;
      expect(click).toMatchObject({
        event_version: "3.1",
        application: { app_id: t.workspace.id },
        attributes: { feedback: "https://acme.test/a", journey_activity_id: "email1" },
      });
      expect(typeof click.event_timestamp).toBe("number");
      expect(typeof click.arrival_timestamp).toBe("number");
      const sms = other.received.find((r) => r.event_type === "_SMS.FAILURE")!;
      expect(sms.attributes).toMatchObject({ treatment_id: "0", record_status: "UNREACHABLE" });
      expect(typeof (sms.attributes as Record<string, string>).campaign_id).toBe("string");
    } finally {
      await other.close();
    }
  });

  it("sends a batch again after a worker died holding it, once its lease ran out", async () => {
    const t = await makeTenant("Crash");
    const { destination, secret } = await createDestination(t.workspace.id, t.user.id, {
      name: "Crashy",
      kind: "webhook",
      settings: { url: receiver.url, batchSize: 4 },
    });
    receiver.secret = secret;
    receiver.failing = () => false;
    receiver.received = [];
    await writeLifecycle(t.workspace.id, 2);
    const expected = await outboxIds(t.workspace.id);
    // Worker A delivers its second batch to the receiver and then never comes back (as if killed).
    let batches = 0;
    let hang: (() => void) | undefined;
    const dying = (row: TStreamDestinationRow): StreamDestination => {
      const real = openStreamDestination(row);
      return {
        deliver: async (batch) => {
          const outcome = await real.deliver(batch);
          if (++batches === 2) await new Promise<void>((r) => (hang = r));
          return outcome;
        },
      };
    };
    const a = deliverDueStreams({
      budgetMs: 5_000,
      only: destination.id,
      leaseMs: 50,
      open: dying,
    });
    const got = () => new Set(receiver.received.map((e) => e.id as string));
    // B starts once A is stuck holding its second batch (already received), finds the destination
    // leased until A's lease runs out, then sends that batch again and the rest.
    await waitUntil(() => hang, 30_000, "worker A never reached its second batch");
    expect(
      await deliverUntil(() => got().size === expected.length, destination.id, 2000, {
        leaseMs: 50,
      }),
    ).toBe(true);
    const counts = new Map<string, number>();
    for (const e of receiver.received)
      counts.set(e.id as string, (counts.get(e.id as string) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    expect(twice).toEqual(expected.slice(4, 8).map((e) => e.id));
    hang?.();
    await a;
  });
});

describe("NDJSON export", () => {
  it("writes hourly gzip files that list and download with every event once", async () => {
    const t = await makeTenant("Export");
    const { destination } = await createDestination(t.workspace.id, t.user.id, {
      name: "Files",
      kind: "ndjson",
      settings: { period: "hour" },
    });
    await writeLifecycle(t.workspace.id, 3);
    const expected = await outboxIds(t.workspace.id);
    await deliverDueStreams({ budgetMs: 5_000, only: destination.id });
    // The same batch written again (a crash before the cursor moved) replaces its copy.
    await db().execute(
      sql`update stream_destinations set cursor_txid = 0, cursor_id = 0 where id = ${destination.id}`,
    );
    await deliverDueStreams({ budgetMs: 5_000, only: destination.id });
    const files = await listExportFiles(t.workspace.id, {}, "/api/v1/stream/exports");
    expect(files.length).toBeGreaterThan(0);
    expect(files[0]).toMatchObject({ destinationId: destination.id, period: "hour" });
    expect(files[0]!.name).toMatch(/^waymark-events-\d{4}-\d{2}-\d{2}T\d{2}\.ndjson\.gz$/);
    const lines: { id: string }[] = [];
    for (const f of files) {
      const file = await readExportFile(t.workspace.id, destination.id, f.url.split("/").pop()!);
      lines.push(
        ...gunzipSync(file.body)
          .toString("utf8")
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as { id: string }),
      );
    }
    expect(lines.map((l) => l.id)).toEqual(expected.map((e) => e.id));
  });

  it("pauses: a paused destination is not delivered to", async () => {
    const t = await makeTenant("Paused");
    const { destination } = await createDestination(t.workspace.id, t.user.id, {
      name: "Later",
      kind: "ndjson",
      settings: { period: "day" },
    });
    await updateDestination(t.workspace.id, t.user.id, destination.id, { status: "paused" });
    await writeLifecycle(t.workspace.id, 4);
    const report = await deliverDueStreams({ budgetMs: 5_000, only: destination.id });
    expect(report.destinations).toBe(0);
    expect(await listExportFiles(t.workspace.id, {}, "/x")).toHaveLength(0);
  });
});
