import { refreshRollups } from "@/lib/analytics/refresh-rollups";
import { everySecondsCron } from "@/lib/local-executor/cron-schedule";
import { ZCronTimer } from "@/inngest/events";
import type { TJobDefinition } from "./job-definition";

const ID = "rollup-refresh";
const TRIGGERS = [{ cron: everySecondsCron(30) }];

/** Dashboard rollups follow the raw events every 30 seconds; a refresh still running skips the next. */
export const rollupRefreshJob: TJobDefinition = {
  id: ID,
  triggers: TRIGGERS,
  payload: ZCronTimer,
  summary: "Folds new raw events into the dashboard rollups (lib/analytics/refresh-rollups.ts).",
  define: (client) =>
    client.createFunction(
      { id: ID, triggers: TRIGGERS, singleton: { mode: "skip" }, retries: 0 },
      async ({ step }) => step.run("refresh", () => refreshRollups()),
    ),
};
