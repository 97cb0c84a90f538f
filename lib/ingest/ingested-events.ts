import { log } from "@/lib/log/logger";
/**
 * The one place stored events leave ingestion. Everything that reacts to what contacts do (the
 * journey entry router, segment re-checks) subscribes here; ingestion calls `offerIngested` once
 * per committed batch, after the commit, so a listener never sees an event that could roll back.
 */
export type TIngestedEvent = {
  workspaceId: string;
  contactId: string;
  eventId: string;
  name: string;
  occurredAt: Date;
  /**
   * Stored by the send pipeline about a message it sent (`Email Sent`, `Push Failed`…): such an
   * event changes nothing about the contact but their events and, for push, their devices, so a
   * segment over neither needs no re-check for it.
   */
  sendOutcome?: true;
};

/** Rows as `insertEvents` returns them, in the shape listeners get. */
export function toIngestedEvents(
  workspaceId: string,
  rows: { id: string | number; contact_id: string; name: string; occurred_at: string | Date }[],
  opts: { sendOutcome?: boolean } = {},
): TIngestedEvent[] {
  return rows.map((e) => ({
    workspaceId,
    contactId: e.contact_id,
    eventId: String(e.id),
    name: e.name,
    occurredAt: new Date(e.occurred_at),
    ...(opts.sendOutcome ? { sendOutcome: true as const } : {}),
  }));
}

type TListener = (events: TIngestedEvent[]) => Promise<void> | void;
const KEY = Symbol.for("waymark.ingested-listeners");
const listeners: Set<TListener> = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new Set<TListener>()) as Set<TListener>;

export function onIngested(listener: TListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Listener failures are logged, never surfaced to the sender: the events are already stored. */
export async function offerIngested(events: TIngestedEvent[]): Promise<void> {
  if (!events.length) return;
  for (const listener of listeners) {
    try {
      await listener(events);
    } catch (err) {
      log.error("a listener of ingested events failed", { err });
    }
  }
}
