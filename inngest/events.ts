import { z } from "zod";

// Event names and payloads of background work, one place for every sender and function.
// (Journey events still live beside their runner, inngest/functions/run-journey.ts.)

/** A campaign run was created: snapshot its audience (after its start time), then fan out drains. */
export const CAMPAIGN_RUN_STARTED = "campaign/run.started";
/** A paused run was resumed: fan out drains over what is still queued. */
export const CAMPAIGN_RUN_RESUMED = "campaign/run.resumed";
export const ZCampaignRunStarted = z.object({
  runId: z.uuid(),
  /** ISO time the run may start; absent means now. */
  notBefore: z.iso.datetime({ offset: true }).optional(),
});
export type TCampaignRunStarted = z.infer<typeof ZCampaignRunStarted>;

/** Drain one slice of a run's queued deliveries: contacts in [from, to) by id. */
export const CAMPAIGN_RUN_DRAIN = "campaign/run.drain";
export const ZCampaignRunDrain = z.object({
  runId: z.uuid(),
  from: z.uuid(),
  /** Null for the last slice. */
  to: z.uuid().nullable(),
});
export type TCampaignRunDrain = z.infer<typeof ZCampaignRunDrain>;
