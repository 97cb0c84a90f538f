import { runNextEventImport } from "@/lib/pinpoint/events/run-next-event-import";
import {
  PINPOINT_EVENT_IMPORT_QUEUED,
  ZCronTimer,
  ZPinpointEventImportQueued,
} from "@/inngest/events";
import type { TJobDefinition } from "./job-definition";

/** Steps one run takes on before it ends (the next event or tick carries on). */
const STEPS_PER_RUN = 30;
const TRIGGERS = [{ event: PINPOINT_EVENT_IMPORT_QUEUED }, { cron: "* * * * *" }];

/**
 * Runs uploaded Pinpoint event-history files (lib/pinpoint/events): validation, then the import
 * from its cursor. As the CSV import does: the event starts an upload at once; the minute cron
 * picks up retries and imports a crashed process left (their lease expires); each step claims the
 * oldest free import and works on it for EVENT_STEP_BUDGET_MS at most, so a long file is carried
 * on by the next step, on this process or another.
 */
export const pinpointEventImportJob: TJobDefinition = {
  id: "pinpoint-event-import",
  triggers: TRIGGERS,
  payload: ZPinpointEventImportQueued.or(ZCronTimer),
  summary:
    "Imports uploaded Pinpoint event-stream files, a step per ~20 s of work, sharing them through the import lease.",
  define: (client) =>
    client.createFunction(
      { id: "pinpoint-event-import", triggers: TRIGGERS, concurrency: { limit: 1 }, retries: 2 },
      async ({ step }) => {
        const ran: string[] = [];
        for (let i = 0; i < STEPS_PER_RUN; i++) {
          const r = await step.run(`import-${i}`, () => runNextEventImport());
          if (!r) break;
          ran.push(`${r.id}:${r.outcome}`);
        }
        return { ran };
      },
    ),
};
