import type { TStreamEventRecord } from "@/db/queries/stream-events";

/**
 * One event as every destination receives it in the `waymark` format: a stable `id` (the same on
 * every redelivery, so receivers de-duplicate by it), the `type`, when it happened and when it
 * was recorded, the contact (its user id as of delivery; null once erased) and the `data` of its
 * kind. `cursor` is the event's place in the workspace's stream.
 */
export type TStreamEvent = {
  id: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  workspaceId: string;
  contact: { id: string; userId: string | null } | null;
  data: Record<string, unknown>;
  cursor: string;
};

export const streamEventId = (id: number) => `evt_${id}`;

export function toStreamEvent(workspaceId: string, r: TStreamEventRecord): TStreamEvent {
  return {
    id: streamEventId(r.id),
    type: r.type,
    occurredAt: r.occurredAt.toISOString(),
    recordedAt: r.createdAt.toISOString(),
    workspaceId,
    contact: r.contactId ? { id: r.contactId, userId: r.userId } : null,
    data: r.data,
    cursor: `${r.txid}:${r.id}`,
  };
}

/** Every event type the stream carries; message types follow the message log's lifecycle. */
export const STREAM_EVENT_TYPES = [
  "message.queued",
  "message.skipped",
  "message.sent",
  "message.delivered",
  "message.failed",
  "message.bounced",
  "message.complained",
  "message.opened",
  "message.clicked",
  "message.replied",
  "message.unsubscribed",
  "message.seen",
  "message.dismissed",
  "journey.entered",
  "journey.node_passed",
  "journey.exited",
  "journey.converted",
  "campaign.run_snapshotting",
  "campaign.run_sending",
  "campaign.run_paused",
  "campaign.run_completed",
  "campaign.run_cancelled",
  "campaign.run_failed",
  "contact.identified",
  "contact.attributes_changed",
  "contact.aliased",
  "contact.opted_in",
  "contact.opted_out",
  "contact.erased",
] as const;
