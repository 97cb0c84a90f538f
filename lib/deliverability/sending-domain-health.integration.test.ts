import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { contacts, messages } from "@/db/schema";
import { useTestDb } from "@/db/testing/test-db";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { startAwsSink, TEST_AWS_KEY, type TAwsSink } from "@/lib/channels/testing/aws-sink";
import { saveChannelProvider } from "@/lib/messages/send/configure-channel-provider";
import { sendMessage } from "@/lib/messages/send/send-message";
import { applyFeedback } from "./apply-feedback";
import type { TFeedback } from "./feedback-types";
import {
  sendingDomainHealth,
  sendingDomainRateSeries,
  sendingDomainsOverComplaintLine,
  sendersOverComplaintLine,
} from "./sender-health";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
let aws: TAwsSink;
beforeAll(async () => {
  testDb = await useTestDb();
  aws = await startAwsSink();
});
afterAll(async () => {
  await aws.close();
  await testDb.close();
});

const DAY = 86_400_000;

/** `n` emails sent through `provider` from `domain` at `sentAt`; returns their ids. */
async function sent(ws: string, provider: string, domain: string | null, n: number, sentAt: Date) {
  const rows = Array.from({ length: n }, () => ({
    workspaceId: ws,
    idempotencyKey: `domain-health:${randomUUID()}`,
    channel: "email" as const,
    origin: { kind: "campaign" },
    status: "sent" as const,
    provider,
    sendingDomain: domain,
    recipient: `r-${randomUUID().slice(0, 8)}@example.com`,
    sentAt,
  }));
  return (await db().insert(messages).values(rows).returning({ id: messages.id })).map((r) => r.id);
}

const complaint = (messageId: string | null): TFeedback => ({
  source: "ses",
  eventId: randomUUID(),
  type: "complaint",
  channel: "email",
  address: `${randomUUID().slice(0, 8)}@example.com`,
  messageId,
  occurredAt: new Date(),
});

describe("bounce and complaint rates per sending domain", () => {
  it("the domain of the From address as sent is stored on single and campaign sends", async () => {
    const t = await makeCampaignTenant("DomainStored", 4);
    await saveChannelProvider(t.ws, t.userId, "ses", {
      region: "us-east-1",
      endpoint: aws.url,
      ...TEST_AWS_KEY,
      from: "news@Mail.Acme.test",
      fromName: "Acme News",
    });
    const [contact] = await db()
      .insert(contacts)
      .values({
        workspaceId: t.ws,
        externalId: "u-domain",
        email: "lan@example.com",
        attributes: { firstName: "Lan" },
      })
      .returning();
    const single = await sendMessage({
      workspaceId: t.ws,
      contactId: contact!.id,
      templateId: t.templates[0]!.id,
      idempotencyKey: "domain:single",
      origin: { kind: "journey" },
    });
    expect(single).toMatchObject({ status: "sent", reason: null });
    const [row] = await db().select().from(messages).where(eq(messages.id, single.messageId));
    expect(row!.sendingDomain).toBe("mail.acme.test");

    const campaign = await createCampaign(t.ws, t.userId, {
      name: "Domain newsletter",
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
    const [from] = await sliceStarts(run.id, 1000);
    while ((await drainSlice({ runId: run.id, from: from!, to: null })).kind === "sent");
    // The audience's opted-out and bounced contacts are skipped: no provider, no domain.
    const domains = await db()
      .select({ domain: messages.sendingDomain })
      .from(messages)
      .where(
        and(
          eq(messages.workspaceId, t.ws),
          eq(messages.status, "sent"),
          sql`${messages.origin}->>'kind' = 'campaign'`,
        ),
      );
    expect(domains.length).toBeGreaterThan(0);
    for (const d of domains) expect(d).toEqual({ domain: "mail.acme.test" });
    expect((await sendingDomainHealth(t.ws)).map((r) => [r.domain, r.sent])).toEqual([
      ["mail.acme.test", domains.length + 1],
    ]);
  }, 60_000);

  it("counts per domain across providers, names the domain over 0.3 %, and has no rate without sends", async () => {
    const ws = (await makeCampaignTenant("DomainRates", 0)).ws;
    const now = new Date();
    const twoDaysAgo = new Date(now.getTime() - 2 * DAY);
    // acme.test sends through SES and SMTP: 2 complaints in 500 (0.4 %), while neither provider
    // crosses the line (their other domains' mail dilutes it): only the domain figures show it.
    const acmeSes = await sent(ws, "ses", "acme.test", 250, twoDaysAgo);
    const acmeSmtp = await sent(ws, "smtp", "acme.test", 250, twoDaysAgo);
    await sent(ws, "ses", "deals.test", 2000, twoDaysAgo);
    await sent(ws, "smtp", "other.test", 1000, twoDaysAgo);
    // Old mail only: a complaint about it gives its domain no rate.
    const [old] = await sent(ws, "ses", "old.test", 1, new Date(now.getTime() - 40 * DAY));
    // Mail sent before domains were stored still counts per provider, never per domain.
    const [legacy] = await sent(ws, "ses", null, 1, twoDaysAgo);
    await applyFeedback(ws, [
      complaint(acmeSes[0]!),
      complaint(acmeSmtp[0]!),
      complaint(old!),
      complaint(legacy!),
      { ...complaint(acmeSes[1]!), type: "hard_bounce" },
      complaint(null),
    ]);
    const rows = await sendingDomainHealth(ws, 30, now);
    expect(rows).toEqual([
      {
        domain: "acme.test",
        sent: 500,
        bounces: 1,
        complaints: 2,
        bounceRate: 0.002,
        complaintRate: 0.004,
        overComplaintLine: true,
      },
      {
        domain: "deals.test",
        sent: 2000,
        bounces: 0,
        complaints: 0,
        bounceRate: 0,
        complaintRate: 0,
        overComplaintLine: false,
      },
      {
        domain: "old.test",
        sent: 0,
        bounces: 0,
        complaints: 1,
        bounceRate: 0,
        complaintRate: 0,
        overComplaintLine: false,
      },
      {
        domain: "other.test",
        sent: 1000,
        bounces: 0,
        complaints: 0,
        bounceRate: 0,
        complaintRate: 0,
        overComplaintLine: false,
      },
    ]);
    expect((await sendingDomainsOverComplaintLine(ws, now)).map((d) => d.domain)).toEqual([
      "acme.test",
    ]);
    // SES: 4 complaints (acme, old, legacy, unnamed) in 2,251 sends; SMTP: 1 in 1,250.
    expect(await sendersOverComplaintLine(ws, now)).toEqual([]);

    const series = await sendingDomainRateSeries(ws, 30, now);
    expect(series.domains).toEqual(["acme.test", "deals.test", "other.test"]);
    const day = twoDaysAgo.toISOString().slice(0, 10);
    expect(series.points.find((p) => p.day === day)).toMatchObject({
      "acme.test:complaints": 0.4,
      "acme.test:bounces": 0.2,
      "deals.test:complaints": 0,
    });
  });
});
