import type { Inngest } from "inngest";
import { startDueRuns } from "@/lib/campaigns/schedule/start-due-runs";
import {
  CAMPAIGN_RUN_STARTED,
  CAMPAIGN_SCHEDULER_CRON,
  CAMPAIGN_SCHEDULER_TICK,
  ZCampaignSchedulerTick,
} from "@/inngest/events";

/**
 * The campaign scheduler: every minute (cron), starts the run of each recurring campaign whose
 * occurrence has come, then hands the runs to `campaign-run` (event id = run id, so a repeated
 * hand-off starts nothing twice). The sweep itself is idempotent per campaign and occurrence.
 */
export function defineCampaignScheduler(client: Inngest) {
  return client.createFunction(
    {
      id: "campaign-scheduler",
      triggers: [{ cron: CAMPAIGN_SCHEDULER_CRON }, { event: CAMPAIGN_SCHEDULER_TICK }],
      // One sweep at a time: a slow one is not overtaken by the next minute's.
      concurrency: { limit: 1 },
    },
    async ({ event, step }) => {
      const tick = ZCampaignSchedulerTick.safeParse(event?.data ?? {});
      const asOf = tick.success && tick.data.now ? tick.data.now : null;
      const due = await step.run("start-due-runs", async () => {
        const r = await startDueRuns(asOf ? new Date(asOf) : new Date());
        return {
          started: r.started.map((run) => ({
            id: run.id,
            scheduledFor: run.scheduledFor.toISOString(),
          })),
          failed: r.failed,
        };
      });
      if (due.started.length)
        await step.sendEvent(
          "start-runs",
          due.started.map((run) => ({
            name: CAMPAIGN_RUN_STARTED,
            id: `campaign-run-${run.id}`,
            data: { runId: run.id, notBefore: run.scheduledFor },
          })),
        );
      return { started: due.started.length, failed: due.failed };
    },
  );
}
