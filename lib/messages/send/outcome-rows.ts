import type { TMessageEventRow, TMessageSettlement } from "@/db/queries/campaign-messages";
import type { TEventRow } from "@/db/queries/ingest";
import type { TMessage, TMessageEventType } from "@/db/schema";
import type { TSendResult } from "@/lib/channels/types";
import { sendingDomainOf } from "@/lib/deliverability/sending-domain";
import { contactEventNameFor } from "../engagement/message-event-names";
import { messageEventProperties } from "../engagement/record-engagement";

export type TAnsweredMessage = Pick<
  TMessage,
  | "id"
  | "workspaceId"
  | "channel"
  | "contactId"
  | "isTest"
  | "templateId"
  | "templateVersion"
  | "origin"
>;

export type TOutcomeRows = {
  settlement: TMessageSettlement;
  messageEvents: TMessageEventRow[];
  contactEvents: TEventRow[];
  /** Push tokens the provider called dead: forgotten whatever became of the message. */
  deadTokens: string[];
};

/**
 * What one provider answer writes, the same for every send path (a journey's or a test send,
 * a campaign batch, the transactional lane): the message's settlement, its message events and,
 * once the outcome is final, the contact events journeys and segments branch on. A failure that
 * is not `final` (retried later) puts the message back to `queued` and records only its failed
 * attempt. `properties` add to every contact event's (a transactional mark, say).
 */
export function outcomeRows(
  message: TAnsweredMessage,
  answer: {
    result: TSendResult;
    provider: string | null;
    at: Date;
    final: boolean;
    properties?: Record<string, unknown>;
  },
): TOutcomeRows {
  const { result, provider, at, final } = answer;
  const settlement: TMessageSettlement = result.ok
    ? {
        id: message.id,
        status: result.status,
        provider,
        providerMessageId: result.providerMessageId ?? null,
        sendingDomain: sendingDomainOf(result.sender),
        reason: null,
        sentAt: at,
        deliveredAt: result.status === "delivered" ? at : null,
      }
    : {
        id: message.id,
        status: final ? "failed" : "queued",
        provider,
        providerMessageId: null,
        reason: result.reason,
        sentAt: null,
        deliveredAt: null,
      };
  const types: TMessageEventType[] = result.ok
    ? result.status === "delivered"
      ? ["sent", "delivered"]
      : ["sent"]
    : ["failed"];
  const detail = result.ok
    ? { provider, providerMessageId: result.providerMessageId }
    : { provider, reason: result.reason, code: result.code, retryable: result.retryable };
  const messageEvents = types.map((type) => ({
    workspaceId: message.workspaceId,
    messageId: message.id,
    type,
    detail,
    occurredAt: at,
  }));
  const contactEvents: TEventRow[] = [];
  // A test send is nobody's contact event; a retry to come has no outcome yet.
  if (final && message.contactId && !message.isTest)
    for (const type of types) {
      const name = contactEventNameFor(message.channel, type);
      if (name)
        contactEvents.push({
          contactId: message.contactId,
          name,
          properties: {
            ...messageEventProperties(message),
            ...answer.properties,
            ...(result.ok ? {} : { reason: result.reason }),
          },
          occurredAt: at,
          messageId: `msg-${message.id}-${type}`,
        });
    }
  return { settlement, messageEvents, contactEvents, deadTokens: result.invalidTokens ?? [] };
}
