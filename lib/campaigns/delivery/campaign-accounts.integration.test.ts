import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { useTestDb } from "@/db/testing/test-db";
import { ingest } from "@/lib/ingest/ingest";
import { parseCall } from "@/lib/ingest/normalize";
import { createCampaign } from "../save-campaign";
import { launchCampaign } from "../launch-campaign";
import { makeCampaignTenant, publishedEmail } from "../testing/campaign-fixtures";
import { drainSlice } from "./drain-slice";
import { snapshotRun } from "./snapshot-run";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

describe("account.* in campaign sends", () => {
  it("personalises each message with the recipient's account, as journeys do", async () => {
    const t = await makeCampaignTenant("Accounts", 5);
    const now = new Date();
    const group = (userId: string, groupId: string, plan: string) => {
      const r = parseCall("group", { userId, groupId, traits: { plan } }, now);
      if (!r.ok) throw new Error(r.message);
      return r.op;
    };
    // u4 joined two accounts: the latest joined is `account`. (The fixture opts u1 out and bounced u2.)
    await ingest(t.ws, [group("u4", "acme", "starter")]);
    await ingest(t.ws, [group("u4", "globex", "enterprise"), group("u5", "acme", "starter")]);
    const template = await publishedEmail(
      t.ws,
      t.userId,
      "Account subject",
      'Your {{ account.plan | default: "free" }} plan ({{ accounts | size }})',
    );
    const campaign = await createCampaign(t.ws, t.userId, {
      name: "Accounts",
      audience: { kind: "segment", segmentId: t.segment.id },
      channel: "email",
      treatments: [{ label: "A", templateId: template.id, templateVersion: 1, percent: 100 }],
      holdoutPercent: 0,
      schedule: { kind: "now" },
    });
    const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
    await snapshotRun(run.id);
    const [from] = await sliceStarts(run.id, 250);
    for (;;) {
      const r = await drainSlice({ runId: run.id, from: from!, to: null });
      if (r.kind !== "sent") break;
    }

    const subjects = await executeRows<{ external_id: string; subject: string }>(
      sql`select c.external_id, m.content->>'subject' as subject from messages m
          join contacts c on c.id = m.contact_id
          where m.workspace_id = ${t.ws} and m.origin->>'kind' = 'campaign'
            and m.status <> 'skipped' order by c.external_id`,
    );
    expect(subjects).toEqual([
      { external_id: "u3", subject: "Your free plan (0)" },
      { external_id: "u4", subject: "Your enterprise plan (2)" },
      { external_id: "u5", subject: "Your starter plan (1)" },
    ]);
  });
});
