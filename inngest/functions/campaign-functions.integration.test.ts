import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { findRun, listRuns } from "@/db/queries/campaign-runs";
import { findCampaign } from "@/db/queries/campaigns";
import { useTestDb } from "@/db/testing/test-db";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { handleEventRequest } from "@/lib/local-executor/handle-event-request";
import { manualClock } from "@/lib/local-executor/clock";
import { createLocalExecutor, type TLocalExecutor } from "@/lib/local-executor/local-executor";
import {
  serveFunctions,
  TEST_EVENT_KEY,
  TEST_SIGNING_KEY,
} from "@/lib/local-executor/testing/serve-functions";
import { CAMPAIGN_RUN_STARTED, CAMPAIGN_SCHEDULER_TICK } from "@/inngest/events";
import { defineCampaignDrain } from "./campaign-drain";
import { defineCampaignRun } from "./campaign-run";
import { campaignSchedulerJob } from "./jobs/campaign-scheduler";

// The campaign functions served by the real SDK handler and run by the local executor: the run
// snapshots, fans out one drain event per slice through the event API, and the drains finish it.
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let app: Awaited<ReturnType<typeof serveFunctions>>;
let executor: TLocalExecutor;
const clock = manualClock();

/**
 * `executor.drain()` returns once nothing is due *now*; a drain that lost the race for the
 * campaign's tokens (another took the whole burst a moment before returning what it did not claim)
 * sleeps a second. So: drain, then move the executor's clock past such sleeps until no run is left.
 */
async function drainAll() {
  for (let i = 0; i < 50; i++) {
    await executor.drain();
    const [left] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from executor_runs where status in ('queued', 'waiting')`,
    );
    if (!left!.n) return;
    clock.advance(1_000);
  }
  throw new Error("executor runs still waiting after 50 rounds");
}

beforeAll(async () => {
  testDb = await useTestDb();
  app = await serveFunctions(
    (client) => [
      defineCampaignRun(client, { sliceSize: 60 }),
      defineCampaignDrain(client),
      campaignSchedulerJob.define(client),
    ],
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
    clock,
  });
  await executor.sync();
});
afterAll(async () => {
  await executor.stop();
  await app.close();
  await testDb.close();
});

describe("campaign functions on the local executor", () => {
  it("snapshot → fan-out of drain events per slice → every recipient sent once → completed", async () => {
    const t = await makeCampaignTenant("Exec", 300);
    const campaign = await createCampaign(t.ws, t.userId, {
      name: "Exec run",
      audience: { kind: "segment", segmentId: t.segment.id },
      channel: "email",
      treatments: [
        { label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 100 },
      ],
      holdoutPercent: 10,
      schedule: { kind: "now" },
    });
    const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
    await executor.send({ name: CAMPAIGN_RUN_STARTED, data: { runId: run.id } });
    await drainAll();

    expect(await findRun(t.ws, run.id)).toMatchObject({ status: "completed", pending: 0 });
    const runs = await executeRows<{ function_id: string; status: string }>(
      sql`select function_id, status from executor_runs order by created_at`,
    );
    const drains = runs.filter((r) => r.function_id.endsWith("campaign-drain"));
    // 240 pro contacts, ~216 queued after the holdout: four slices of 60.
    expect(drains.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((r) => r.status === "completed")).toBe(true);
    const [m] = await executeRows<{ n: number; distinct: number; sent: number }>(
      sql`select count(*)::int as n, count(distinct m.contact_id)::int as distinct,
          (select count(*)::int from campaign_deliveries where run_id = ${run.id} and status = 'sent') as sent
        from messages m where m.origin->>'runId' = ${run.id} and m.status <> 'skipped'`,
    );
    expect(m!.n).toBe(m!.distinct);
    expect(m!.n).toBe(m!.sent);
    expect(m!.n).toBeGreaterThan(100);
  });
});

describe("the campaign scheduler on the local executor", () => {
  it("syncs with its cron trigger; a tick starts the due occurrence's run once, which completes", async () => {
    const t = await makeCampaignTenant("Scheduler", 50);
    const now = new Date();
    const hhmm = new Date(now.getTime() - 3_600_000).toISOString().slice(11, 16);
    const campaign = await createCampaign(t.ws, t.userId, {
      name: "Daily digest",
      audience: { kind: "segment", segmentId: t.segment.id },
      channel: "email",
      treatments: [
        { label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 100 },
      ],
      schedule: {
        kind: "recurring",
        recurrence: { frequency: "daily", time: hhmm, startDate: "2026-01-01" },
      },
    });
    // Launched two hours ago: its first occurrence (an hour ago, UTC) is due.
    await launchCampaign(t.ws, campaign.id, t.userId, new Date(now.getTime() - 2 * 3_600_000));
    const due = (await findCampaign(t.ws, campaign.id))!.nextRunAt!;
    expect(due.getTime()).toBeLessThanOrEqual(now.getTime());
    await executor.send({ name: CAMPAIGN_SCHEDULER_TICK, data: { now: now.toISOString() } });
    await executor.send({ name: CAMPAIGN_SCHEDULER_TICK, data: {} });
    await drainAll();

    const runs = await listRuns(t.ws, campaign.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "completed", scheduledFor: due, pending: 0 });
    const c = await findCampaign(t.ws, campaign.id);
    expect(c!.state).toBe("scheduled");
    expect(c!.nextRunAt!.getTime()).toBe(due.getTime() + 24 * 3_600_000);
    const [m] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from messages where origin->>'runId' = ${runs[0]!.id}`,
    );
    expect(m!.n).toBeGreaterThan(20);
  });
});
