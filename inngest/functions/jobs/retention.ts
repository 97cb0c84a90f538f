import { pruneExpiredData } from "@/lib/retention/prune-expired-data";
import { ZCronTimer } from "@/inngest/events";
import type { TJobDefinition } from "./job-definition";

const TRIGGERS = [{ cron: "41 * * * *" }];
/** Steps of one run; each prunes for up to 10 seconds, so a backlog is worked off over the hours. */
const MAX_PASSES = 30;

/**
 * Hourly retention: finished executor runs and events after 7 days, and per workspace the rendered
 * message bodies, import files and error rows, and raw contact events after their periods
 * (Settings → Data). Singleton: a run still working off a backlog skips the next tick.
 */
export const retentionJob: TJobDefinition = {
  id: "retention",
  triggers: TRIGGERS,
  payload: ZCronTimer,
  summary: "Deletes expired data in small batches (lib/retention/prune-expired-data.ts).",
  define: (client) =>
    client.createFunction(
      { id: "retention", triggers: TRIGGERS, singleton: { mode: "skip" }, retries: 1 },
      async ({ step }) => {
        const passes = [];
        for (let i = 0; i < MAX_PASSES; i++) {
          const report = await step.run(`prune-${i}`, () => pruneExpiredData());
          passes.push(report);
          if (!report.more) break;
        }
        return passes;
      },
    ),
};
