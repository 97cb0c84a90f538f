import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { contacts, messages, suppressions } from "@/db/schema";
import { useTestDb } from "@/db/testing/test-db";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { deliveriesOf, makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { sendMessage } from "@/lib/messages/send/send-message";
import { addSuppression, removeSuppression } from "./manage-suppressions";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
let t: Awaited<ReturnType<typeof makeCampaignTenant>>;
beforeAll(async () => {
  testDb = await useTestDb();
  // 40 contacts; c2 and c32 are on the suppression list as hard bounces (the fixture's n%30 = 2).
  t = await makeCampaignTenant("Suppressed sends", 40);
});
afterAll(() => testDb.close());

const contactNumbered = async (n: number) =>
  (
    await db()
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, t.ws), sql`(${contacts.attributes}->>'n')::int = ${n}`))
  )[0]!;
const suppressionOf = async (address: string) =>
  (
    await db()
      .select()
      .from(suppressions)
      .where(and(eq(suppressions.workspaceId, t.ws), eq(suppressions.address, address)))
  )[0];

async function runCampaign() {
  const campaign = await createCampaign(t.ws, t.userId, {
    name: `Sale ${Math.random().toString(36).slice(2, 8)}`,
    audience: { kind: "segment", segmentId: t.segment.id },
    channel: "email",
    treatments: [{ label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 100 }],
    holdoutPercent: 0,
    schedule: { kind: "now" },
  });
  const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
  await snapshotRun(run.id);
  for (const from of await sliceStarts(run.id, 250))
    for (;;) {
      const r = await drainSlice({ runId: run.id, from, to: null }, { batchSize: 100 });
      if (r.kind !== "sent") break;
    }
  return deliveriesOf(run.id);
}

describe("every send path skips a suppressed address with the reason", () => {
  it("a journey send is skipped as suppressed, and goes through once the suppression is removed", async () => {
    const c2 = await contactNumbered(2);
    const first = await sendMessage({
      workspaceId: t.ws,
      contactId: c2.id,
      templateId: t.templates[0]!.id,
      idempotencyKey: "journey-run-1:node-1",
      origin: { kind: "journey", journeyId: "j", nodeId: "node-1" },
    });
    expect(first).toMatchObject({ status: "skipped", reason: "suppressed (hard bounce)" });
    const [row] = await db().select().from(messages).where(eq(messages.id, first.messageId));
    expect(row).toMatchObject({ status: "skipped", recipient: "c2@example.com" });

    // Case and spaces do not matter: the address is normalised on both sides.
    await db().update(contacts).set({ email: " C2@Example.COM " }).where(eq(contacts.id, c2.id));
    const upper = await sendMessage({
      workspaceId: t.ws,
      contactId: c2.id,
      templateId: t.templates[0]!.id,
      idempotencyKey: "journey-run-2:node-1",
      origin: { kind: "journey" },
    });
    expect(upper.status).toBe("skipped");

    await removeSuppression(t.ws, t.userId, (await suppressionOf("c2@example.com"))!.id);
    const after = await sendMessage({
      workspaceId: t.ws,
      contactId: c2.id,
      templateId: t.templates[0]!.id,
      idempotencyKey: "journey-run-3:node-1",
      origin: { kind: "journey" },
    });
    expect(after.status).toBe("delivered");
  });

  it("a test send to a suppressed address is skipped too", async () => {
    await addSuppression(t.ws, t.userId, { channel: "email", address: "Marketer@Acme.test" });
    const out = await sendMessage({
      workspaceId: t.ws,
      contactId: null,
      templateId: t.templates[0]!.id,
      idempotencyKey: "test:1",
      origin: { kind: "test", userId: t.userId },
      testRecipient: { address: "marketer@acme.test" },
    });
    expect(out).toMatchObject({ status: "skipped", reason: "suppressed (added by hand)" });
  });

  it("a campaign settles suppressed contacts as suppressed with a skipped message, and sends once removed", async () => {
    const rows = await runCampaign();
    const c32 = rows.find((r) => r.n === 32)!;
    expect(c32.status).toBe("suppressed");
    const [msg] = await executeRows<{ status: string; reason: string }>(
      sql`select status, reason from messages where id = ${c32.message_id}`,
    );
    expect(msg).toEqual({ status: "skipped", reason: "suppressed (hard bounce)" });
    // c2's suppression was removed by the first test: the campaign sends to them.
    expect(rows.find((r) => r.n === 2)!.status).toBe("sent");

    await removeSuppression(t.ws, t.userId, (await suppressionOf("c32@example.com"))!.id);
    const again = await runCampaign();
    expect(again.find((r) => r.n === 32)!.status).toBe("sent");
  });
});
