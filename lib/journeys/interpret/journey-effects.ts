import type { TSendChannel } from "@/lib/channels/types";
import type { TPropertyFilter } from "@/lib/segments/definition";

/** What a journey reads of a contact. */
export type TJourneyContact = {
  id: string;
  email?: string | null;
  phone?: string | null;
  timezone: string | null;
  attributes: Record<string, unknown>;
};

export type TSendRequest = {
  /** `${entryId}:${nodeId}`: the send pipeline stores it uniquely, so a retried step never sends twice. */
  idempotencyKey: string;
  runId: string;
  journeyId: string;
  version: number;
  nodeId: string;
  contactId: string;
  channel: TSendChannel;
  templateId: string;
};
export type TSendResult = {
  status: "sent" | "skipped" | "failed";
  reason?: string;
  messageId?: string;
};

export type TWebhookRequest = {
  idempotencyKey: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  /** JSON with Liquid; the app renders it with the contact before calling. */
  body: string;
  contactId: string;
};

/**
 * Everything a journey does to or reads from the world, implemented by the app (DB, send pipeline,
 * HTTP) and by testing/memory-effects.ts. The interpreter calls these only inside `port.run`, so on
 * a replay Inngest hands back what they returned the first time.
 */
export interface JourneyEffects {
  now(): Date;
  loadContact(contactId: string): Promise<TJourneyContact | null>;
  sendMessage(req: TSendRequest): Promise<TSendResult>;
  updateContact(
    contactId: string,
    attribute: string,
    value: string | number | boolean | null,
  ): Promise<void>;
  /** `error` when no request was made (a refused destination); such a call is not retried. */
  callWebhook(req: TWebhookRequest): Promise<{ status: number; error?: string }>;
  isInSegment(contactId: string, segmentId: string): Promise<boolean>;
  /** Whether the contact had the event (matching every filter) at or after `since` and up to now. */
  didEvent(
    contactId: string,
    query: { event: string; filters: TPropertyFilter[]; since: Date },
  ): Promise<boolean>;
  /** How the contact engaged with what send node `nodeId` sent them in run `runId`. */
  engagement(query: {
    contactId: string;
    runId: string;
    nodeId: string;
  }): Promise<{ opened: boolean; clicked: boolean; replied: boolean }>;
  /** Messages sent to the contact on the current local day in `timeZone`, across every journey. */
  countMessagesToday(contactId: string, timeZone: string): Promise<number>;
}
