import { deliverDueStreams } from "@/lib/stream/deliver-stream";
import { pruneStream } from "@/lib/stream/prune-stream";
import { STREAM_DELIVERY_REQUESTED, ZCronTimer, ZStreamDeliveryRequested } from "@/inngest/events";
import type { TJobDefinition } from "./job-definition";

const TRIGGERS = [{ event: STREAM_DELIVERY_REQUESTED }, { cron: "* * * * *" }];
/** Rounds of one run: each delivers for up to 15 s; an idle round waits 5 s before the next. */
const ROUNDS = 10;
const ROUND_BUDGET_MS = 15_000;

/**
 * The event stream's delivery (lib/stream/deliver-stream.ts): every minute, and at once when a
 * destination is added or resumed, it leases due destinations one at a time and sends their
 * batches in order, moving each cursor after a batch went through. Retries wait in the database
 * (`next_attempt_at`), not in the run, so the 24-hour backoff survives restarts. Singleton: a run
 * still going (it polls for about a minute) skips the next tick; two replicas' runs share the
 * work through the destination leases.
 */
export const streamDeliveryJob: TJobDefinition = {
  id: "stream-delivery",
  triggers: TRIGGERS,
  payload: ZStreamDeliveryRequested.or(ZCronTimer),
  summary:
    "Delivers event-stream batches to webhooks and export files, in order per destination, with backoff and dead letters.",
  define: (client) =>
    client.createFunction(
      { id: "stream-delivery", triggers: TRIGGERS, singleton: { mode: "skip" }, retries: 2 },
      async ({ step }) => {
        let delivered = 0;
        for (let i = 0; i < ROUNDS; i++) {
          const report = await step.run(`deliver-${i}`, () =>
            deliverDueStreams({ budgetMs: ROUND_BUDGET_MS }),
          );
          delivered += report.delivered;
          if (report.destinations === 0 && i < ROUNDS - 1) await step.sleep(`idle-${i}`, "5s");
        }
        return { delivered };
      },
    ),
};

/** Hourly: the outbox and export files past WAYMARK_STREAM_RETENTION_DAYS. */
export const streamPruneJob: TJobDefinition = {
  id: "stream-prune",
  triggers: [{ cron: "23 * * * *" }],
  payload: ZCronTimer,
  summary: "Deletes stream events and export files older than the stream's retention, in chunks.",
  define: (client) =>
    client.createFunction(
      {
        id: "stream-prune",
        triggers: [{ cron: "23 * * * *" }],
        singleton: { mode: "skip" },
        retries: 1,
      },
      async ({ step }) => {
        const passes = [];
        for (let i = 0; i < 20; i++) {
          const report = await step.run(`prune-${i}`, () => pruneStream());
          passes.push(report);
          if (!report.more) break;
        }
        return passes;
      },
    ),
};
