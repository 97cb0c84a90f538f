import { startDueRuns } from "@/lib/campaigns/schedule/start-due-runs";
import {
  CAMPAIGN_RUN_STARTED,
  CAMPAIGN_SCHEDULER_CRON,
  CAMPAIGN_SCHEDULER_TICK,
  ZCampaignSchedulerTick,
} from "@/inngest/events";
import type { TJobDefinition } from "./job-definition";

const ID = "campaign-scheduler";
const TRIGGERS = [{ cron: CAMPAIGN_SCHEDULER_CRON }, { event: CAMPAIGN_SCHEDULER_TICK }];

/**
 * The campaign scheduler: every minute (cron), starts the run of each recurring campaign whose
 * occurrence has come and ends event-triggered campaigns past their end date, then hands the runs
 * to `campaign-run` (event id = run id, so a repeated hand-off starts nothing twice). The sweep
 * itself is idempotent per campaign and occurrence.
 */
export const campaignSchedulerJob: TJobDefinition = {
  id: ID,
  triggers: TRIGGERS,
  payload: ZCampaignSchedulerTick,
  summary:
    "Starts the runs of recurring campaigns whose occurrence has come (lib/campaigns/schedule/start-due-runs.ts).",
  define: (client) =>
    client.createFunction(
      // One sweep at a time: a slow one is not overtaken by the next minute's.
      { id: ID, triggers: TRIGGERS, concurrency: { limit: 1 } },
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
            due.started.map((run: { id: string; scheduledFor: string }) => ({
              name: CAMPAIGN_RUN_STARTED,
              id: `campaign-run-${run.id}`,
              data: { runId: run.id, notBefore: run.scheduledFor },
            })),
          );
        return { started: due.started.length, failed: due.failed };
      },
    ),
};
