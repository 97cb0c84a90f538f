import type { Inngest } from "inngest";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { finishRunIfDone } from "@/lib/campaigns/delivery/finish-run";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import {
  CAMPAIGN_RUN_DRAIN,
  CAMPAIGN_RUN_RESUMED,
  CAMPAIGN_RUN_STARTED,
  ZCampaignRunStarted,
} from "@/inngest/events";
import { TRACE_FIELD } from "@/lib/tracing/trace-context";

/** Deliveries per drain event: each becomes one function run of a few batch steps. */
export const SLICE_SIZE = 2000;

/**
 * One campaign run: waits for its start time, snapshots the audience in one statement, then fans
 * out one `campaign/run.drain` event per slice of about SLICE_SIZE deliveries, so on Inngest the
 * drains spread over every worker (and here over the local executor's slots). A resumed run fans
 * out again over what is still queued.
 */
export function defineCampaignRun(client: Inngest, opts: { sliceSize?: number } = {}) {
  const sliceSize = opts.sliceSize ?? SLICE_SIZE;
  return client.createFunction(
    {
      id: "campaign-run",
      triggers: [{ event: CAMPAIGN_RUN_STARTED }, { event: CAMPAIGN_RUN_RESUMED }],
    },
    async ({ event, step }) => {
      const data = ZCampaignRunStarted.parse(event.data);
      if (data.notBefore) await step.sleepUntil("start-time", data.notBefore);
      const snapshot = await step.run("snapshot", () => snapshotRun(data.runId));
      const starts = await step.run("slices", () => sliceStarts(data.runId, sliceSize));
      if (!starts.length) {
        await step.run("finish", () => finishRunIfDone(data.runId));
        return { snapshot, slices: 0 };
      }
      await step.sendEvent(
        "fan-out",
        starts.map((from, i) => ({
          name: CAMPAIGN_RUN_DRAIN,
          // The drains continue the launch's trace.
          data: {
            runId: data.runId,
            from,
            to: starts[i + 1] ?? null,
            [TRACE_FIELD]: data[TRACE_FIELD],
          },
        })),
      );
      return { snapshot, slices: starts.length };
    },
  );
}
