import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageTotals } from "@/db/queries/analytics-messages";
import { rawMessageCounts } from "@/db/queries/analytics-raw";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { loadJourneyDashboard } from "@/lib/analytics/dashboard-data";
import { parseDashboardParamsOrThrow } from "@/lib/analytics/dashboard-params";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { sendingDomainRates } from "@/db/queries/sending-domain-rates";
import { DEMO_SENDING_DOMAIN, seedDemoHistory } from "./demo-history";
import { seedDemoJourney } from "./demo-journey";

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

describe("the demo history", () => {
  it("runs the Welcome journey over 30 days once, with an A/B result and a holdout the dashboards can show", async () => {
    const now = new Date();
    const { workspace, user } = await makeTenant("Demo history");
    for (const channel of ["email", "sms", "push"] as const) {
      const t = await createTemplate(workspace.id, user.id, { name: `Demo ${channel}`, channel });
      await publishTemplate(workspace.id, t.id, user.id);
    }
    await seedDemoJourney(workspace.id, user.id);
    await seedDemoHistory(workspace.id, now);
    await seedDemoHistory(workspace.id, now);
    const [counts] = await executeRows<{ entries: number; messages: number; events: number }>(
      sql`select (select count(*)::int from journey_entries where workspace_id = ${workspace.id}) as entries,
                 (select count(*)::int from messages where workspace_id = ${workspace.id}) as messages,
                 (select count(*)::int from message_events where workspace_id = ${workspace.id}) as events`,
    );
    expect(counts).toMatchObject({ entries: 1500 });
    expect(counts!.messages).toBeGreaterThan(2000);
    expect(counts!.events).toBeGreaterThan(7000);

    const view = parseDashboardParamsOrThrow({ range: "30d" }, "UTC", now);
    expect(await messageTotals(workspace.id, view.range)).toEqual(
      expect.objectContaining({
        sent: (await rawMessageCounts(workspace.id, "UTC", view.range, "none")).get("all")?.sent,
      }),
    );
    const [{ id: journeyId }] = (await executeRows<{ id: string }>(
      sql`select id::text from journeys where workspace_id = ${workspace.id}`,
    )) as [{ id: string }];
    const dash = await loadJourneyDashboard(workspace.id, journeyId, view);
    const split = dash.experiments.find((e) => e.kind === "ab_split");
    const holdout = dash.experiments.find((e) => e.kind === "holdout");
    expect(split?.groups.map((g) => g.id)).toEqual(["A", "B"]);
    expect(split?.groups[1]?.test?.significant).toBe(true);
    expect(holdout?.groups[1]?.test?.relativeLift).toBeGreaterThan(0);
    expect(dash.now.map((n) => n.nodeId)).toEqual(["wait"]);
    expect(dash.funnel.find((f) => f.key === "goal")?.count).toBeGreaterThan(100);

    const [snapshots] = await executeRows<{ days: number }>(
      sql`select count(distinct day)::int as days from segment_size_snapshots where workspace_id = ${workspace.id}`,
    );
    expect(snapshots?.days ?? 0).toBe(0); // this tenant has no segments

    // Its emails went out from the demo's domain, so the per-domain sender health has figures.
    const domains = await sendingDomainRates(
      workspace.id,
      new Date(now.getTime() - 31 * 86_400_000),
    );
    expect(domains.map((d) => d.domain)).toEqual([DEMO_SENDING_DOMAIN]);
    expect(domains[0]!.sent).toBe(
      (
        await executeRows<{ n: number }>(
          sql`select count(*)::int as n from messages where workspace_id = ${workspace.id} and channel = 'email'`,
        )
      )[0]!.n,
    );
  }, 120_000);
});
