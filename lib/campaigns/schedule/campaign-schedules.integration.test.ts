import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { findRun, listRuns, runProgress, sliceStarts } from "@/db/queries/campaign-runs";
import { findCampaign } from "@/db/queries/campaigns";
import { useTestDb } from "@/db/testing/test-db";
import { controlCampaign } from "../control-campaign";
import { drainSlice } from "../delivery/drain-slice";
import { snapshotRun } from "../delivery/snapshot-run";
import { launchCampaign } from "../launch-campaign";
import { createCampaign, createCampaignAndLaunch } from "../save-campaign";
import { makeCampaignTenant } from "../testing/campaign-fixtures";
import { startDueRuns } from "./start-due-runs";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

type TTenant = Awaited<ReturnType<typeof makeCampaignTenant>>;
const HOUR = 3_600_000;

const body = (t: TTenant, extra: Record<string, unknown> = {}) => ({
  name: `C ${Math.random().toString(36).slice(2, 8)}`,
  audience: { kind: "everyone" },
  channel: "email",
  treatments: [{ label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 100 }],
  holdoutPercent: 0,
  schedule: { kind: "now" },
  ...extra,
});

/** Drains every slice of the run until each one stops, waits or is empty, as of `now`. */
async function drainAt(runId: string, now: Date) {
  const starts = await sliceStarts(runId, 1000);
  const kinds: string[] = [];
  for (const [i, from] of starts.entries())
    for (;;) {
      const r = await drainSlice(
        { runId, from, to: starts[i + 1] ?? null },
        { now: () => now, batchSize: 200 },
      );
      kinds.push(r.kind === "wait" ? `wait:${r.waitMs}` : r.kind);
      if (r.kind !== "sent") break;
    }
  return kinds;
}

const sentMessages = (runId: string) =>
  executeRows<{ email: string }>(
    sql`select c.email from messages m join contacts c on c.id = m.contact_id
      where m.origin->>'runId' = ${runId} order by c.email`,
  );

describe("cancel", () => {
  it("settles what the run still queued as cancelled, counted, and its workers stop", async () => {
    const t = await makeCampaignTenant("Cancel", 300);
    const campaign = await createCampaign(t.ws, t.userId, body(t));
    const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
    const { queued } = (await snapshotRun(run.id))!;
    const starts = await sliceStarts(run.id, 10_000);
    const slice = { runId: run.id, from: starts[0]!, to: null };
    expect((await drainSlice(slice, { batchSize: 50 })).kind).toBe("sent");
    await controlCampaign(t.ws, campaign.id, "cancel", t.userId);
    expect(await drainSlice(slice)).toEqual({ kind: "stopped", status: "cancelled" });
    const p = await runProgress(t.ws, run.id);
    expect(p.byStatus.queued ?? 0).toBe(0);
    expect(p.byStatus.sending ?? 0).toBe(0);
    const settledBefore = queued - (p.byStatus.cancelled ?? 0);
    expect(p.byStatus.cancelled).toBeGreaterThan(0);
    // Exactly the 50 claimed before the cancel were decided; everything else was cancelled.
    expect(settledBefore).toBe(50);
    expect(await findRun(t.ws, run.id)).toMatchObject({ status: "cancelled", pending: 0 });
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({
      state: "cancelled",
      nextRunAt: null,
    });
  });
});

describe("save and send now", () => {
  it("is one transaction: a refused launch leaves no draft, and the retry keeps the name", async () => {
    const t = await makeCampaignTenant("SaveSend", 5);
    const count = async () =>
      (
        await executeRows<{ n: number }>(
          sql`select count(*)::int as n from campaigns where workspace_id = ${t.ws}`,
        )
      )[0]!.n;
    const b = body(t, {
      name: "Launch me",
      schedule: { kind: "at", sendAt: "2020-01-01T09:00:00Z" },
    });
    await expect(createCampaignAndLaunch(t.ws, t.userId, b, true)).rejects.toMatchObject({
      fields: { "schedule.sendAt": "Choose a time in the future" },
    });
    expect(await count()).toBe(0);
    const { campaign, run } = await createCampaignAndLaunch(
      t.ws,
      t.userId,
      { ...b, schedule: { kind: "now" } },
      true,
    );
    expect(campaign).toMatchObject({ name: "Launch me", state: "running" });
    expect(run).toMatchObject({ campaignId: campaign.id, status: "snapshotting" });
    expect(await count()).toBe(1);
  });
});

describe("local-time campaigns", () => {
  it("deliver at 09:00 in each contact's zone (the workspace's when it has none or a bad one), computed in SQL", async () => {
    const t = await makeCampaignTenant("Local", 0);
    await db().execute(sql`update workspaces set timezone = 'Europe/Paris' where id = ${t.ws}`);
    await db().execute(sql`insert into contacts (workspace_id, external_id, email, timezone) values
      (${t.ws}, 'tokyo', 'tokyo@example.com', 'Asia/Tokyo'),
      (${t.ws}, 'ny', 'ny@example.com', 'America/New_York'),
      (${t.ws}, 'none', 'none@example.com', null),
      (${t.ws}, 'bad', 'bad@example.com', 'Mars/Olympus_Mons')`);
    const date = "2031-03-09"; // a Sunday; New York has just moved to EDT (8 March 2031)
    const campaign = await createCampaign(
      t.ws,
      t.userId,
      body(t, { schedule: { kind: "local_time", date, time: "09:00" } }),
    );
    const launchedAt = new Date("2031-03-08T12:00:00Z");
    const run = (await launchCampaign(t.ws, campaign.id, t.userId, launchedAt))!;
    // The run starts when 09:00 first arrives (UTC+14) and spans 26 hours.
    expect(run.scheduledFor).toEqual(new Date("2031-03-08T19:00:00Z"));
    expect(run.sendLocal).toEqual({ date, time: "09:00" });
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({ state: "scheduled" });
    await snapshotRun(run.id, run.scheduledFor);
    const due = await executeRows<{ external_id: string; not_before: string }>(
      sql`select c.external_id, d.not_before from campaign_deliveries d join contacts c on c.id = d.contact_id
        where d.run_id = ${run.id} order by d.not_before, c.external_id`,
    );
    expect(due.map((d) => [d.external_id, new Date(d.not_before).toISOString()])).toEqual([
      ["tokyo", "2031-03-09T00:00:00.000Z"],
      ["bad", "2031-03-09T08:00:00.000Z"],
      ["none", "2031-03-09T08:00:00.000Z"],
      ["ny", "2031-03-09T13:00:00.000Z"],
    ]);
    // Before Tokyo's 09:00 nothing goes; the drain waits exactly until then.
    expect(await drainAt(run.id, new Date("2031-03-08T23:00:00Z"))).toEqual([`wait:${HOUR}`]);
    expect(await sentMessages(run.id)).toEqual([]);
    await drainAt(run.id, new Date("2031-03-09T00:00:00Z"));
    expect((await sentMessages(run.id)).map((m) => m.email)).toEqual(["tokyo@example.com"]);
    await drainAt(run.id, new Date("2031-03-09T08:30:00Z"));
    expect(await sentMessages(run.id)).toHaveLength(3);
    expect(await findRun(t.ws, run.id)).toMatchObject({ status: "sending" });
    await drainAt(run.id, new Date("2031-03-09T13:00:00Z"));
    expect(await sentMessages(run.id)).toHaveLength(4);
    expect(await findRun(t.ws, run.id)).toMatchObject({ status: "completed", pending: 0 });
  });

  it("sends the next day at the same local time to contacts whose time had passed when the run started, and refuses a day already over everywhere", async () => {
    const t = await makeCampaignTenant("LocalLate", 0);
    await db().execute(sql`insert into contacts (workspace_id, external_id, email, timezone) values
      (${t.ws}, 'tokyo', 'tokyo@example.com', 'Asia/Tokyo'),
      (${t.ws}, 'ny', 'ny@example.com', 'America/New_York')`);
    const schedule = { kind: "local_time", date: "2031-06-10", time: "09:00" };
    const late = new Date("2031-06-10T03:00:00Z"); // 12:00 in Tokyo, 23:00 the day before in New York
    const campaign = await createCampaign(t.ws, t.userId, body(t, { schedule }));
    const run = (await launchCampaign(t.ws, campaign.id, t.userId, late))!;
    expect(run.scheduledFor).toEqual(late);
    await snapshotRun(run.id, late);
    const rows = await executeRows<{ external_id: string; not_before: string }>(
      sql`select c.external_id, d.not_before from campaign_deliveries d join contacts c on c.id = d.contact_id
        where d.run_id = ${run.id} order by c.external_id`,
    );
    expect(rows.map((r) => [r.external_id, new Date(r.not_before).toISOString()])).toEqual([
      ["ny", "2031-06-10T13:00:00.000Z"],
      ["tokyo", "2031-06-11T00:00:00.000Z"],
    ]);
    const over = await createCampaign(t.ws, t.userId, body(t, { schedule }));
    await expect(
      launchCampaign(t.ws, over.id, t.userId, new Date("2031-06-10T22:00:00Z")),
    ).rejects.toMatchObject({ fields: { "schedule.date": "Choose a time in the future" } });
  });
});

describe("recurring campaigns and the scheduler sweep", () => {
  it("start one run per occurrence, take the audience again each time, skip occurrences while paused", async () => {
    const t = await makeCampaignTenant("Recurring", 40);
    const campaign = await createCampaign(
      t.ws,
      t.userId,
      body(t, {
        audience: { kind: "segment", segmentId: t.segment.id },
        schedule: {
          kind: "recurring",
          recurrence: {
            frequency: "weekly",
            time: "09:30",
            weekdays: [1, 3], // Monday, Wednesday
            startDate: "2031-01-01",
            endDate: "2031-01-31",
          },
        },
      }),
    );
    const t0 = new Date("2031-01-04T10:00:00Z"); // a Saturday
    expect(await launchCampaign(t.ws, campaign.id, t.userId, t0)).toBeNull();
    const first = new Date("2031-01-06T09:30:00Z"); // Monday, workspace zone UTC
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({
      state: "scheduled",
      nextRunAt: first,
    });
    expect((await startDueRuns(new Date(first.getTime() - 1000))).started).toEqual([]);

    // Two sweeps at once start one run for the occurrence.
    const at = new Date(first.getTime() + 20_000);
    const [a, b] = await Promise.all([startDueRuns(at), startDueRuns(at)]);
    const started = [...a.started, ...b.started];
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ scheduledFor: first, occurrence: 1 });
    expect((await startDueRuns(at)).started).toEqual([]);
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({
      nextRunAt: new Date("2031-01-08T09:30:00Z"),
    });

    await snapshotRun(started[0]!.id, at);
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({ state: "running" });
    await drainAt(started[0]!.id, at);
    // Back to waiting for the next occurrence once the run is done.
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({ state: "scheduled" });
    const firstCount = (await findRun(t.ws, started[0]!.id))!.audienceCount!;

    // A contact who joins the segment in between is in the next run.
    await db().execute(sql`insert into contacts (workspace_id, external_id, email, attributes)
      values (${t.ws}, 'new', 'new@example.com', '{"plan":"pro","n":1001}')`);
    const second = (await startDueRuns(new Date("2031-01-08T09:31:00Z"))).started;
    expect(second).toHaveLength(1);
    await snapshotRun(second[0]!.id, new Date("2031-01-08T09:31:00Z"));
    expect((await findRun(t.ws, second[0]!.id))!.audienceCount).toBe(firstCount + 1);
    await drainAt(second[0]!.id, new Date("2031-01-08T09:31:00Z"));
    expect((await sentMessages(second[0]!.id)).map((m) => m.email)).toContain("new@example.com");

    // Paused: the due occurrence is skipped.
    await controlCampaign(t.ws, campaign.id, "pause", t.userId);
    expect((await startDueRuns(new Date("2031-01-13T09:31:00Z"))).started).toEqual([]);
    expect(await listRuns(t.ws, campaign.id)).toHaveLength(2);
    const { state } = await controlCampaign(t.ws, campaign.id, "resume", t.userId);
    // Resumed, it waits for its next occurrence from now (the real clock, before 2031: the first).
    expect(state).toBe("scheduled");
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({
      nextRunAt: new Date("2031-01-01T09:30:00Z"),
    });
  });

  it("stops after its end date: the last run leaves the campaign completed", async () => {
    const t = await makeCampaignTenant("RecurringEnd", 5);
    const campaign = await createCampaign(
      t.ws,
      t.userId,
      body(t, {
        schedule: {
          kind: "recurring",
          recurrence: {
            frequency: "daily",
            time: "08:00",
            startDate: "2031-02-01",
            endDate: "2031-02-01",
          },
        },
      }),
    );
    await launchCampaign(t.ws, campaign.id, t.userId, new Date("2031-01-20T00:00:00Z"));
    const at = new Date("2031-02-01T08:00:30Z");
    // (The sweep covers every workspace: other tests' campaigns may start runs too.)
    const run = (await startDueRuns(at)).started.find((r) => r.campaignId === campaign.id);
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({ nextRunAt: null });
    await snapshotRun(run!.id, at);
    await drainAt(run!.id, at);
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({ state: "completed" });
    // One whose end is already past is refused at launch, with the field named.
    const ended = await createCampaign(
      t.ws,
      t.userId,
      body(t, {
        schedule: {
          kind: "recurring",
          recurrence: {
            frequency: "daily",
            time: "08:00",
            startDate: "2031-02-01",
            endDate: "2031-02-01",
          },
        },
      }),
    );
    await expect(
      launchCampaign(t.ws, ended.id, t.userId, new Date("2031-02-02T00:00:00Z")),
    ).rejects.toMatchObject({
      fields: { "schedule.recurrence.endDate": "It ends before it would run" },
    });
  });
});
