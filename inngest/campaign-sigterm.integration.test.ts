import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import { useTestDb } from "@/db/testing/test-db";
import { startSmtpSink, type TSmtpSink } from "@/lib/channels/testing/smtp-sink";
import { waitUntil } from "@/lib/channels/testing/wait-until";
import {
  campaignOutcomes,
  campaignRunState,
  campaignWorkers,
  launchSmtpCampaign,
  startRunOn,
} from "@/inngest/testing/campaign-worker-process";

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
const workers = campaignWorkers(() => testDb.url!);

beforeAll(async () => {
  testDb = await useTestDb();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await workers.stopAll();
  await sink?.close();
  await testDb?.close();
});

describeOnPostgres("SIGTERM mid-campaign (two worker processes)", () => {
  it("hands back in-flight sends and runs; the next process finishes at once; every recipient once", async () => {
    const run = await launchSmtpCampaign("Sigterm", sink.port);
    // What the send decides for this audience (campaign-fixtures.ts): no one left queued.
    const settledStatuses = ["no_address", "opted_out", "sent", "suppressed"];

    // The provider answers 20 mails, then keeps the next ones waiting.
    sink.holdAfter(20);
    const a = await workers.start();
    expect(await startRunOn(a, run.id)).toBe(200);
    await waitUntil(() => sink.held > 0 || undefined, 30_000, "no send reached the provider");
    const before = await campaignRunState(run.id);
    expect(before.sending).toBeGreaterThan(0);

    a.child.kill("SIGTERM");
    await waitUntil(() => a.lines.includes("draining") || undefined, 10_000, "no drain");
    // The mails at the provider are answered after the drain began: they must still count.
    sink.release();
    expect(await a.exited).toBe(0);

    const handedBack = await campaignRunState(run.id);
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
    const b = await workers.start();
    const t0 = Date.now();
    // Done: the run completed and every executor run of it ended (none still leased).
    await expect
      .poll(
        async () => {
          const s = await campaignRunState(run.id);
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

    const done = await campaignRunState(run.id);
    const { outcomes, orphans } = await campaignOutcomes(run.id);
    const sentExpected = outcomes.find((o) => o.status === "sent")!.n;
    expect(done).toMatchObject({ pending: 0, sending: 0, leased: 0 });
    // Nothing doubled: one message per recipient, one mail per sent delivery at the sink.
    expect(done.messages).toBe(done.distinct_contacts);
    expect(done.sent).toBe(sentExpected);
    expect(sink.mails).toHaveLength(done.sent);
    expect(new Set(sink.mails.map((m) => m.to[0])).size).toBe(done.sent);
    // Nothing lost: every delivery settled, and each sent one has its message.
    expect(outcomes.map((o) => o.status).sort()).toEqual(settledStatuses);
    expect(orphans).toBe(0);

    b.child.kill("SIGTERM");
    expect(await b.exited).toBe(0);
  }, 120_000);
});
