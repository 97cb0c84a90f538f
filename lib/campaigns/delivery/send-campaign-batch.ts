import { randomUUID } from "node:crypto";
import { db } from "@/db";
import {
  campaignSendCounts,
  loadSendContacts,
  recentSendCounts,
  releaseDeliveries,
  settleDeliveries,
  suppressedContacts,
  type TSettledDelivery,
} from "@/db/queries/campaign-deliveries";
import {
  insertMessageEvents,
  insertMessagesOnce,
  settleMessages,
  type TMessageSettlement,
  type TNewMessage,
} from "@/db/queries/campaign-messages";
import { insertEvents } from "@/db/queries/ingest";
import { claimMessage } from "@/db/queries/messages";
import { deletePushTokens } from "@/db/queries/send-context";
import type { TMessage, TMessageEventType } from "@/db/schema";
import type { TOutgoingMessage, TSendResult } from "@/lib/channels/types";
import { offerIngested, toIngestedEvents } from "@/lib/ingest/ingested-events";
import { chooseRecipient } from "@/lib/messages/send/choose-recipient";
import { composeMessage } from "@/lib/messages/send/compose-message";
import { contactEventNameFor } from "@/lib/messages/engagement/message-event-names";
import { resolveChannelProvider } from "@/lib/messages/send/resolve-channel-provider";
import { isDraining } from "@/lib/lifecycle/shutdown";
import { inQuietHours } from "./quiet-hours";
import type { TRunContext } from "./run-context";

/** Provider calls in flight at once per batch: pooled SMTP, HTTP/2 and Twilio all take many. */
const PROVIDER_CONCURRENCY = 32;
/** A message whose provider keeps failing retryably is given up after this many attempts. */
const MAX_ATTEMPTS = 3;

export type TClaimed = { contact_id: string; treatment: number | null };
export type TBatchResult = Partial<Record<TSettledDelivery["status"] | "retry", number>>;

type TToSend = { message: TMessage | TNewMessage; contactId: string };

/** The idempotency key of a campaign message: one per (run, contact), like a delivery. */
export const campaignMessageKey = (runId: string, contactId: string) =>
  `campaign:${runId}:${contactId}`;

/**
 * Sends one claimed batch of a run. The same decisions as `sendMessage` (lib/messaging), made for
 * a batch at once: `chooseRecipient` for opt-outs and addresses, the same render and outgoing
 * message, the same messages table under an idempotency key, the same provider, message events and
 * contact events. Only the round trips are batched: a few queries per batch instead of ten per
 * message. Suppression, the global frequency cap and quiet hours are decided here too, in SQL
 * over the batch.
 */
export async function sendCampaignBatch(
  run: TRunContext,
  claimed: TClaimed[],
  now = new Date(),
): Promise<TBatchResult> {
  const ws = run.workspaceId;
  const ids = claimed.map((c) => c.contact_id);
  const cap = run.limits.dailyCapPerContact;
  const total = run.limits.totalCapPerContact;
  const [loaded, suppressed, recent, before] = await Promise.all([
    loadSendContacts(ws, ids),
    run.channel === "webhook" || run.channel === "in_app"
      ? Promise.resolve(new Set<string>())
      : suppressedContacts(ws, run.channel, ids),
    cap
      ? recentSendCounts(ws, ids, new Date(now.getTime() - 24 * 3600_000))
      : Promise.resolve(new Map<string, number>()),
    total ? campaignSendCounts(run.campaignId, ids) : Promise.resolve(new Map<string, number>()),
  ]);

  const settled: TSettledDelivery[] = [];
  const fresh: TNewMessage[] = [];
  const origin = (treatment: number) => ({
    kind: "campaign",
    campaignId: run.campaignId,
    runId: run.runId,
    treatment,
  });
  for (const c of claimed) {
    const entry = loaded.get(c.contact_id);
    const treatment = c.treatment === null ? undefined : run.treatments[c.treatment];
    // A contact erased since the snapshot took its delivery row with it; a holdout is never queued.
    if (!entry || !treatment) continue;
    const chosen = chooseRecipient(run.channel, entry.contact, entry);
    if (!chosen.ok) {
      const status = chosen.reason.startsWith("opted out") ? "opted_out" : "no_address";
      settled.push({ contactId: c.contact_id, status });
      continue;
    }
    if (suppressed.has(c.contact_id)) {
      settled.push({ contactId: c.contact_id, status: "suppressed" });
      continue;
    }
    if (cap && (recent.get(c.contact_id) ?? 0) >= cap) {
      settled.push({ contactId: c.contact_id, status: "frequency_cap" });
      continue;
    }
    if (total && (before.get(c.contact_id) ?? 0) >= total) {
      settled.push({ contactId: c.contact_id, status: "frequency_cap" });
      continue;
    }
    if (
      run.limits.quietHours &&
      inQuietHours(run.limits.quietHours, entry.contact.timezone, run.defaultTimeZone, now)
    ) {
      settled.push({ contactId: c.contact_id, status: "quiet_hours" });
      continue;
    }
    const messageId = randomUUID();
    const composed = composeMessage({
      messageId,
      workspaceId: ws,
      compiled: treatment.compiled,
      context: {
        contact: entry.contact,
        accounts: entry.accounts,
        workspace: { name: run.workspaceName },
      },
      recipient: chosen.recipient,
      tracked: true,
    });
    const base = {
      id: messageId,
      workspaceId: ws,
      contactId: c.contact_id,
      idempotencyKey: campaignMessageKey(run.runId, c.contact_id),
      channel: run.channel,
      templateId: treatment.templateId,
      templateVersion: treatment.templateVersion,
      origin: origin(c.treatment!),
      recipient: chosen.recipient.address,
    } satisfies Omit<TNewMessage, "status">;
    if (!composed.ok) {
      // Recorded like sendMessage records it: a skipped message that says why.
      fresh.push({ ...base, status: "skipped", reason: composed.reason });
      continue;
    }
    const content = composed.content;
    fresh.push({
      ...base,
      status: "sending",
      sendingSince: now,
      attempts: 1,
      content: content as unknown as Record<string, unknown>,
    });
  }

  const { created, existing } = await insertMessagesOnce(ws, fresh, db());
  const toSend: TToSend[] = [];
  const release: string[] = [];
  for (const m of fresh) {
    if (!created.has(m.id!)) continue;
    if (m.status === "skipped")
      settled.push({ contactId: m.contactId!, status: "failed", messageId: m.id! });
    else toSend.push({ message: m, contactId: m.contactId! });
  }
  // Messages an earlier, interrupted attempt of these deliveries already made: never a second one.
  for (const m of existing) {
    const contactId = m.contactId!;
    if (m.status === "sent" || m.status === "delivered")
      settled.push({ contactId, status: "sent", messageId: m.id });
    else if (m.status === "failed" || m.status === "bounced" || m.status === "skipped")
      settled.push({ contactId, status: "failed", messageId: m.id });
    else {
      const again = await claimMessage(ws, m.id, db());
      if (again) toSend.push({ message: again, contactId });
      else release.push(contactId);
    }
  }

  const results = await sendAll(run, toSend);
  const settlements: TMessageSettlement[] = [];
  const messageEvents: Parameters<typeof insertMessageEvents>[0] = [];
  const contactEvents: Parameters<typeof insertEvents>[1] = [];
  const deadTokens: string[] = [];
  const at = new Date();
  results.forEach(({ result, provider, handedBack }, i) => {
    const { message, contactId } = toSend[i]!;
    const id = message.id!;
    if (handedBack) {
      // Never offered to the provider: back in the queue for whichever process drains next.
      settlements.push({ ...emptySettlement(id, "queued", provider), reason: HANDED_BACK });
      release.push(contactId);
      return;
    }
    const attempts = message.attempts ?? 1;
    const giveUp = !result.ok && (!result.retryable || attempts >= MAX_ATTEMPTS);
    if (!result.ok && !giveUp) {
      settlements.push({ ...emptySettlement(id, "queued", provider), reason: result.reason });
      release.push(contactId);
      return;
    }
    const types: TMessageEventType[] = result.ok
      ? result.status === "delivered"
        ? ["sent", "delivered"]
        : ["sent"]
      : ["failed"];
    settlements.push(
      result.ok
        ? {
            ...emptySettlement(id, result.status, provider),
            providerMessageId: result.providerMessageId ?? null,
            sentAt: at,
            deliveredAt: result.status === "delivered" ? at : null,
          }
        : { ...emptySettlement(id, "failed", provider), reason: result.reason },
    );
    settled.push({ contactId, status: result.ok ? "sent" : "failed", messageId: id });
    if (result.invalidTokens?.length) deadTokens.push(...result.invalidTokens);
    const detail = result.ok
      ? { provider, providerMessageId: result.providerMessageId }
      : { provider, reason: result.reason, code: result.code, retryable: result.retryable };
    for (const type of types) {
      messageEvents.push({ workspaceId: ws, messageId: id, type, detail, occurredAt: at });
      const name = contactEventNameFor(run.channel, type);
      if (name)
        contactEvents.push({
          contactId,
          name,
          properties: {
            messageId: id,
            channel: run.channel,
            templateId: message.templateId,
            templateVersion: message.templateVersion,
            campaignId: run.campaignId,
            ...(result.ok ? {} : { reason: result.reason }),
          },
          occurredAt: at,
          messageId: `msg-${id}-${type}`,
        });
    }
  });

  const stored = await db().transaction(async (tx) => {
    await settleMessages(ws, settlements, tx);
    await insertMessageEvents(messageEvents, tx);
    await settleDeliveries(run.runId, settled, tx);
    await releaseDeliveries(run.runId, release, tx);
    if (deadTokens.length) await deletePushTokens(ws, deadTokens, tx);
    return insertEvents(ws, contactEvents, tx);
  });
  await offerIngested(toIngestedEvents(ws, stored));

  const counts: TBatchResult = {};
  for (const s of settled) counts[s.status] = (counts[s.status] ?? 0) + 1;
  if (release.length) counts.retry = release.length;
  return counts;
}

const emptySettlement = (
  id: string,
  status: TMessageSettlement["status"],
  provider: string | null,
): TMessageSettlement => ({
  id,
  status,
  provider,
  providerMessageId: null,
  reason: null,
  sentAt: null,
  deliveredAt: null,
});

const HANDED_BACK = "not sent: handed back on shutdown";

type TSent = { result: TSendResult; provider: string | null; handedBack?: boolean };

/**
 * Hands the batch to the channel's provider, a bounded number of calls at a time. Once the process
 * is shutting down (SIGTERM) the calls already at the provider finish, and the rest of the batch is
 * handed back unsent rather than holding the exit for a slow provider.
 */
async function sendAll(run: TRunContext, toSend: TToSend[]): Promise<TSent[]> {
  if (!toSend.length) return [];
  const provider = await resolveChannelProvider(run.workspaceId, run.channel);
  const out: TSent[] = new Array(toSend.length);
  let next = 0;
  const worker = async () => {
    while (next < toSend.length) {
      const i = next++;
      if (isDraining()) {
        const reason = "not sent: handed back on shutdown";
        out[i] = {
          result: { ok: false, retryable: true, reason },
          provider: null,
          handedBack: true,
        };
        continue;
      }
      let result: TSendResult;
      try {
        result = provider
          ? await provider.send(toSend[i]!.message.content as unknown as TOutgoingMessage)
          : { ok: false, retryable: false, reason: `no provider for ${run.channel}` };
      } catch (err) {
        result = {
          ok: false,
          retryable: true,
          reason: `provider error: ${(err as Error).message}`,
        };
      }
      out[i] = { result, provider: provider?.kind ?? null };
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROVIDER_CONCURRENCY, toSend.length) }, worker));
  return out;
}
