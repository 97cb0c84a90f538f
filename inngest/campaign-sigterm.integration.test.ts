import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { upsertChannelProvider } from "@/db/queries/channel-providers";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import { useTestDb } from "@/db/testing/test-db";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { sealConfig } from "@/lib/channels/secret-box";
import { startSmtpSink, type TSmtpSink } from "@/lib/channels/testing/smtp-sink";
import { waitUntil } from "@/lib/channels/testing/wait-until";
import { TEST_EVENT_KEY } from "@/lib/local-executor/testing/serve-functions";
import { channelSecretsKey } from "@/lib/messages/send/resolve-channel-provider";
import { CAMPAIGN_RUN_STARTED } from "@/inngest/events";

/**
 * SIGTERM mid-campaign, with real processes: worker A (the campaign functions, the local executor
 * and the app's signal handlers; inngest/testing/campaign-worker.ts) sends a campaign over SMTP to a sink
 * that stops answering part-way, so sends are in flight at the provider when the signal lands.
 * A finishes what the provider already has, hands back the rest of its batch and its executor
 * runs (no claim or lease left behind) and exits 0; worker B then finishes the campaign at once,
 * long before A's 60 s leases or 300 s delivery claims could have expired. Exact counts: every
 * queued recipient has one message, one sent delivery and one mail at the sink.
 */
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let sink: TSmtpSink;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  testDb = await useTestDb();
  sink = await startSmtpSink();
});
afterAll(async () => {
  for (const w of workers)
    if (w.exitCode === null) {
      const gone = new Promise((resolve) => w.once("exit", resolve));
      w.kill("SIGKILL");
      await gone;
    }
  await sink?.close();
  await testDb?.close();
});

type TWorker = { child: ChildProcess; origin: string; lines: string[]; exited: Promise<number> };

function startWorker(): Promise<TWorker> {
  const child = spawn(
    path.resolve("node_modules/.bin/tsx"),
    [path.resolve("inngest/testing/campaign-worker.ts")],
    {
      env: {
        ...process.env,
        DATABASE_URL: testDb.url!,
        NEXT_MANUAL_SIG_HANDLE: "1",
        WAYMARK_SHUTDOWN_GRACE_SECONDS: "30",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  workers.push(child);
  const lines: string[] = [];
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code) => resolve(code ?? -1)),
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      for (const line of c.toString().split("\n").filter(Boolean)) {
        lines.push(line);
        const ready = /^ready (\S+)$/.exec(line);
        if (ready) resolve({ child, origin: ready[1]!, lines, exited });
      }
    });
    void exited.then((code) => reject(new Error(`worker exited with ${code}: ${stderr}`)));
  });
}

const stateOf = async (runId: string) => {
  const [row] = await executeRows<{
    status: string;
    pending: number;
    sending: number;
    sent: number;
    messages: number;
    distinct_contacts: number;
    leased: number;
  }>(sql`select r.status, r.pending,
      (select count(*)::int from campaign_deliveries where run_id = r.id and status = 'sending') as sending,
      (select count(*)::int from campaign_deliveries where run_id = r.id and status = 'sent') as sent,
      (select count(*)::int from messages where origin->>'runId' = r.id::text) as messages,
      (select count(distinct contact_id)::int from messages where origin->>'runId' = r.id::text) as distinct_contacts,
      (select count(*)::int from executor_runs where lease_owner is not null) as leased
    from campaign_runs r where r.id = ${runId}`);
  return row!;
};

describeOnPostgres("SIGTERM mid-campaign (two worker processes)", () => {
  it("hands back in-flight sends and runs; the next process finishes at once; every recipient once", async () => {
    const t = await makeCampaignTenant("Sigterm", 300);
    await upsertChannelProvider({
      workspaceId: t.ws,
      kind: "smtp",
      updatedBy: t.userId,
      config: sealConfig(
        { kind: "smtp", host: "127.0.0.1", port: sink.port, secure: false, from: "a@acme.test" },
        channelSecretsKey(),
      ),
    });
    const campaign = await createCampaign(t.ws, t.userId, {
      name: "Interrupted sale",
      audience: { kind: "segment", segmentId: t.segment.id },
      channel: "email",
      treatments: [
        { label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 100 },
      ],
      schedule: { kind: "now" },
    });
    const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
    // What the send decides for this audience (campaign-fixtures.ts): no one left queued.
    const settledStatuses = ["no_address", "opted_out", "sent", "suppressed"];

    // The provider answers 20 mails, then keeps the next ones waiting.
    sink.holdAfter(20);
    const a = await startWorker();
    const started = await fetch(`${a.origin}/local-inngest/e/${TEST_EVENT_KEY}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: CAMPAIGN_RUN_STARTED, data: { runId: run.id } }),
    });
    expect(started.status).toBe(200);
    await waitUntil(() => sink.held > 0 || undefined, 30_000, "no send reached the provider");
    const before = await stateOf(run.id);
    expect(before.sending).toBeGreaterThan(0);

    a.child.kill("SIGTERM");
    await waitUntil(() => a.lines.includes("draining") || undefined, 10_000, "no drain");
    // The mails at the provider are answered after the drain began: they must still count.
    sink.release();
    expect(await a.exited).toBe(0);

    const handedBack = await stateOf(run.id);
    expect(handedBack).toMatchObject({ status: "sending", sending: 0, leased: 0 });
    expect(handedBack.sent).toBe(sink.mails.length);
    expect(handedBack.pending).toBeGreaterThan(0);
    const runsLeft = await executeRows<{ status: string; ready: boolean }>(
      sql`select status, ready_at <= now() as ready from executor_runs where status not in ('completed', 'failed', 'cancelled')`,
    );
    expect(runsLeft.length).toBeGreaterThan(0);
    expect(runsLeft.every((r) => r.status === "queued" && r.ready)).toBe(true);
    // Sends of the interrupted batch that never reached the provider went back unsent.
    const [unsent] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from messages where origin->>'runId' = ${run.id}
        and status = 'queued' and reason = 'not sent: handed back on shutdown'`,
    );
    expect(unsent!.n).toBeGreaterThan(0);

    // The next process (a restart, or another replica) takes over on its first claims.
    const b = await startWorker();
    const t0 = Date.now();
    // Done: the run completed and every executor run of it ended (none still leased).
    await expect
      .poll(
        async () => {
          const s = await stateOf(run.id);
          const [open] = await executeRows<{ n: number }>(
            sql`select count(*)::int as n from executor_runs where status <> 'completed'`,
          );
          return `${s.status} ${open!.n} open, ${s.leased} leased`;
        },
        { timeout: 45_000, interval: 100 },
      )
      .toBe("completed 0 open, 0 leased");
    // Well inside the 60 s lease A would otherwise have left behind (about 4 s here).
    expect(Date.now() - t0).toBeLessThan(20_000);

    const done = await stateOf(run.id);
    const outcomes = await executeRows<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from campaign_deliveries where run_id = ${run.id} group by status`,
    );
    const sentExpected = outcomes.find((o) => o.status === "sent")!.n;
    expect(done).toMatchObject({ pending: 0, sending: 0, leased: 0 });
    // Nothing doubled: one message per recipient, one mail per sent delivery at the sink.
    expect(done.messages).toBe(done.distinct_contacts);
    expect(done.sent).toBe(sentExpected);
    expect(sink.mails).toHaveLength(done.sent);
    expect(new Set(sink.mails.map((m) => m.to[0])).size).toBe(done.sent);
    // Nothing lost: every delivery settled, and each sent one has its message.
    expect(outcomes.map((o) => o.status).sort()).toEqual(settledStatuses);
    const [orphans] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from campaign_deliveries d left join messages m on m.id = d.message_id
        where d.run_id = ${run.id} and d.status = 'sent' and (m.id is null or m.status <> 'sent')`,
    );
    expect(orphans!.n).toBe(0);

    b.child.kill("SIGTERM");
    expect(await b.exited).toBe(0);
  }, 120_000);
});
