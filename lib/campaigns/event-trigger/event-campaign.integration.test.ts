import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRun } from "@/db/queries/campaign-runs";
import { findCampaign, setNextRunAt } from "@/db/queries/campaigns";
import { db } from "@/db";
import { campaignRuns } from "@/db/schema";
import { useTestDb } from "@/db/testing/test-db";
import { ingest } from "@/lib/ingest/ingest";
import { onIngested, type TIngestedEvent } from "@/lib/ingest/ingested-events";
import { parseCall } from "@/lib/ingest/normalize";
import { eq } from "drizzle-orm";
import { updateCampaignDefaults } from "../campaign-limits";
import { drainSlice } from "../delivery/drain-slice";
import { snapshotRun } from "../delivery/snapshot-run";
import { launchCampaign } from "../launch-campaign";
import { createCampaign } from "../save-campaign";
import { startDueRuns } from "../schedule/start-due-runs";
import { deliveriesOf, makeCampaignTenant } from "../testing/campaign-fixtures";
import { enqueueTriggeredSends } from "./enqueue-triggered";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
let seen: TIngestedEvent[] = [];
let unsubscribe: () => void;
beforeAll(async () => {
  testDb = await useTestDb();
  unsubscribe = onIngested((e) => void seen.push(...e));
});
afterAll(async () => {
  unsubscribe();
  await testDb.close();
});

type TTenant = Awaited<ReturnType<typeof makeCampaignTenant>>;

/** Tracks events as the API would, and returns what ingestion offered its listeners. */
async function track(
  ws: string,
  calls: { userId: string; event: string; properties?: Record<string, unknown>; at?: Date }[],
) {
  seen = [];
  const now = new Date();
  const ops = calls.map((c) => {
    const parsed = parseCall(
      "track",
      {
        userId: c.userId,
        event: c.event,
        properties: c.properties ?? {},
        ...(c.at ? { timestamp: c.at.toISOString() } : {}),
      },
      now,
    );
    if (!parsed.ok) throw new Error(`${parsed.field}: ${parsed.message}`);
    return parsed.op;
  });
  await ingest(ws, ops);
  return seen;
}

/** Drains every run the triggered sends touched, as campaign-drain does. */
async function drain(queued: { runId: string; contactId: string }[]) {
  for (const q of queued)
    for (;;) {
      const r = await drainSlice({ runId: q.runId, from: q.contactId, to: null });
      if (r.kind !== "sent") break;
    }
}

const body = (
  t: TTenant,
  schedule: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => ({
  name: `Event ${Math.random().toString(36).slice(2, 8)}`,
  audience: { kind: "segment", segmentId: t.segment.id },
  channel: "email",
  treatments: [{ label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 100 }],
  schedule,
  ...extra,
});

describe("event-triggered campaigns", () => {
  let t: TTenant;
  beforeAll(async () => {
    t = await makeCampaignTenant("Triggered", 40);
  });

  it("sends to the contact whose event matches the name and filters, once per launch, within the audience, and stays open", async () => {
    const campaign = await createCampaign(
      t.ws,
      t.userId,
      body(t, {
        kind: "event",
        event: "Cart Abandoned",
        filters: [{ property: "total", type: "number", op: "gte", value: 50 }],
        maxDelayMinutes: 30,
      }),
    );
    const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
    expect(run.status).toBe("sending");
    expect((await findCampaign(t.ws, campaign.id))!.state).toBe("running");

    // u4: pro, passes the filter. u2: pro, fails it. u8: free plan (not in the segment).
    // u3: pro, but its event is two hours old when it arrives. u5: another event name.
    const events = await track(t.ws, [
      { userId: "u4", event: "Cart Abandoned", properties: { total: 80 } },
      { userId: "u2", event: "Cart Abandoned", properties: { total: 20 } },
      { userId: "u8", event: "Cart Abandoned", properties: { total: 90 } },
      {
        userId: "u3",
        event: "Cart Abandoned",
        properties: { total: 90 },
        at: new Date(Date.now() - 2 * 3600_000),
      },
      { userId: "u5", event: "Checkout", properties: { total: 90 } },
    ]);
    const queued = await enqueueTriggeredSends(events);
    expect(queued.map((q) => q.runId)).toEqual([run.id]);
    await drain(queued);
    const rows = await deliveriesOf(run.id);
    expect(rows.map((r) => `${r.n}:${r.status}`).sort()).toEqual(["3:expired", "4:sent"]);

    // The same contact again: no second message in this launch.
    const again = await enqueueTriggeredSends(
      await track(t.ws, [{ userId: "u4", event: "Cart Abandoned", properties: { total: 99 } }]),
    );
    expect(again).toEqual([]);
    const after = (await findRun(t.ws, run.id))!;
    expect(after).toMatchObject({ status: "sending", pending: 0, audienceCount: 2 });

    // Past its end, the scheduler's sweep completes the run and the campaign.
    await db()
      .update(campaignRuns)
      .set({ trigger: { ...after.trigger, endAt: new Date(Date.now() - 1000).toISOString() } })
      .where(eq(campaignRuns.id, run.id));
    await startDueRuns(new Date());
    expect((await findRun(t.ws, run.id))!.status).toBe("completed");
    expect((await findCampaign(t.ws, campaign.id))!.state).toBe("completed");
  });

  it("refuses an end in the past and an event with no name, naming the field", async () => {
    await expect(
      createCampaign(t.ws, t.userId, body(t, { kind: "event", event: " " })),
    ).rejects.toMatchObject({ fields: { "schedule.event": "Name the event" } });
    const c = await createCampaign(
      t.ws,
      t.userId,
      body(t, { kind: "event", event: "Signed Up", endAt: "2020-01-01T00:00:00Z" }),
    );
    await expect(launchCampaign(t.ws, c.id, t.userId)).rejects.toMatchObject({
      fields: { "schedule.endAt": "Choose an end in the future" },
    });
  });
});

describe("workspace default limits", () => {
  it("are copied into each run under the campaign's own, and the total cap holds across runs", async () => {
    const t = await makeCampaignTenant("Defaults", 30);
    await updateCampaignDefaults(t.ws, { totalCapPerContact: 1, messagesPerSecond: 50 });
    const campaign = await createCampaign(
      t.ws,
      t.userId,
      body(
        t,
        {
          kind: "recurring",
          recurrence: { frequency: "daily", time: "09:00", startDate: "2026-01-01" },
        },
        { limits: { messagesPerSecond: 200 } },
      ),
    );
    await launchCampaign(t.ws, campaign.id, t.userId);
    const runOnce = async (at: Date) => {
      await setNextRunAt(t.ws, campaign.id, at);
      const { started } = await startDueRuns(new Date(), { campaignId: campaign.id });
      const run = started[0]!;
      await snapshotRun(run.id);
      await drain([{ runId: run.id, contactId: "00000000-0000-0000-0000-000000000000" }]);
      return run;
    };
    const first = await runOnce(new Date(Date.now() - 60_000));
    expect(first.limits).toEqual({ totalCapPerContact: 1, messagesPerSecond: 200 });
    const sentFirst = (await deliveriesOf(first.id)).filter((d) => d.status === "sent");
    expect(sentFirst.length).toBeGreaterThan(0);
    const second = await runOnce(new Date(Date.now() - 30_000));
    const capped = (await deliveriesOf(second.id)).filter((d) => d.status === "frequency_cap");
    expect(capped.map((d) => d.n).sort()).toEqual(sentFirst.map((d) => d.n).sort());
  });
});
