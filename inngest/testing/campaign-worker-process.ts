import type { ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { upsertChannelProvider } from "@/db/queries/channel-providers";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { sealConfig } from "@/lib/channels/secret-box";
import { channelSecretsKey } from "@/lib/messages/send/resolve-channel-provider";
import { workerProcesses } from "@/lib/lifecycle/testing/worker-process";
import { TEST_EVENT_KEY } from "@/lib/local-executor/testing/serve-functions";
import { CAMPAIGN_RUN_STARTED } from "@/inngest/events";

/**
 * Real worker processes for the campaign fault tests (SIGTERM and SIGKILL): each runs
 * inngest/testing/campaign-worker.ts on the database at `databaseUrl`. `lines` is what it has
 * printed (`ready <origin>`, `draining`); `exited` settles with its exit code (-1 for a signal).
 */
export type TCampaignWorker = {
  child: ChildProcess;
  origin: string;
  lines: string[];
  exited: Promise<number>;
};

export function campaignWorkers(databaseUrl: () => string) {
  const workers = workerProcesses();

  async function start(): Promise<TCampaignWorker> {
    const w = await workers.start("inngest/testing/campaign-worker.ts", {
      env: {
        DATABASE_URL: databaseUrl(),
        NEXT_MANUAL_SIG_HANDLE: "1",
        WAYMARK_SHUTDOWN_GRACE_SECONDS: "30",
      },
    });
    return { child: w.child, origin: w.ready, lines: w.lines, exited: w.exited };
  }

  return { start, stopAll: workers.stopAll };
}

/** Starts a campaign run on a worker, as the app's launch does, through the executor's event API. */
export async function startRunOn(worker: TCampaignWorker, runId: string): Promise<number> {
  const res = await fetch(`${worker.origin}/local-inngest/e/${TEST_EVENT_KEY}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: CAMPAIGN_RUN_STARTED, data: { runId } }),
  });
  return res.status;
}

/** A run's counters, its deliveries by state, its messages, and executor runs still leased. */
export async function campaignRunState(runId: string) {
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
}

/** Deliveries of a run by final status, and sent deliveries without a sent message (must be none). */
export async function campaignOutcomes(runId: string) {
  const outcomes = await executeRows<{ status: string; n: number }>(
    sql`select status, count(*)::int as n from campaign_deliveries where run_id = ${runId} group by status`,
  );
  const [orphans] = await executeRows<{ n: number }>(
    sql`select count(*)::int as n from campaign_deliveries d left join messages m on m.id = d.message_id
      where d.run_id = ${runId} and d.status = 'sent' and (m.id is null or m.status <> 'sent')`,
  );
  return { outcomes, orphans: orphans!.n };
}

/**
 * A 300-contact campaign (campaign-fixtures.ts) over SMTP to `smtpPort`, launched: what both
 * campaign fault tests interrupt.
 */
export async function launchSmtpCampaign(name: string, smtpPort: number) {
  const t = await makeCampaignTenant(name, 300);
  await upsertChannelProvider({
    workspaceId: t.ws,
    kind: "smtp",
    updatedBy: t.userId,
    config: sealConfig(
      { kind: "smtp", host: "127.0.0.1", port: smtpPort, secure: false, from: "a@acme.test" },
      channelSecretsKey(),
    ),
  });
  const campaign = await createCampaign(t.ws, t.userId, {
    name: `${name} sale`,
    audience: { kind: "segment", segmentId: t.segment.id },
    channel: "email",
    treatments: [{ label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 100 }],
    schedule: { kind: "now" },
  });
  return (await launchCampaign(t.ws, campaign.id, t.userId))!;
}
