import { db } from "@/db";
import {
  recordSendOutcomes,
  type TMessageEventRow,
  type TMessageSettlement,
} from "@/db/queries/campaign-messages";
import type { TEventRow } from "@/db/queries/ingest";
import type { TMessage } from "@/db/schema";
import type { TOutgoingMessage, TSendChannel, TSendResult } from "@/lib/channels/types";
import { offerIngested, toIngestedEvents } from "@/lib/ingest/ingested-events";
import { outcomeRows } from "../send/outcome-rows";
import { overRate, providerLimitsFor, takeSingleSend } from "../send/provider-rate";
import { loadProviderConfigs, resolveChannelProvider } from "../send/resolve-channel-provider";

/** Provider calls in flight at once for one request. */
const PROVIDER_CONCURRENCY = 32;
/** A message a provider keeps refusing retryably is given up after this many attempts. */
const MAX_ATTEMPTS = 3;

/**
 * Hands claimed (`sending`) transactional messages to the channel's provider, the transactional
 * lane's own instance, a bounded number at a time, then settles them all in one statement: the
 * message rows, their events and the contact events journeys branch on (the same records
 * `deliverMessage` makes one message at a time). A retryable refusal puts the message back to
 * `queued`, where a retry of the request (same idempotency key) sends it again. Returns the rows
 * as settled.
 */
export async function deliverTransactional(
  workspaceId: string,
  channel: TSendChannel,
  toSend: TMessage[],
): Promise<TMessage[]> {
  if (!toSend.length) return [];
  const ws = workspaceId;
  // Read once for both the provider and its send rate.
  const configs = await loadProviderConfigs(ws);
  const provider = await resolveChannelProvider(ws, channel, "transactional", configs);
  // The provider account's send rate, shared with campaigns and journeys.
  const limits = provider ? await providerLimitsFor(ws, channel, configs) : null;
  const results: TSendResult[] = new Array(toSend.length);
  let next = 0;
  const worker = async () => {
    while (next < toSend.length) {
      const i = next++;
      try {
        const slot = await takeSingleSend(ws, channel, limits);
        results[i] = !slot.ok
          ? overRate(slot.waitMs)
          : provider
            ? await provider.send(toSend[i]!.content as unknown as TOutgoingMessage)
            : { ok: false, retryable: false, reason: `no provider for ${channel}` };
      } catch (err) {
        results[i] = {
          ok: false,
          retryable: true,
          reason: `provider error: ${(err as Error).message}`,
        };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROVIDER_CONCURRENCY, toSend.length) }, worker));

  const kind = provider?.kind ?? null;
  const at = new Date();
  const settlements: TMessageSettlement[] = [];
  const messageEvents: TMessageEventRow[] = [];
  const contactEvents: TEventRow[] = [];
  const deadTokens: string[] = [];
  const settled = toSend.map((message, i): TMessage => {
    const result = results[i]!;
    const giveUp = !result.ok && (!result.retryable || message.attempts >= MAX_ATTEMPTS);
    const rows = outcomeRows(message, {
      result,
      provider: kind,
      at,
      final: result.ok || giveUp,
      properties: { transactional: true },
    });
    const s = rows.settlement;
    settlements.push(s);
    messageEvents.push(...rows.messageEvents);
    contactEvents.push(...rows.contactEvents);
    deadTokens.push(...rows.deadTokens);
    return {
      ...message,
      status: s.status,
      provider: kind,
      providerMessageId: s.providerMessageId,
      reason: s.reason,
      sentAt: s.sentAt ?? message.sentAt,
      deliveredAt: s.deliveredAt ?? message.deliveredAt,
    };
  });

  // One statement, atomic without a transaction (data-modifying CTEs): one round trip.
  const stored = await recordSendOutcomes(
    ws,
    { settlements, messageEvents, contactEvents, deadTokens },
    db(),
  );
  await offerIngested(toIngestedEvents(ws, stored, { sendOutcome: true }));
  return settled;
}
