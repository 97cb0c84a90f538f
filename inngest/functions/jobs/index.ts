import { campaignSchedulerJob } from "./campaign-scheduler";
import { contactImportJob, importDraftCleanupJob } from "./contact-imports";
import type { TJobDefinition } from "./job-definition";
import { pinpointEventImportJob } from "./pinpoint-event-imports";
import {
  journeyTriggerSweepJob,
  journeyTriggerSweepsJob,
  stalledEntryRedeliveryJob,
} from "./journey-trigger-sweeps";
import { retentionJob } from "./retention";
import { rollupRefreshJob } from "./rollup-refresh";
import { streamDeliveryJob, streamPruneJob } from "./stream-delivery";

/**
 * Every background job of the app, in one list: each an Inngest function (cron or event
 * triggered), so it runs on Inngest Cloud, self-hosted Inngest or the local executor alike and
 * shows up there. Nothing in lib/ runs on a timer. docs/executors.md describes each.
 */
export const BACKGROUND_JOBS: TJobDefinition[] = [
  rollupRefreshJob,
  journeyTriggerSweepsJob,
  journeyTriggerSweepJob,
  stalledEntryRedeliveryJob,
  contactImportJob,
  importDraftCleanupJob,
  pinpointEventImportJob,
  retentionJob,
  campaignSchedulerJob,
  streamDeliveryJob,
  streamPruneJob,
];
