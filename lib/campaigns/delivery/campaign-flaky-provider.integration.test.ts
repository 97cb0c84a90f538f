import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { upsertChannelProvider } from "@/db/queries/channel-providers";
import { findRun, sliceStarts } from "@/db/queries/campaign-runs";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { sealConfig } from "@/lib/channels/secret-box";
import {
  startHttpSink,
  type THttpSink,
  type TRecordedRequest,
  type TSinkResponse,
} from "@/lib/channels/testing/http-sink";
import { channelSecretsKey } from "@/lib/messages/send/resolve-channel-provider";
import { createSegment } from "@/lib/segments/save-segment";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";
import { createCampaign } from "../save-campaign";
import { launchCampaign } from "../launch-campaign";
import { PRO_SEGMENT, seedAudience } from "../testing/campaign-fixtures";
import { drainSlice } from "./drain-slice";
import { snapshotRun } from "./snapshot-run";

/**
 * A whole campaign against a provider that misbehaves in every way it can: the first try of each
 * message draws, by the order its message first arrives, a 500, a 429 with `Retry-After: 1`, a
 * reset connection, no answer until the client's 15 s timeout, or a plain 200; every later try
 * is answered 200. The run must finish with every recipient sent, each message accepted by the
 * provider exactly once (the sink counts only answers the client received), and the waits the
 * provider asked for kept.
 */
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let sink: THttpSink;
const tries = new Map<string, TRecordedRequest[]>();
const FIRST_TRY: TSinkResponse[] = [
  { status: 500, body: "upstream broke" },
  { status: 429, headers: { "retry-after": "1" }, body: "slow down" },
  { reset: true },
  { status: 200 },
  { status: 200 },
];
/** One message (the 40th) hangs past the client's timeout (15 s, the providers' default). */
const HANG: TSinkResponse = { delayMs: 16_000, status: 200 };

beforeAll(async () => {
  testDb = await useTestDb();
  sink = await startHttpSink({
    respond: (req) => {
      const id = req.headers["waymark-message-id"] ?? "";
      const seen = tries.get(id) ?? [];
      seen.push(req);
      tries.set(id, seen);
      if (seen.length > 1) return { status: 200 };
      const k = tries.size - 1;
      return k === 39 ? HANG : FIRST_TRY[k % FIRST_TRY.length]!;
    },
  });
});
afterAll(async () => {
  await sink?.close();
  await testDb?.close();
});

/** Drains every slice until the run is done, sleeping through waits as the drain function does. */
async function drainToEnd(runId: string) {
  const starts = await sliceStarts(runId, 250);
  const slices = starts.map((from, i) => ({ runId, from, to: starts[i + 1] ?? null }));
  await Promise.all(
    slices.map(async (slice) => {
      for (;;) {
        const r = await drainSlice(slice, { batchSize: 50 });
        if (r.kind === "wait") await new Promise((res) => setTimeout(res, Math.max(r.waitMs, 50)));
        else if (r.kind !== "sent") return;
      }
    }),
  );
}

describe("a campaign against a misbehaving provider", () => {
  it("retries 5xx, 429, resets and timeouts with backoff; finishes; each message accepted once", async () => {
    const tenant = await makeTenant("Flaky provider");
    const ws = tenant.workspace.id;
    await upsertChannelProvider({
      workspaceId: ws,
      kind: "webhook",
      updatedBy: tenant.user.id,
      config: sealConfig(
        { kind: "webhook", url: `${sink.url}/hook`, secret: "flaky-provider-secret-0001" },
        channelSecretsKey(),
      ),
    });
    const template = await createTemplate(ws, tenant.user.id, { name: "Ping", channel: "webhook" });
    await saveTemplateDraft(ws, template.id, {
      content: { channel: "webhook", body: '{"user":{{ contact.userId | json }}}' },
    });
    await publishTemplate(ws, template.id, tenant.user.id);
    const segment = await createSegment(ws, tenant.user.id, {
      name: "Pro",
      description: "",
      type: "dynamic",
      definition: PRO_SEGMENT,
    });
    await seedAudience(ws, 150);
    const campaign = await createCampaign(ws, tenant.user.id, {
      name: "Flaky ping",
      audience: { kind: "segment", segmentId: segment.id },
      channel: "webhook",
      treatments: [{ label: "A", templateId: template.id, templateVersion: 1, percent: 100 }],
      schedule: { kind: "now" },
    });
    const run = (await launchCampaign(ws, campaign.id, tenant.user.id))!;
    const { queued } = (await snapshotRun(run.id))!;
    expect(queued).toBe(120);

    await drainToEnd(run.id);

    expect((await findRun(ws, run.id))!.status).toBe("completed");
    const outcomes = await executeRows<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from campaign_deliveries where run_id = ${run.id} group by status`,
    );
    const reasons = await executeRows<{ reason: string | null }>(
      sql`select distinct reason from messages where origin->>'runId' = ${run.id} and status <> 'sent'`,
    );
    expect({ outcomes, reasons }).toEqual({
      outcomes: [{ status: "sent", n: queued }],
      reasons: [],
    });
    // Every message reached the provider, and the provider acted on each exactly once.
    const accepted = sink.answered.filter((a) => a.status === 200);
    const acceptedIds = accepted.map((a) => a.request.headers["waymark-message-id"]);
    expect(acceptedIds).toHaveLength(queued);
    expect(new Set(acceptedIds).size).toBe(queued);
    // Every failure class was drawn and retried.
    const firstAnswers = [...tries.values()].filter((t) => t.length > 1);
    expect(firstAnswers.length).toBeGreaterThanOrEqual(Math.floor(queued * 0.6) - 1);
    // The waits were kept: a second try came no sooner than Retry-After (429) or the 2 s backoff.
    for (const t of tries.values())
      if (t.length > 1)
        expect(t[1]!.receivedAt.getTime() - t[0]!.receivedAt.getTime()).toBeGreaterThanOrEqual(950);
    const [attempts] = await executeRows<{ max: number; retried: number }>(
      sql`select max(attempts)::int as max, count(*) filter (where attempts = 2)::int as retried
        from messages where origin->>'runId' = ${run.id}`,
    );
    expect(attempts).toEqual({ max: 2, retried: firstAnswers.length });
  }, 90_000);
});
