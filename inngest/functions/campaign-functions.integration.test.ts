import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { findRun } from "@/db/queries/campaign-runs";
import { useTestDb } from "@/db/testing/test-db";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { handleEventRequest } from "@/lib/local-executor/handle-event-request";
import { createLocalExecutor, type TLocalExecutor } from "@/lib/local-executor/local-executor";
import {
  serveFunctions,
  TEST_EVENT_KEY,
  TEST_SIGNING_KEY,
} from "@/lib/local-executor/testing/serve-functions";
import { CAMPAIGN_RUN_STARTED } from "@/inngest/events";
import { defineCampaignDrain } from "./campaign-drain";
import { defineCampaignRun } from "./campaign-run";

// The campaign functions served by the real SDK handler and run by the local executor: the run
// snapshots, fans out one drain event per slice through the event API, and the drains finish it.
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let app: Awaited<ReturnType<typeof serveFunctions>>;
let executor: TLocalExecutor;
beforeAll(async () => {
  testDb = await useTestDb();
  app = await serveFunctions(
    (client) => [defineCampaignRun(client, { sliceSize: 60 }), defineCampaignDrain(client)],
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
    await executor.drain();

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
        from messages m where m.origin->>'runId' = ${run.id}`,
    );
    expect(m!.n).toBe(m!.distinct);
    expect(m!.n).toBe(m!.sent);
    expect(m!.n).toBeGreaterThan(100);
  });
});
