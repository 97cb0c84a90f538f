import { db } from "@/db";
import { insertEvents } from "@/db/queries/ingest";
import {
  claimMessage,
  findMessage,
  insertMessageEvent,
  settleMessage,
} from "@/db/queries/messages";
import { deletePushTokens } from "@/db/queries/send-context";
import type { TMessage } from "@/db/schema";
import type { TOutgoingMessage, TSendResult } from "@/lib/channels/types";
import { sendingDomainOf } from "@/lib/deliverability/sending-domain";
import { offerIngested, toIngestedEvents } from "@/lib/ingest/ingested-events";
import { contactEventNameFor } from "../engagement/message-event-names";
import { messageEventProperties } from "../engagement/record-engagement";
import { overRate, takeSingleSend } from "./provider-rate";
import { resolveChannelProvider } from "./resolve-channel-provider";

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
  const provider = await resolveChannelProvider(message.workspaceId, message.channel);
  // The provider account's send rate is shared with campaigns (lib/messages/send/provider-rate.ts).
  const slot = provider
    ? await takeSingleSend(message.workspaceId, message.channel)
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
  return settle(claimed, provider?.kind ?? null, result, duplicate);
}

async function settle(
  message: TMessage,
  providerKind: string | null,
  result: TSendResult,
  duplicate: boolean,
): Promise<TSendOutcome> {
  const ws = message.workspaceId;
  const now = new Date();
  const { settled, events } = await db().transaction(async (tx) => {
    let row: TMessage | null;
    const types: ("sent" | "delivered" | "failed")[] = [];
    if (result.ok) {
      row = await settleMessage(
        ws,
        message.id,
        {
          status: result.status,
          provider: providerKind,
          providerMessageId: result.providerMessageId ?? null,
          sendingDomain: sendingDomainOf(result.sender),
          sentAt: now,
          ...(result.status === "delivered" ? { deliveredAt: now } : {}),
          reason: null,
        },
        tx,
      );
      types.push("sent");
      if (result.status === "delivered") types.push("delivered");
    } else {
      row = await settleMessage(
        ws,
        message.id,
        {
          status: result.retryable ? "queued" : "failed",
          provider: providerKind,
          reason: result.reason,
        },
        tx,
      );
      types.push("failed");
    }
    const detail = result.ok
      ? { provider: providerKind, providerMessageId: result.providerMessageId }
      : {
          provider: providerKind,
          reason: result.reason,
          code: result.code,
          retryable: result.retryable,
        };
    for (const t of types)
      await insertMessageEvent(ws, message.id, { type: t, detail, at: now }, tx);
    if (!result.ok && result.retryable) return { settled: row!, events: [] };
    if (
      "invalidTokens" in result &&
      Array.isArray(result.invalidTokens) &&
      result.invalidTokens.length
    )
      await deletePushTokens(ws, result.invalidTokens as string[], tx);
    if (!message.contactId || message.isTest) return { settled: row!, events: [] };
    const rows = types.flatMap((t) => {
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
    });
    const stored = await insertEvents(ws, rows, tx);
    return { settled: row!, events: toIngestedEvents(ws, stored) };
  });
  await offerIngested(events);
  return outcomeOf(settled, duplicate, !result.ok && result.retryable);
}
