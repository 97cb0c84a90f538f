import type { Inngest } from "inngest";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { finishRunIfDone } from "@/lib/campaigns/delivery/finish-run";
import { CAMPAIGN_RUN_DRAIN, ZCampaignRunDrain } from "@/inngest/events";
import { inSpan } from "@/lib/tracing/in-span";
import { TRACE_FIELD, withCarriedContext } from "@/lib/tracing/trace-context";

/** A slice is a few batches; this bounds a function run's steps even when the bucket is slow. */
const MAX_ROUNDS = 200;

/**
 * Drains one slice of a run: one step per batch (claim with SKIP LOCKED, personalise, send,
 * settle), sleeping when the campaign's token bucket is empty. A step retried after a crash
 * re-claims only what is still unsettled, and the message key stops a second send. When the slice
 * is empty, the last worker marks the run completed.
 */
export function defineCampaignDrain(client: Inngest) {
  return client.createFunction(
    {
      id: "campaign-drain",
      triggers: [{ event: CAMPAIGN_RUN_DRAIN }],
      concurrency: { limit: 4, key: "event.data.runId" },
    },
    async ({ event, step }) => {
      const { [TRACE_FIELD]: trace, ...slice } = ZCampaignRunDrain.parse(event.data);
      // Each batch is a span of the campaign launch's trace, its provider calls inside.
      const batch = (round: number) =>
        withCarriedContext(trace, () =>
          inSpan(
            "waymark.campaign.batch",
            { "waymark.campaign_run_id": slice.runId, "waymark.round": round },
            () => drainSlice(slice),
          ),
        );
      let sent = 0;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const r = await step.run(`batch-${round}`, () => batch(round));
        if (r.kind === "sent") sent += r.claimed;
        else if (r.kind === "wait") await step.sleep(`bucket-${round}`, Math.max(r.waitMs, 1000));
        else break;
      }
      const finished = await step.run("finish", () => finishRunIfDone(slice.runId));
      return { sent, finished };
    },
  );
}
