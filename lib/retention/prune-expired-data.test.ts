import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { contacts, events, executorEvents, executorRuns, executorSteps } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { insertTestMessage } from "@/db/testing/message-fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { createImport } from "@/lib/imports/create-import";
import { pruneExpiredData } from "./prune-expired-data";
import { retentionOf, RETENTION_DEFAULTS, updateRetention } from "./retention-settings";

// Retention on a real database: what is past its period goes, in batches; what is not (or is still
// running, or belongs to a workspace that keeps it) stays.
const NOW = new Date("2026-06-30T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 3600_000);
let close: () => Promise<void>;
beforeAll(async () => ({ close } = await useTestDb()));
afterAll(() => close());

const run = (id: string, status: string, finishedAt: Date | null) => ({
  id,
  functionId: "waymark-run-journey",
  event: { name: "journey/contact.entered", data: { entryId: id } },
  status,
  readyAt: daysAgo(30),
  finishedAt,
});
const ids = async (q: ReturnType<typeof sql>) =>
  (await executeRows<{ id: string }>(q)).map((r) => String(r.id)).sort();

describe("pruning expired data", () => {
  it("keeps the defaults until an admin changes them, and validates what is saved", async () => {
    const t = await makeTenant("Defaults");
    expect(await retentionOf(t.workspace.id)).toEqual(RETENTION_DEFAULTS);
    expect(RETENTION_DEFAULTS).toEqual({
      messageBodyDays: 30,
      importDays: 7,
      contactEventDays: null,
    });
    await expect(
      updateRetention(t.workspace.id, {
        messageBodyDays: 0,
        importDays: 7,
        contactEventDays: null,
      }),
    ).rejects.toThrow();
    await updateRetention(t.workspace.id, {
      messageBodyDays: 90,
      importDays: 7,
      contactEventDays: 365,
    });
    expect(await retentionOf(t.workspace.id)).toEqual({
      messageBodyDays: 90,
      importDays: 7,
      contactEventDays: 365,
    });
  });

  it("deletes finished executor runs, their steps and old events after 7 days, in batches", async () => {
    await db()
      .insert(executorRuns)
      .values([
        ...Array.from({ length: 25 }, (_, i) => run(`old-${i}`, "completed", daysAgo(8))),
        run("recent", "completed", daysAgo(6)),
        run("still-waiting", "waiting", null),
      ]);
    await db()
      .insert(executorSteps)
      .values([
        { runId: "old-0", stepId: "s", result: { data: 1 } },
        { runId: "still-waiting", stepId: "s", result: { data: 1 } },
      ]);
    await db()
      .insert(executorEvents)
      .values([
        { id: "ev-old", name: "x", data: {}, ts: 0, receivedAt: daysAgo(9) },
        { id: "ev-new", name: "x", data: {}, ts: 0, receivedAt: daysAgo(1) },
      ]);
    const batches: [string, number][] = [];
    const report = await pruneExpiredData({
      now: NOW,
      batchSize: 10,
      onBatch: (kind, rows, ms) => {
        expect(ms).toBeGreaterThanOrEqual(0);
        batches.push([kind, rows]);
      },
    });
    expect(report).toMatchObject({ executorRuns: 25, executorEvents: 1, more: false });
    // Small statements, each reported: full batches until a short one says the kind is done.
    expect(batches.filter(([k]) => k.startsWith("executor"))).toEqual([
      ["executorRuns", 10],
      ["executorRuns", 10],
      ["executorRuns", 5],
      ["executorEvents", 1],
    ]);
    expect(await ids(sql`select id from executor_runs`)).toEqual(["recent", "still-waiting"]);
    expect(await ids(sql`select run_id as id from executor_steps`)).toEqual(["still-waiting"]);
    expect(await ids(sql`select id from executor_events`)).toEqual(["ev-new"]);
  });

  it("stops when its time budget is spent and says there is more", async () => {
    await db()
      .insert(executorRuns)
      .values(Array.from({ length: 5 }, (_, i) => run(`late-${i}`, "failed", daysAgo(20))));
    const first = await pruneExpiredData({ now: NOW, batchSize: 2, budgetMs: -1 });
    expect(first).toMatchObject({ executorRuns: 0, more: true });
    expect(await pruneExpiredData({ now: NOW, batchSize: 2 })).toMatchObject({
      executorRuns: 5,
      more: false,
    });
  });

  it("clears old message bodies but keeps the messages; per workspace periods", async () => {
    const a = await makeTenant("Bodies A");
    const b = await makeTenant("Bodies B");
    await updateRetention(b.workspace.id, {
      messageBodyDays: 90,
      importDays: null,
      contactEventDays: null,
    });
    const oldA = await insertTestMessage(a.workspace.id, { createdAt: daysAgo(31) });
    const newA = await insertTestMessage(a.workspace.id, { createdAt: daysAgo(29) });
    const oldB = await insertTestMessage(b.workspace.id, { createdAt: daysAgo(31) });
    await pruneExpiredData({ now: NOW });
    const rows = await executeRows<{ id: string; has_body: boolean }>(
      sql`select id, content is not null as has_body from messages where id in (${oldA.id}, ${newA.id}, ${oldB.id})`,
    );
    const body = Object.fromEntries(rows.map((r) => [r.id, r.has_body]));
    expect(body).toEqual({ [oldA.id]: false, [newA.id]: true, [oldB.id]: true });
  });

  it("drops the files and error rows of imports finished over a week ago", async () => {
    const t = await makeTenant("Imports");
    const { import: imp } = await createImport(t.workspace.id, t.user.id, {
      name: "c.csv",
      bytes: Buffer.from("id,email\n1,a@example.com\n"),
    });
    await executeRows(
      sql`update contact_imports set status = 'completed', finished_at = ${daysAgo(8)} where id = ${imp.id}`,
    );
    await executeRows(
      sql`insert into contact_import_errors (import_id, workspace_id, row_number, columns, message, "values")
          values (${imp.id}, ${t.workspace.id}, 2, '[]', 'bad', '[]')`,
    );
    const report = await pruneExpiredData({ now: NOW });
    expect(report.importRows).toBeGreaterThanOrEqual(2);
    const [left] = await executeRows<{ chunks: number; errors: number; imports: number }>(
      sql`select (select count(*)::int from contact_import_chunks where import_id = ${imp.id}) as chunks,
            (select count(*)::int from contact_import_errors where import_id = ${imp.id}) as errors,
            (select count(*)::int from contact_imports where id = ${imp.id}) as imports`,
    );
    expect(left).toEqual({ chunks: 0, errors: 0, imports: 1 });
  });

  it("keeps raw contact events unless the workspace turned their retention on", async () => {
    const keep = await makeTenant("Keeps events");
    const prune = await makeTenant("Prunes events");
    await updateRetention(prune.workspace.id, {
      messageBodyDays: 30,
      importDays: 7,
      contactEventDays: 60,
    });
    for (const t of [keep, prune]) {
      const [c] = await db()
        .insert(contacts)
        .values({ workspaceId: t.workspace.id, externalId: "u1" })
        .returning();
      await db()
        .insert(events)
        .values([
          {
            workspaceId: t.workspace.id,
            contactId: c!.id,
            name: "old",
            occurredAt: daysAgo(61),
            messageId: "m1",
          },
          {
            workspaceId: t.workspace.id,
            contactId: c!.id,
            name: "new",
            occurredAt: daysAgo(59),
            messageId: "m2",
          },
        ]);
    }
    await pruneExpiredData({ now: NOW });
    const left = await executeRows<{ ws: string; name: string }>(
      sql`select workspace_id as ws, name from events where workspace_id in (${keep.workspace.id}, ${prune.workspace.id}) order by name`,
    );
    expect(left.filter((r) => r.ws === keep.workspace.id).map((r) => r.name)).toEqual([
      "new",
      "old",
    ]);
    expect(left.filter((r) => r.ws === prune.workspace.id).map((r) => r.name)).toEqual(["new"]);
  });

  it("drops rate buckets idle for a day once they are full again, and keeps every other", async () => {
    // key, rate (tokens/s), burst, tokens left, last taken from
    const buckets: [string, number, number, number, Date][] = [
      ["idle-full", 1, 5, 5, daysAgo(2)],
      ["idle-refilled", 1, 5, 0, daysAgo(2)], // empty two days ago, full long since
      ["idle-still-filling", 1e-6, 5, 0, daysAgo(2)], // 0.17 tokens back in two days
      ["recent", 1, 5, 5, new Date(NOW.getTime() - 3600_000)],
    ];
    for (const [key, rate, burst, tokens, refilledAt] of buckets)
      await db().execute(
        sql`insert into rate_buckets (key, rate, burst, tokens, refilled_at)
            values (${key}, ${rate}, ${burst}, ${tokens}, ${refilledAt})`,
      );
    const report = await pruneExpiredData({ now: NOW });
    expect(report.rateBuckets).toBe(2);
    const left = await executeRows<{ key: string }>(
      sql`select key from rate_buckets where key like 'idle-%' or key = 'recent' order by key`,
    );
    expect(left.map((r) => r.key)).toEqual(["idle-still-filling", "recent"]);
  });
});
