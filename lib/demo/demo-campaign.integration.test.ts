import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { listRuns } from "@/db/queries/campaign-runs";
import { findCampaign, listCampaigns } from "@/db/queries/campaigns";
import { useTestDb } from "@/db/testing/test-db";
import { publishedEmail, makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { createSegment } from "@/lib/segments/save-segment";
import { runConversionCounts } from "@/db/queries/campaign-results";
import { readAcrossRuns } from "@/lib/campaigns/read-across-runs";
import { DEMO_CAMPAIGN_NAME, DEMO_RECURRING_NAME, seedDemoCampaign } from "./demo-campaign";
import { DEMO_AB_NAME } from "./demo-campaign-tests";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

describe("the demo campaigns", () => {
  it("seed a completed campaign and a weekly newsletter with its past runs and next run, once", async () => {
    const t = await makeCampaignTenant("DemoCampaigns", 60);
    await publishedEmail(t.ws, t.userId, "Pro upgrade email", "Go pro");
    await publishedEmail(t.ws, t.userId, "Welcome email", "Welcome");
    const seg = await createSegment(t.ws, t.userId, {
      name: "Pro plan in Europe",
      description: "",
      type: "dynamic",
      definition: (
        await executeRows<{ definition: never }>(
          sql`select definition from segments where id = ${t.segment.id}`,
        )
      )[0]!.definition,
    });
    expect(seg).toBeTruthy();
    await seedDemoCampaign(t.ws, t.userId);
    await seedDemoCampaign(t.ws, t.userId);
    const names = (await listCampaigns(t.ws)).map((c) => c.name).sort();
    // No SMS template in this tenant: the event-triggered demo is skipped, not half-made.
    expect(names).toEqual([DEMO_AB_NAME, DEMO_CAMPAIGN_NAME, DEMO_RECURRING_NAME].sort());
    const ab = (await listCampaigns(t.ws)).find((c) => c.name === DEMO_AB_NAME)!;
    const [abRun] = await listRuns(t.ws, ab.id);
    expect(abRun!.status).toBe("completed");
    const conv = await runConversionCounts(
      t.ws,
      abRun!.id,
      (await findCampaign(t.ws, ab.id))!.conversion!,
    );
    // Both treatments, each with some conversions; the holdout is drawn by hash from this small
    // tenant's audience and can come out empty, so its rate is compared
    // when it holds anyone: A's above it.
    expect(conv.slice(0, 2).map((g) => g.treatment)).toEqual([0, 1]);
    expect(conv.every((g) => g.treatment === null || g.converted > 0)).toBe(true);
    const rate = (g: { converted: number; assigned: number }) => g.converted / g.assigned;
    const holdout = conv.find((g) => g.treatment === null);
    if (holdout) expect(rate(conv[0]!)).toBeGreaterThan(rate(holdout));
    const weekly = (await listCampaigns(t.ws)).find((c) => c.name === DEMO_RECURRING_NAME)!;
    const runs = await listRuns(t.ws, weekly.id);
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.every((r) => r.status === "completed")).toBe(true);
    const c = await findCampaign(t.ws, weekly.id);
    // Its results across runs are alive from the start: opened and clicked, in the rollups.
    const across = await readAcrossRuns(c!, runs);
    expect(across.runs.every((r) => r.sent > 0 && r.opened > 0)).toBe(true);
    expect(across.totals.clicked).toBeGreaterThan(0);
    expect(across.totals.sent).toBe(
      (
        await executeRows<{ n: number }>(
          sql`select count(*)::int as n from messages where origin->>'campaignId' = ${weekly.id}
            and status in ('sent', 'delivered')`,
        )
      )[0]!.n,
    );
    expect(c).toMatchObject({ state: "scheduled" });
    expect(c!.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
  });
});
