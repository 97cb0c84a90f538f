import { db } from "@/db";
import { recordSendOutcomes } from "@/db/queries/campaign-messages";
import { claimMessage, findMessage } from "@/db/queries/messages";
import type { TMessage } from "@/db/schema";
import type { TOutgoingMessage, TSendResult } from "@/lib/channels/types";
import { offerIngested, toIngestedEvents } from "@/lib/ingest/ingested-events";
import { outcomeRows, type TAnsweredMessage } from "./outcome-rows";
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
export type TDeliverable = TAnsweredMessage & Pick<TMessage, "content">;

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
  const retry = !result.ok && result.retryable;
  const { settlement, messageEvents, contactEvents, deadTokens } = outcomeRows(message, {
    result,
    provider: providerKind,
    at: new Date(),
    final: !retry,
  });
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
