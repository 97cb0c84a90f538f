import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { runConversionCounts, runTreatmentCounts } from "@/db/queries/campaign-results";
import { listRuns } from "@/db/queries/campaign-runs";
import { findCampaign } from "@/db/queries/campaigns";
import { insertEvents } from "@/db/queries/ingest";
import { useTestDb } from "@/db/testing/test-db";
import { refreshRollups } from "@/lib/analytics/refresh-rollups";
import { drainNow } from "@/lib/demo/demo-campaign";
import {
  recordEngagement,
  unsubscribeFromMessage,
} from "@/lib/messages/engagement/record-engagement";
import { launchCampaign } from "./launch-campaign";
import { readAcrossRuns } from "./read-across-runs";
import { createCampaign } from "./save-campaign";
import { startDueRuns } from "./schedule/start-due-runs";
import { makeCampaignTenant } from "./testing/campaign-fixtures";

// The across-runs results of a recurring campaign come from the rollups (message figures) and the
// deliveries (group sizes, conversions). Here they are compared, run by run and treatment by
// treatment, with counts over the raw rows: the deliveries, messages and their events.

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

const DAY = 86_400_000;
const METRICS = ["sent", "delivered", "opened", "clicked", "unsubscribed"] as const;

/** Opens, clicks, unsubscribes and orders on a run's messages, spread by the message's position. */
async function engage(ws: string, runId: string, at: Date, salt: number) {
  const rows = await executeRows<{ message_id: string; contact_id: string }>(
    sql`select message_id, contact_id from campaign_deliveries
      where run_id = ${runId} and message_id is not null and status = 'sent' order by contact_id`,
  );
  const orders: Parameters<typeof insertEvents>[1] = [];
  for (const [i, r] of rows.entries()) {
    const k = i + salt;
    if (k % 3 === 0)
      await recordEngagement({
        workspaceId: ws,
        messageId: r.message_id,
        type: "opened",
        at: new Date(at.getTime() + 3600_000),
      });
    if (k % 6 === 0)
      await recordEngagement({
        workspaceId: ws,
        messageId: r.message_id,
        type: "clicked",
        at: new Date(at.getTime() + 2 * 3600_000),
      });
    if (k % 41 === 0) await unsubscribeFromMessage(ws, r.message_id);
    if (k % 5 === 0)
      orders.push({
        contactId: r.contact_id,
        name: "Order Completed",
        properties: { total: 20 },
        // After the snapshot (taken on the real clock), within or past the 7-day window.
        occurredAt: new Date(Date.now() + (k % 10 === 0 ? 1 : 9 * 24) * 3600_000),
        messageId: `order-${runId}-${i}`,
      });
  }
  await db().transaction((tx) => insertEvents(ws, orders, tx));
}

describe("results across the runs of a recurring campaign", () => {
  it("equal counts over the raw rows, per run, per treatment and in total, before and after an incremental refresh", async () => {
    const t = await makeCampaignTenant("Across", 240);
    const now = new Date();
    const from = new Date(now.getTime() - 22 * DAY);
    const campaign = await createCampaign(t.ws, t.userId, {
      name: "Weekly digest",
      audience: { kind: "segment", segmentId: t.segment.id },
      channel: "email",
      treatments: [
        { label: "Short", templateId: t.templates[0]!.id, templateVersion: 1, percent: 50 },
        { label: "Long", templateId: t.templates[1]!.id, templateVersion: 1, percent: 50 },
      ],
      holdoutPercent: 10,
      conversion: { event: "Order Completed", windowDays: 7 },
      schedule: {
        kind: "recurring",
        recurrence: {
          frequency: "daily",
          time: "09:00",
          startDate: from.toISOString().slice(0, 10),
        },
      },
    });
    await launchCampaign(t.ws, campaign.id, t.userId, from);
    // Three daily occurrences, each run at its own time as the scheduler would have run it.
    for (let i = 0; i < 3; i++) {
      const c = await findCampaign(t.ws, campaign.id);
      const at = new Date(c!.nextRunAt!.getTime() + 60_000);
      const { started } = await startDueRuns(at, { campaignId: campaign.id });
      expect(started).toHaveLength(1);
      await drainNow(started[0]!.id, at);
      await engage(t.ws, started[0]!.id, at, i);
    }
    await refreshRollups();

    const check = async () => {
      const c = (await findCampaign(t.ws, campaign.id))!;
      const runs = await listRuns(t.ws, campaign.id);
      expect(runs).toHaveLength(3);
      const across = await readAcrossRuns(c, runs);
      const byTreatment = new Map<number | null, Record<string, number>>();
      const totals: Record<string, number> = { audience: 0, conversions: 0 };
      for (const run of runs) {
        const raw = await runTreatmentCounts(t.ws, run.id);
        const conv = await runConversionCounts(t.ws, run.id, c.conversion!);
        const row = across.runs.find((r) => r.runId === run.id)!;
        for (const m of METRICS) {
          const want = raw.reduce((n, g) => n + g[m], 0);
          expect({ run: run.occurrence, m, n: row[m] }).toEqual({
            run: run.occurrence,
            m,
            n: want,
          });
          totals[m] = (totals[m] ?? 0) + want;
        }
        const converted = conv
          .filter((g) => g.treatment !== null)
          .reduce((n, g) => n + g.converted, 0);
        expect(row.conversions).toBe(converted);
        expect(row.audience).toBe(run.audienceCount);
        totals.audience! += run.audienceCount!;
        totals.conversions! += converted;
        for (const g of raw) {
          const agg = byTreatment.get(g.treatment) ?? {};
          for (const k of ["audience", ...METRICS] as const) agg[k] = (agg[k] ?? 0) + g[k];
          const cg = conv.find((x) => x.treatment === g.treatment);
          agg.converted = (agg.converted ?? 0) + (cg?.converted ?? 0);
          byTreatment.set(g.treatment, agg);
        }
      }
      expect(across.totals).toEqual(totals);
      // Per treatment, every run added up; the holdout is sized, never sent to.
      for (const tr of across.treatments.treatments) {
        const want = byTreatment.get(tr.treatment)!;
        for (const k of ["audience", ...METRICS] as const) expect(tr[k]).toBe(want[k]);
      }
      expect(across.treatments.treatments.map((x) => x.label)).toEqual(["Short", "Long"]);
      expect(across.treatments.holdout).toBe(byTreatment.get(null)!.audience);
      for (const g of across.conversions!)
        expect({ g: g.treatment, n: g.converted }).toEqual({
          g: g.treatment,
          n: byTreatment.get(g.treatment)!.converted,
        });

      // And independently of the run query: messages and their events grouped by run and treatment.
      const rawMessages = await executeRows<{ run: string; opened: number; clicked: number }>(
        sql`select m.origin->>'runId' as run,
          count(*) filter (where exists (select 1 from message_events e where e.message_id = m.id and e.type = 'opened'))::int as opened,
          count(*) filter (where exists (select 1 from message_events e where e.message_id = m.id and e.type = 'clicked'))::int as clicked
        from messages m where m.workspace_id = ${t.ws} and m.origin->>'campaignId' = ${campaign.id}
        group by 1`,
      );
      for (const r of rawMessages) {
        const row = across.runs.find((x) => x.runId === r.run)!;
        expect({ opened: row.opened, clicked: row.clicked }).toEqual({
          opened: r.opened,
          clicked: r.clicked,
        });
      }
      return across;
    };

    const first = await check();
    expect(first.totals.sent).toBeGreaterThan(300);
    expect(first.totals.opened).toBeGreaterThan(0);
    expect(first.totals.unsubscribed).toBeGreaterThan(0);
    expect(first.totals.conversions).toBeGreaterThan(0);

    // Late engagement on the first run, picked up by the incremental refresh.
    const [oldest] = (await listRuns(t.ws, campaign.id)).slice(-1);
    await engage(t.ws, oldest!.id, now, 1);
    await refreshRollups();
    const second = await check();
    expect(second.totals.opened).toBeGreaterThan(first.totals.opened);
  });
});
