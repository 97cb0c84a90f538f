import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { findRun, sliceStarts } from "@/db/queries/campaign-runs";
import { messages } from "@/db/schema";
import { useTestDb } from "@/db/testing/test-db";
import { startAwsSink, TEST_AWS_KEY, type TAwsSink } from "@/lib/channels/testing/aws-sink";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { drainSlice, type TDrainResult } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { saveChannelProvider } from "./configure-channel-provider";
import { sendMessage } from "./send-message";

/**
 * The AWS senders through the real send paths (sendMessage, and campaign batches through
 * drainSlice) against a loopback AWS that verifies every SigV4 signature; and the per-provider
 * send rate and warm-up plan, kept in the Postgres token buckets every process shares.
 */
let aws: TAwsSink;
let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
  aws = await startAwsSink();
});
afterAll(async () => {
  await aws.close();
  await testDb.close();
});
afterEach(() => aws.reset());

async function sesTenant(name: string, contacts: number, extra: Record<string, unknown> = {}) {
  const t = await makeCampaignTenant(name, contacts);
  await saveChannelProvider(t.ws, t.userId, "ses", {
    region: "us-east-1",
    endpoint: aws.url,
    ...TEST_AWS_KEY,
    from: "news@acme.test",
    configurationSetName: "waymark",
    ...extra,
  });
  return t;
}

async function launch(t: Awaited<ReturnType<typeof sesTenant>>) {
  const campaign = await createCampaign(t.ws, t.userId, {
    name: `Newsletter ${t.ws.slice(0, 4)}`,
    audience: { kind: "segment", segmentId: t.segment.id },
    channel: "email",
    treatments: [{ label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 100 }],
    holdoutPercent: 0,
    schedule: { kind: "now" },
  });
  const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
  const { queued } = (await snapshotRun(run.id))!;
  const starts = await sliceStarts(run.id, Math.max(1, Math.ceil(queued / 2)));
  const slices = starts.map((from, i) => ({ runId: run.id, from, to: starts[i + 1] ?? null }));
  return { run, queued, slices };
}

const sentTo = (ws: string) =>
  executeRows<{ recipient: string }>(
    sql`select recipient from messages where workspace_id = ${ws} and origin->>'kind' = 'campaign' and status = 'sent'`,
  );

describe("SES through sendMessage", () => {
  it("sends, tags the message id, keeps List-Unsubscribe; a throttle is retried, a rejection is final", async () => {
    const t = await sesTenant("SES single", 3);
    const [contact] = await executeRows<{ id: string }>(
      sql`select id from contacts where workspace_id = ${t.ws} and external_id = 'u3'`,
    );
    const send = (key: string) =>
      sendMessage({
        workspaceId: t.ws,
        contactId: contact!.id,
        templateId: t.templates[0]!.id,
        idempotencyKey: key,
        origin: { kind: "journey", journeyId: "j1", nodeId: "n1" },
      });

    const ok = await send("k1");
    expect(ok).toMatchObject({ status: "sent", retryable: false });
    const call = aws.accepted[0]!;
    expect(call.input).toMatchObject({
      ConfigurationSetName: "waymark",
      EmailTags: [{ Name: "waymark-message-id", Value: ok.messageId }],
    });
    const headers = (call.input as { Content: { Simple: { Headers: { Name: string }[] } } }).Content
      .Simple.Headers;
    expect(headers.map((h) => h.Name)).toEqual(
      expect.arrayContaining(["List-Unsubscribe", "List-Unsubscribe-Post"]),
    );
    const [row] = await db().select().from(messages).where(eq(messages.id, ok.messageId));
    expect(row).toMatchObject({ provider: "ses", status: "sent" });
    expect(row!.providerMessageId).toMatch(/^0100-/);

    aws.failNext({
      status: 429,
      type: "TooManyRequestsException",
      message: "Maximum sending rate exceeded.",
    });
    const throttled = await send("k2");
    expect(throttled).toMatchObject({ status: "queued", retryable: true });
    // The caller's retry, same key: one message, sent once.
    const retried = await send("k2");
    expect(retried).toMatchObject({
      status: "sent",
      duplicate: true,
      messageId: throttled.messageId,
    });

    aws.failNext({
      status: 400,
      type: "MessageRejected",
      message: "Email address is not verified.",
    });
    const rejected = await send("k3");
    expect(rejected).toMatchObject({ status: "failed", retryable: false });
    expect(rejected.reason).toContain("MessageRejected");
    expect(aws.accepted).toHaveLength(2);
  });
});

/** Drains every slice concurrently until done, sleeping through waits as the drain function does. */
async function drainAll(slices: { runId: string; from: string; to: string | null }[]) {
  await Promise.all(
    slices.map(async (slice) => {
      for (;;) {
        const r = await drainSlice(slice, { batchSize: 50 });
        if (r.kind === "wait") await new Promise((res) => setTimeout(res, r.waitMs));
        else if (r.kind !== "sent") return;
      }
    }),
  );
}

describe("per-provider send rate", () => {
  it("single sends draw from the provider's bucket too: over the rate, a send is queued for a retry", async () => {
    // One message every five seconds: the second send would wait longer than a send waits in line.
    const t = await sesTenant("Rate single", 5, { messagesPerSecond: 0.2 });
    const [c3, c4] = await executeRows<{ id: string }>(
      sql`select id from contacts where workspace_id = ${t.ws} and external_id in ('u3', 'u4') order by external_id`,
    );
    const send = (contactId: string, key: string) =>
      sendMessage({
        workspaceId: t.ws,
        contactId,
        templateId: t.templates[0]!.id,
        idempotencyKey: key,
        origin: { kind: "api" },
      });
    expect(await send(c3!.id, "r1")).toMatchObject({ status: "sent" });
    const second = await send(c4!.id, "r2");
    expect(second).toMatchObject({ status: "queued", retryable: true });
    expect(second.reason).toContain("send rate");
    expect(aws.accepted).toHaveLength(1);
  });

  it("two providers with different rates: each bucket holds across two concurrent drains", async () => {
    const fast = await sesTenant("Rate fast", 30, { messagesPerSecond: 8 });
    const slow = await sesTenant("Rate slow", 15, { messagesPerSecond: 3 });
    const [a, b] = [await launch(fast), await launch(slow)];
    expect(a.slices.length).toBeGreaterThanOrEqual(2);
    expect(b.slices.length).toBeGreaterThanOrEqual(2);
    const timed = async (x: typeof a) => {
      const started = Date.now();
      await drainAll(x.slices);
      return Date.now() - started;
    };
    const [msA, msB] = await Promise.all([timed(a), timed(b)]);
    const [sentA, sentB] = [(await sentTo(fast.ws)).length, (await sentTo(slow.ws)).length];
    expect((await findRun(fast.ws, a.run.id))!.status).toBe("completed");
    expect((await findRun(slow.ws, b.run.id))!.status).toBe("completed");
    // Every sent message reached SES once.
    expect(aws.accepted).toHaveLength(sentA + sentB);
    // A full bucket (one second's worth) goes at once; the rest no faster than the rate.
    expect(sentA).toBeGreaterThan(16);
    expect(sentB).toBeGreaterThan(6);
    expect(msA).toBeGreaterThanOrEqual(((sentA - 8) / 8) * 1000 - 150);
    expect(msB).toBeGreaterThanOrEqual(((sentB - 3) / 3) * 1000 - 150);
  });
});

describe("warm-up plan", () => {
  it("caps each UTC day's campaign sends, most engaged first, and opens the next day's cap", async () => {
    const t = await sesTenant("Warm-up", 40, {
      warmUp: { enabled: true, startDate: "2026-03-01", startPerDay: 5, growthFactor: 2 },
    });
    // The five contacts seen most recently must be the first day's five.
    await db()
      .execute(sql`update contacts set last_seen_at = now() - make_interval(mins => (attributes->>'n')::int)
      where workspace_id = ${t.ws} and (attributes->>'n')::int in (3, 4, 5, 6, 7, 8, 9, 11, 12, 13)`);
    const { run, slices } = await launch(t);
    let clock = new Date("2026-03-01T10:00:00Z");
    const drainDay = async () => {
      let last: TDrainResult | undefined;
      for (const slice of slices)
        for (;;) {
          last = await drainSlice(slice, { batchSize: 50, now: () => clock });
          if (last.kind !== "sent") break;
        }
      return last!;
    };

    const day0 = await drainDay();
    expect(day0).toEqual({ kind: "wait", waitMs: 14 * 3_600_000 });
    const first = (await sentTo(t.ws)).map((r) => r.recipient).sort();
    expect(first).toEqual(["c3", "c4", "c5", "c6", "c7"].map((c) => `${c}@example.com`).sort());

    clock = new Date("2026-03-02T00:00:01Z");
    expect((await drainDay()).kind).toBe("wait");
    expect(await sentTo(t.ws)).toHaveLength(15);

    clock = new Date("2026-03-05T09:00:00Z");
    const last = await drainDay();
    expect(last.kind).not.toBe("wait");
    expect((await findRun(t.ws, run.id))!.status).toBe("completed");
    expect(aws.accepted.length).toBe((await sentTo(t.ws)).length);
  });
});
