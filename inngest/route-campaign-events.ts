import { enqueueTriggeredSends } from "@/lib/campaigns/event-trigger/enqueue-triggered";
import type { TIngestedEvent } from "@/lib/ingest/ingested-events";
import { emitExecutorEvents } from "./emit-events";
import { CAMPAIGN_RUN_DRAIN, ZCampaignRunDrain } from "./events";

/**
 * Ingestion's listener for event-triggered campaigns (instrumentation.ts): the contacts lib/
 * queued are drained by `campaign-drain` like any run's, so the same send path, limits and
 * idempotency apply. One drain event per stored event (its id), from that contact on.
 */
export async function routeCampaignEvents(events: TIngestedEvent[]): Promise<void> {
  const queued = await enqueueTriggeredSends(events);
  await emitExecutorEvents(
    queued.map((q) => ({
      name: CAMPAIGN_RUN_DRAIN,
      id: `campaign-trigger-${q.runId}-${q.eventId}`,
      data: ZCampaignRunDrain.parse({ runId: q.runId, from: q.contactId, to: null }),
    })),
  );
}
