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
 * SIGKILL mid-campaign, with real processes: worker A sends a campaign over SMTP to a sink that
 * stops answering part-way, and is killed with sends in flight at the provider (no drain, no
 * hand-back: its claims, leases and "sending" messages stay behind). The sink drops the mails whose
 * sender hung up before the answer, as the sender counts them unsent; the mails it had answered
 * were recorded as sent as each answer came (not with the batch), so they are not sent again.
 * Once the claim and lease times have passed (the test ages them rather than waiting five
 * minutes), worker B takes over:
 * every recipient gets exactly one mail, nothing is lost and nothing doubled.
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

const sentMessages = async (runId: string) => {
  const [row] = await executeRows<{ n: number }>(
    sql`select count(*)::int as n from messages where origin->>'runId' = ${runId} and status = 'sent'`,
  );
  return row!.n;
};

describeOnPostgres("SIGKILL mid-campaign (two worker processes)", () => {
  it("the next process takes over once the claims go stale; every recipient exactly once", async () => {
    const run = await launchSmtpCampaign("Sigkill", sink.port);

    sink.holdAfter(20);
    const a = await workers.start();
    expect(await startRunOn(a, run.id)).toBe(200);
    await waitUntil(() => sink.held > 0 || undefined, 30_000, "no send reached the provider");
    // The 20 answered mails are written as sent within milliseconds of their answers (a process
    // killed inside that window would send those again: at least once, as with any provider).
    await expect
      .poll(async () => (await sentMessages(run.id)) === sink.mails.length, { timeout: 10_000 })
      .toBe(true);
    a.child.kill("SIGKILL");
    expect(await a.exited).toBe(-1);
    const held = sink.held;
    await waitUntil(() => sink.heldHungUp === held || undefined, 10_000, "sink saw no hang-up");
    sink.release();
    await waitUntil(() => sink.held === 0 || undefined, 10_000, "held mails not settled");
    expect(sink.abandoned).toBe(held);
    expect(sink.mails).toHaveLength(20);

    // What A left behind: claimed deliveries, "sending" messages and leased executor runs.
    const left = await campaignRunState(run.id);
    expect(left).toMatchObject({ status: "sending" });
    expect(left.sending).toBeGreaterThan(0);
    expect(left.leased).toBeGreaterThan(0);

    // Time passes: A's executor leases (60 s), delivery claims (300 s) and the "sending" marks of
    // its messages expire, as they would if B started five minutes later.
    await executeRows(
      sql`update executor_runs set lease_until = now() - interval '1 second' where lease_owner is not null`,
    );
    await executeRows(
      sql`update campaign_deliveries set claimed_at = claimed_at - interval '10 minutes' where run_id = ${run.id} and status = 'sending'`,
    );
    await executeRows(
      sql`update messages set sending_since = sending_since - interval '10 minutes' where origin->>'runId' = ${run.id} and status = 'sending'`,
    );

    const b = await workers.start();
    await expect
      .poll(
        async () => {
          const s = await campaignRunState(run.id);
          const [open] = await executeRows<{ n: number }>(
            sql`select count(*)::int as n from executor_runs where status <> 'completed'`,
          );
          return `${s.status} ${open!.n} open, ${s.sending} sending`;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBe("completed 0 open, 0 sending");

    const done = await campaignRunState(run.id);
    const { outcomes, orphans } = await campaignOutcomes(run.id);
    expect(done).toMatchObject({ pending: 0, sending: 0 });
    // Nothing doubled: one message per recipient, one mail per sent delivery, each address once.
    expect(done.messages).toBe(done.distinct_contacts);
    expect(sink.mails).toHaveLength(done.sent);
    expect(new Set(sink.mails.map((m) => m.to[0])).size).toBe(done.sent);
    // Nothing lost: every delivery settled as the audience decides (campaign-fixtures.ts).
    expect(outcomes.map((o) => o.status).sort()).toEqual([
      "no_address",
      "opted_out",
      "sent",
      "suppressed",
    ]);
    expect(orphans).toBe(0);

    b.child.kill("SIGTERM");
    expect(await b.exited).toBe(0);
  }, 120_000);
});
