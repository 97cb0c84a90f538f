import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { messages } from "@/db/schema";
import { useTestDb } from "@/db/testing/test-db";
import { updateCampaignDefaults } from "@/lib/campaigns/campaign-limits";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { deliveriesOf, makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { dbJourneyEffects } from "@/lib/journeys/runtime/db-journey-effects";
import { sendTransactional } from "../transactional/send-transactional";
import { FREQUENCY_CAP_REASON } from "./frequency-cap";

// One global frequency cap (Settings → Campaigns defaults), decided in the send path: journey
// sends and campaign batches count toward it and are refused by it alike; transactional sends are
// neither. Days matter, so the clock is faked (Date only: the database drivers keep real timers).

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());
afterEach(() => vi.useRealTimers());

// Ahead of the real clock: the database's own now() (expiry checks) must not find the run late.
const DAY1 = new Date("2031-03-03T10:00:00Z");
const at = (hoursAfterDay1: number) => new Date(DAY1.getTime() + hoursAfterDay1 * 3600_000);
const setClock = (d: Date) => vi.setSystemTime(d);

describe("the global frequency cap", () => {
  it("counts campaign and journey sends together, skips a journey's send at the cap, and leaves transactional sends alone", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    setClock(DAY1);
    const t = await makeCampaignTenant("Cap", 20);
    // Contact n=4: on the pro plan, an email address, no opt-out, nothing sent before.
    const [contact] = await executeRows<{ id: string }>(
      sql`select id from contacts where workspace_id = ${t.ws} and attributes->>'n' = '4'`,
    );
    const contactId = contact!.id;
    await updateCampaignDefaults(t.ws, { dailyCapPerContact: 2, totalCapPerContact: 2 });

    const journeyA = "0b7a8a8e-3f0d-4c39-9d3e-0000000000a1";
    const journeyB = "0b7a8a8e-3f0d-4c39-9d3e-0000000000b2";
    const effects = dbJourneyEffects(t.ws, () => new Date());
    const journeySend = (journeyId: string, nodeId: string) =>
      effects.sendMessage({
        idempotencyKey: `${journeyId}:${nodeId}`,
        runId: "0b7a8a8e-3f0d-4c39-9d3e-00000000e001",
        journeyId,
        version: 1,
        nodeId,
        contactId,
        channel: "email",
        templateId: t.templates[0]!.id,
      });
    const runCampaign = async () => {
      const campaign = await createCampaign(t.ws, t.userId, {
        name: `Sale ${Math.random().toString(36).slice(2, 8)}`,
        audience: { kind: "segment", segmentId: t.segment.id },
        channel: "email",
        treatments: [
          { label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 100 },
        ],
        holdoutPercent: 0,
        schedule: { kind: "now" },
      });
      const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
      await snapshotRun(run.id);
      const [from] = await sliceStarts(run.id, 10_000);
      while ((await drainSlice({ runId: run.id, from: from!, to: null })).kind === "sent");
      const rows = await deliveriesOf(run.id);
      return rows.find((r) => r.n === 4)!.status;
    };

    // Day 1: a campaign (1), a journey (2): the cap of 2 a day is reached.
    expect(await runCampaign()).toBe("sent");
    expect((await journeySend(journeyA, "n1")).status).toBe("sent");
    // A transactional send is not refused, and does not count toward the cap either.
    const tx = await sendTransactional(t.ws, {
      channel: "email",
      template: { id: t.templates[1]!.id },
      recipients: [{ userId: "u4" }],
    });
    expect(tx.results[0]).toMatchObject({ status: "SUCCESSFUL" });
    // The journey's next message is skipped, recorded with its reason like any other skip.
    setClock(at(1));
    const capped = await journeySend(journeyA, "n2");
    expect(capped).toMatchObject({ status: "skipped", reason: FREQUENCY_CAP_REASON });
    const [row] = await db()
      .select()
      .from(messages)
      .where(and(eq(messages.workspaceId, t.ws), eq(messages.id, capped.messageId!)));
    expect(row).toMatchObject({ status: "skipped", reason: FREQUENCY_CAP_REASON, contactId });
    expect(row!.origin).toMatchObject({ kind: "journey", journeyId: journeyA, nodeId: "n2" });
    // And a campaign run the same day skips the contact too: the journey's send counted.
    expect(await runCampaign()).toBe("frequency_cap");

    // 23 hours after the first sends the window still holds them; 24.5 hours after, it does not.
    setClock(at(23));
    expect((await journeySend(journeyB, "n1")).status).toBe("skipped");
    setClock(at(24.5));
    expect((await journeySend(journeyA, "n3")).status).toBe("sent");

    // Day 3: the daily cap is free again, but journey A has sent its total of 2; journey B has not.
    setClock(at(50));
    expect(await journeySend(journeyA, "n4")).toMatchObject({
      status: "skipped",
      reason: FREQUENCY_CAP_REASON,
    });
    expect((await journeySend(journeyB, "n2")).status).toBe("sent");

    // What reached the contact, by origin: never more than 2 marketing messages in any 24 hours.
    const sent = await db()
      .select({ origin: messages.origin, sentAt: messages.sentAt })
      .from(messages)
      .where(
        and(
          eq(messages.contactId, contactId),
          sql`${messages.status} in ('sent', 'delivered')`,
          sql`coalesce(${messages.origin}->>'transactional', 'false') <> 'true'`,
        ),
      );
    const times = sent.map((m) => m.sentAt!.getTime()).sort((a, b) => a - b);
    expect(times).toHaveLength(4);
    for (const t0 of times)
      expect(times.filter((x) => x >= t0 && x < t0 + 24 * 3600_000).length).toBeLessThanOrEqual(2);
  });

  it("applies no cap when the workspace sets none", async () => {
    const t = await makeCampaignTenant("No cap", 5);
    const [contact] = await executeRows<{ id: string }>(
      sql`select id from contacts where workspace_id = ${t.ws} and attributes->>'n' = '4'`,
    );
    const effects = dbJourneyEffects(t.ws);
    for (const node of ["a", "b", "c", "d"]) {
      const r = await effects.sendMessage({
        idempotencyKey: `j:${node}`,
        runId: "0b7a8a8e-3f0d-4c39-9d3e-00000000e002",
        journeyId: "0b7a8a8e-3f0d-4c39-9d3e-0000000000c3",
        version: 1,
        nodeId: node,
        contactId: contact!.id,
        channel: "email",
        templateId: t.templates[0]!.id,
      });
      expect(r.status).toBe("sent");
    }
  });
});
