import { discardStaleImportDrafts, runNextImport } from "@/lib/imports/run-next-import";
import { CONTACT_IMPORT_QUEUED, ZContactImportQueued, ZCronTimer } from "@/inngest/events";
import type { TJobDefinition } from "./job-definition";

/** Imports one run takes on before it ends (the next event or tick carries on). */
const IMPORTS_PER_RUN = 10;
const TRIGGERS = [{ event: CONTACT_IMPORT_QUEUED }, { cron: "* * * * *" }];

/**
 * Runs queued CSV imports (validation, then the import phase from its cursor; lib/imports). The
 * event makes a started import begin at once; the minute cron picks up retries after a backoff and
 * imports a crashed process left behind (their lease expires). Each step claims the oldest free
 * import and works on it for IMPORT_STEP_BUDGET_MS at most, so the event's own import is not
 * special, a long one is carried on by the next step, and two at most run at once.
 */
export const contactImportJob: TJobDefinition = {
  id: "contact-import",
  triggers: TRIGGERS,
  payload: ZContactImportQueued.or(ZCronTimer),
  summary:
    "Runs queued CSV imports, a step per ~20 s of work, sharing them through the import lease.",
  define: (client) =>
    client.createFunction(
      { id: "contact-import", triggers: TRIGGERS, concurrency: { limit: 2 }, retries: 2 },
      async ({ step }) => {
        const ran: string[] = [];
        for (let i = 0; i < IMPORTS_PER_RUN; i++) {
          const id = await step.run(`import-${i}`, () => runNextImport());
          if (!id) break;
          ran.push(id);
        }
        return { ran };
      },
    ),
};

/** Upload drafts nobody started within a day are discarded with their file. */
export const importDraftCleanupJob: TJobDefinition = {
  id: "import-draft-cleanup",
  triggers: [{ cron: "17 * * * *" }],
  payload: ZCronTimer,
  summary: "Discards upload drafts older than a day, and their stored file.",
  define: (client) =>
    client.createFunction(
      { id: "import-draft-cleanup", triggers: [{ cron: "17 * * * *" }], retries: 1 },
      async ({ step }) => step.run("discard", () => discardStaleImportDrafts()),
    ),
};
