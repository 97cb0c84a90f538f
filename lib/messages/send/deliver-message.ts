import { db } from "@/db";
import { recordSendOutcomes, type TMessageSettlement } from "@/db/queries/campaign-messages";
import { claimMessage, findMessage } from "@/db/queries/messages";
import type { TMessage } from "@/db/schema";
import type { TOutgoingMessage, TSendResult } from "@/lib/channels/types";
import { sendingDomainOf } from "@/lib/deliverability/sending-domain";
import { offerIngested, toIngestedEvents } from "@/lib/ingest/ingested-events";
import { contactEventNameFor } from "../engagement/message-event-names";
import { messageEventProperties } from "../engagement/record-engagement";
import { overRate, providerLimitsFor, takeSingleSend } from "./provider-rate";
import { loadProviderConfigs, resolveChannelProvider } from "./resolve-channel-provider";

export type TSendOutcome = {
  messageId: string;
  status: TMessage["status"];
  reason: string | null;
  /** The provider failed in a way worth retrying; the message is queued again for the retry. */
  retryable: boolean;
  /** An earlier call with the same idempotency key already made this message. */
  duplicate: boolean;
};

export const outcomeOf = (m: TMessage, duplicate: boolean, retryable = false): TSendOutcome => ({
  messageId: m.id,
  status: m.status,
  reason: m.reason,
  retryable,
  duplicate,
});

/** What delivering needs of a message: a stored row, or one this attempt has just inserted. */
export type TDeliverable = Pick<
  TMessage,
  | "id"
  | "workspaceId"
  | "channel"
  | "content"
  | "contactId"
  | "isTest"
  | "templateId"
  | "templateVersion"
  | "origin"
>;

/**
 * Hands a queued message to its channel's provider exactly once at a time: the claim moves it to
 * `sending`, so a concurrent retry finds it taken and does not call the provider again. A
 * retryable failure puts it back to `queued` for the caller's retry; anything else settles it.
 */
export async function deliverMessage(message: TMessage, duplicate: boolean): Promise<TSendOutcome> {
  const claimed = await claimMessage(message.workspaceId, message.id, db());
  if (!claimed) {
    // Another attempt is sending it (or died doing so): the caller retries later, never assumes it went.
    const now = (await findMessage(message.workspaceId, message.id, db())) ?? message;
    return outcomeOf(now, true, now.status === "sending" || now.status === "queued");
  }
  return deliverClaimed(claimed, duplicate);
}

/**
 * Delivers a message this attempt holds in `sending` (claimed above, or inserted already claimed
 * by `sendMessage`): the provider call, then its outcome written.
 */
export async function deliverClaimed(
  message: TDeliverable,
  duplicate: boolean,
): Promise<TSendOutcome> {
  // Read once for both the provider and its send rate.
  const loaded = await loadProviderConfigs(message.workspaceId);
  const provider = await resolveChannelProvider(
    message.workspaceId,
    message.channel,
    "bulk",
    loaded,
  );
  // The provider account's send rate is shared with campaigns (lib/messages/send/provider-rate.ts).
  const slot = provider
    ? await takeSingleSend(
        message.workspaceId,
        message.channel,
        await providerLimitsFor(message.workspaceId, message.channel, loaded),
      )
    : ({ ok: true } as const);
  let result: TSendResult;
  try {
    result = !slot.ok
      ? overRate(slot.waitMs)
      : provider
        ? await provider.send(message.content as TOutgoingMessage)
        : { ok: false, retryable: false, reason: `no provider for ${message.channel}` };
  } catch (err) {
    // A provider should classify its own failures; a throw is a bug or an outage, so try again later.
    result = { ok: false, retryable: true, reason: `provider error: ${(err as Error).message}` };
  }
  return settle(message, provider?.kind ?? null, result, duplicate);
}

/**
 * Writes the provider's answer as one statement (`recordSendOutcomes`: data-modifying CTEs, so
 * atomic without a transaction): the message settled, its message events, the push tokens the
 * provider called dead and the contact events journeys branch on. It was a transaction of five
 * or six round trips a send.
 */
async function settle(
  message: TDeliverable,
  providerKind: string | null,
  result: TSendResult,
  duplicate: boolean,
): Promise<TSendOutcome> {
  const ws = message.workspaceId;
  const now = new Date();
  const retry = !result.ok && result.retryable;
  const base = {
    id: message.id,
    provider: providerKind,
    providerMessageId: null,
    reason: null,
    sentAt: null,
    deliveredAt: null,
  };
  const settlement: TMessageSettlement = result.ok
    ? {
        ...base,
        status: result.status,
        providerMessageId: result.providerMessageId ?? null,
        sendingDomain: sendingDomainOf(result.sender),
        sentAt: now,
        deliveredAt: result.status === "delivered" ? now : null,
      }
    : { ...base, status: retry ? "queued" : "failed", reason: result.reason };
  const types: ("sent" | "delivered" | "failed")[] = result.ok
    ? result.status === "delivered"
      ? ["sent", "delivered"]
      : ["sent"]
    : ["failed"];
  const detail = result.ok
    ? { provider: providerKind, providerMessageId: result.providerMessageId }
    : {
        provider: providerKind,
        reason: result.reason,
        code: result.code,
        retryable: result.retryable,
      };
  const messageEvents = types.map((type) => ({
    workspaceId: ws,
    messageId: message.id,
    type,
    detail,
    occurredAt: now,
  }));
  // A retry to come records only its failed attempt; a test send is nobody's contact event.
  const final = !retry;
  const contactEvents =
    final && message.contactId && !message.isTest
      ? types.flatMap((t) => {
          const name = contactEventNameFor(message.channel, t);
          return name
            ? [
                {
                  contactId: message.contactId!,
                  name,
                  properties: {
                    ...messageEventProperties(message),
                    ...(result.ok ? {} : { reason: result.reason }),
                  },
                  occurredAt: now,
                  messageId: `msg-${message.id}-${t}`,
                },
              ]
            : [];
        })
      : [];
  const deadTokens = final && result.invalidTokens?.length ? result.invalidTokens : undefined;
  const stored = await recordSendOutcomes(
    ws,
    { settlements: [settlement], messageEvents, contactEvents, deadTokens },
    db(),
  );
  await offerIngested(toIngestedEvents(ws, stored, { sendOutcome: true }));
  return {
    messageId: message.id,
    status: settlement.status,
    reason: settlement.reason,
    retryable: retry,
    duplicate,
  };
}
