import { z } from "zod";
import { TRACE_FIELD, ZTraceCarrier } from "@/lib/tracing/trace-context";

/**
 * Every event Waymark sends to the executor (Inngest or the local one), by name with its payload
 * schema: the one registry. lib/ never imports it; it speaks in its own terms through ports
 * (StepPort, the journey event sink) that the adapters here translate (inngest-step-port.ts,
 * emit-events.ts).
 */

/**
 * The sender's W3C trace context (`traceparent`, `tracestate`), on the events that start or resume
 * work: the run continues the trace of the ingestion, router or function that sent it
 * (lib/tracing/trace-context.ts). Absent when tracing is off; a malformed one is dropped, never an
 * error. The local executor reads it for its turns; the functions for their own spans.
 */
const traced = { [TRACE_FIELD]: ZTraceCarrier } as const;

/** A contact entered a journey version: starts one run-journey function. */
export const JOURNEY_CONTACT_ENTERED = "journey/contact.entered";
export const ZJourneyContactEntered = z.object({
  journeyId: z.string().min(1),
  version: z.number().int().min(1),
  contactId: z.string().min(1),
  /** One entry of one contact: the run id in message idempotency keys. */
  entryId: z.string().min(1),
  ...traced,
});
export type TJourneyContactEntered = z.infer<typeof ZJourneyContactEntered>;

/** A run ended (its last step): for listeners such as analytics or other journeys. */
export const JOURNEY_CONTACT_EXITED = "journey/contact.exited";
export const ZJourneyContactExited = ZJourneyContactEntered.extend({
  reason: z.string().min(1),
  converted: z.boolean(),
});
export type TJourneyContactExited = z.infer<typeof ZJourneyContactExited>;

/** A journey was stopped: cancels every run of it (run-journey's `cancelOn`). */
export const JOURNEY_STOPPED = "journey/stopped";
export const ZJourneyStopped = z.object({ journeyId: z.string().min(1) });
export type TJourneyStopped = z.infer<typeof ZJourneyStopped>;

/**
 * A tracked contact event, as durable waits see it: one executor event per stored event, named
 * `contact/<event name>`, carrying the contact and its properties (the CEL filters of
 * wait-for-event-filter.ts read `async.data.contactId` and `async.data.properties`).
 */
const CONTACT_PREFIX = "contact/";
export const contactEventName = (eventName: string) => `${CONTACT_PREFIX}${eventName}`;
/** The tracked event's name back from an executor event name, or null for other events. */
export const trackedEventName = (name: string) =>
  name.startsWith(CONTACT_PREFIX) ? name.slice(CONTACT_PREFIX.length) : null;
export const ZContactEventData = z.object({
  contactId: z.string().min(1),
  properties: z.record(z.string(), z.unknown()),
  ...traced,
});
export type TContactEventData = z.infer<typeof ZContactEventData>;

/** A campaign run was created: snapshot its audience (after its start time), then fan out drains. */
export const CAMPAIGN_RUN_STARTED = "campaign/run.started";
/** A paused run was resumed: fan out drains over what is still queued. */
export const CAMPAIGN_RUN_RESUMED = "campaign/run.resumed";
export const ZCampaignRunStarted = z.object({
  runId: z.uuid(),
  /** ISO time the run may start; absent means now. */
  notBefore: z.iso.datetime({ offset: true }).optional(),
  ...traced,
});
export type TCampaignRunStarted = z.infer<typeof ZCampaignRunStarted>;

/** Drain one slice of a run's queued deliveries: contacts in [from, to) by id. */
export const CAMPAIGN_RUN_DRAIN = "campaign/run.drain";
export const ZCampaignRunDrain = z.object({
  runId: z.uuid(),
  from: z.uuid(),
  /** Null for the last slice. */
  to: z.uuid().nullable(),
  ...traced,
});
export type TCampaignRunDrain = z.infer<typeof ZCampaignRunDrain>;

/**
 * A cron trigger fired (Inngest's own event, also what the local executor sends): the payload of
 * every cron-triggered background job.
 */
export const CRON_TIMER = "inngest/scheduled.timer";
export const ZCronTimer = z.object({ cron: z.string().min(1) });
export type TCronTimer = z.infer<typeof ZCronTimer>;

/** Sweep one journey's segment or date trigger (fanned out by the journey-trigger-sweeps job). */
export const JOURNEY_TRIGGER_SWEEP = "journey/trigger.sweep";
export const ZJourneyTriggerSweep = z.object({ journeyId: z.string().min(1) });
export type TJourneyTriggerSweep = z.infer<typeof ZJourneyTriggerSweep>;

/** A CSV import was queued: run the contact-import job now rather than at its next cron tick. */
export const CONTACT_IMPORT_QUEUED = "contact-import/queued";
export const ZContactImportQueued = z.object({
  workspaceId: z.string().min(1),
  importId: z.uuid(),
});
export type TContactImportQueued = z.infer<typeof ZContactImportQueued>;

/** A Pinpoint event-history file was uploaded: the pinpoint-event-import job starts on it at once. */
export const PINPOINT_EVENT_IMPORT_QUEUED = "pinpoint-event-import/queued";
export const ZPinpointEventImportQueued = z.object({
  workspaceId: z.string().min(1),
  importId: z.uuid(),
});
export type TPinpointEventImportQueued = z.infer<typeof ZPinpointEventImportQueued>;

/**
 * The campaign scheduler's cron: every minute it starts the runs of recurring campaigns whose
 * occurrence has come (`campaign-scheduler`). `campaign/scheduler.tick` runs the same sweep on
 * demand (tests, an operator), with an optional clock.
 */
export const CAMPAIGN_SCHEDULER_CRON = "* * * * *";
export const CAMPAIGN_SCHEDULER_TICK = "campaign/scheduler.tick";
export const ZCampaignSchedulerTick = z.object({
  /** ISO time to sweep as of; absent means now. */
  now: z.iso.datetime({ offset: true }).optional(),
});
export type TCampaignSchedulerTick = z.infer<typeof ZCampaignSchedulerTick>;

/**
 * Event stream: deliver what is due now (a destination was added, resumed or re-pointed) rather
 * than at the stream-delivery job's next minute tick. `destinationId` is informational: the job
 * delivers every due destination.
 */
export const STREAM_DELIVERY_REQUESTED = "stream/delivery.requested";
export const ZStreamDeliveryRequested = z.object({ destinationId: z.uuid().optional() });
export type TStreamDeliveryRequested = z.infer<typeof ZStreamDeliveryRequested>;

/** The payload schema of every fixed-name event, so adapters can check what they send. */
export const EVENT_SCHEMAS = {
  [JOURNEY_CONTACT_ENTERED]: ZJourneyContactEntered,
  [JOURNEY_CONTACT_EXITED]: ZJourneyContactExited,
  [JOURNEY_STOPPED]: ZJourneyStopped,
  [CAMPAIGN_RUN_STARTED]: ZCampaignRunStarted,
  [CAMPAIGN_RUN_RESUMED]: ZCampaignRunStarted,
  [CAMPAIGN_RUN_DRAIN]: ZCampaignRunDrain,
  [CRON_TIMER]: ZCronTimer,
  [JOURNEY_TRIGGER_SWEEP]: ZJourneyTriggerSweep,
  [CONTACT_IMPORT_QUEUED]: ZContactImportQueued,
  [PINPOINT_EVENT_IMPORT_QUEUED]: ZPinpointEventImportQueued,
  [CAMPAIGN_SCHEDULER_TICK]: ZCampaignSchedulerTick,
  [STREAM_DELIVERY_REQUESTED]: ZStreamDeliveryRequested,
} as const;

/** An event as the executor's client sends it. */
export type TExecutorEvent = { name: string; data: Record<string, unknown>; id?: string };
