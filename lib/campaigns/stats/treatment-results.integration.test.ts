import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { runTreatmentCounts } from "@/db/queries/campaign-results";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { useTestDb } from "@/db/testing/test-db";
import { drainSlice } from "../delivery/drain-slice";
import { snapshotRun } from "../delivery/snapshot-run";
import { createCampaignAndLaunch } from "../save-campaign";
import { makeCampaignTenant } from "../testing/campaign-fixtures";
import { treatmentResults } from "./treatment-results";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

describe("results per treatment", () => {
  it("count each treatment's sends, deliveries, opens and clicks as the raw rows do", async () => {
    const t = await makeCampaignTenant("Results", 400);
    const { run } = await createCampaignAndLaunch(
      t.ws,
      t.userId,
      {
        name: "A/B",
        audience: { kind: "segment", segmentId: t.segment.id },
        channel: "email",
        treatments: [
          {
            label: "Short subject",
            templateId: t.templates[0]!.id,
            templateVersion: 1,
            percent: 50,
          },
          {
            label: "Long subject",
            templateId: t.templates[1]!.id,
            templateVersion: 1,
            percent: 50,
          },
        ],
        holdoutPercent: 10,
        schedule: { kind: "now" },
      },
      true,
    );
    await snapshotRun(run!.id);
    const starts = await sliceStarts(run!.id, 10_000);
    while ((await drainSlice({ runId: run!.id, from: starts[0]!, to: null })).kind === "sent");
    // Opens for every third message, a click (twice, counted once) for every fifth.
    await db().execute(sql`insert into message_events (workspace_id, message_id, type)
      select ${t.ws}, m.id, 'opened' from messages m
      where m.origin->>'runId' = ${run!.id} and m.status <> 'skipped' and (('x' || substr(m.id::text, 1, 8))::bit(32)::int % 3) = 0`);
    await db().execute(sql`insert into message_events (workspace_id, message_id, type)
      select ${t.ws}, m.id, 'clicked' from messages m, generate_series(1, 2)
      where m.origin->>'runId' = ${run!.id} and m.status <> 'skipped' and (('x' || substr(m.id::text, 1, 8))::bit(32)::int % 5) = 0`);

    const counts = await runTreatmentCounts(t.ws, run!.id);
    const raw = await executeRows<{
      treatment: number | null;
      audience: number;
      sent: number;
      opened: number;
      clicked: number;
    }>(sql`select d.treatment, count(distinct d.contact_id)::int as audience,
        count(distinct m.id)::int as sent,
        count(distinct o.message_id)::int as opened,
        count(distinct c.message_id)::int as clicked
      from campaign_deliveries d
      left join messages m on m.id = d.message_id and m.status <> 'skipped'
      left join message_events o on o.message_id = m.id and o.type = 'opened'
      left join message_events c on c.message_id = m.id and c.type = 'clicked'
      where d.run_id = ${run!.id} group by d.treatment order by d.treatment nulls last`);
    expect(
      counts.map(({ treatment, audience, sent, opened, clicked }) => ({
        treatment,
        audience,
        sent,
        opened,
        clicked,
      })),
    ).toEqual(raw);
    expect(counts.find((c) => c.treatment === 0)!.delivered).toBe(counts[0]!.sent);

    const results = treatmentResults(counts, ["Short subject", "Long subject"]);
    expect(results.treatments.map((r) => r.label)).toEqual(["Short subject", "Long subject"]);
    expect(results.holdout).toBe(raw.find((r) => r.treatment === null)!.audience);
    const b = results.treatments[1]!;
    expect(b.rates.clicked.rate).toBeCloseTo(b.clicked / b.delivered, 12);
    expect(b.rates.clicked.vsControl).not.toBeNull();
  });
});
