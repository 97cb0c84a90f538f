import { randomUUID } from "node:crypto";
import { db } from "@/db";
import {
  releaseDeliveries,
  settleDeliveries,
  type TSettledDelivery,
} from "@/db/queries/campaign-deliveries";
import {
  insertMessagesOnce,
  recordSendOutcomes,
  type TMessageEventRow,
  type TMessageSettlement,
  type TNewMessage,
} from "@/db/queries/campaign-messages";
import type { TEventRow } from "@/db/queries/ingest";
import { loadSendContacts } from "@/db/queries/send-contacts";
import { claimMessage } from "@/db/queries/messages";
import { deletePushTokens } from "@/db/queries/send-context";
import type { TMessage } from "@/db/schema";
import type { TOutgoingMessage, TSendResult } from "@/lib/channels/types";
import { offerIngested, toIngestedEvents } from "@/lib/ingest/ingested-events";
import { chooseRecipient } from "@/lib/messages/send/choose-recipient";
import { composeMessage } from "@/lib/messages/send/compose-message";
import { outcomeRows } from "@/lib/messages/send/outcome-rows";
import { cappedContacts } from "@/lib/messages/send/frequency-cap";
import { resolveChannelProvider } from "@/lib/messages/send/resolve-channel-provider";
import { isDraining } from "@/lib/lifecycle/shutdown";
import { groupCommit } from "./group-commit";
import { suppressedRecipients } from "@/lib/deliverability/check-suppression";
import { topicOptOuts } from "@/lib/topics/check-topic";
import { inQuietHours } from "./quiet-hours";
import type { TRunContext } from "./run-context";

/** Provider calls in flight at once per batch: pooled SMTP, HTTP/2 and Twilio all take many. */
const PROVIDER_CONCURRENCY = 32;
/** A message whose provider keeps failing retryably is given up after this many attempts. */
const MAX_ATTEMPTS = 3;
/** Retry backoff without a Retry-After: 2 s after the first attempt, 4 s after the second. */
const BACKOFF_BASE_MS = 2_000;
/** A provider's Retry-After longer than this is cut to it (the run must not stall for days). */
const MAX_RETRY_AFTER_MS = 3600_000;

/** When a retryable failure may be tried again: the provider's Retry-After, or the backoff. */
export function retryAt(at: Date, attempts: number, retryAfterSeconds?: number): Date {
  const wait =
    retryAfterSeconds !== undefined
      ? Math.min(retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS)
      : BACKOFF_BASE_MS * 2 ** Math.max(attempts - 1, 0);
  return new Date(at.getTime() + wait);
}

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
 * message. Suppression and quiet hours are decided here too, in SQL over the batch; the global
 * frequency cap by `cappedContacts`, the function `sendMessage` decides it with.
 */
export async function sendCampaignBatch(
  run: TRunContext,
  claimed: TClaimed[],
  now = new Date(),
): Promise<TBatchResult> {
  const ws = run.workspaceId;
  const ids = claimed.map((c) => c.contact_id);
  const [loaded, capped] = await Promise.all([
    loadSendContacts(ws, ids),
    // The global frequency cap, decided by the same function sendMessage uses for a journey's send.
    cappedContacts(ws, { kind: "campaign", id: run.campaignId }, run.limits, ids, now),
  ]);

  // The suppression list, checked beside the opt-outs like sendMessage checks it (one query).
  const addresses = [...loaded.values()].flatMap((e) => {
    const chosen = chooseRecipient(run.channel, e.contact, e);
    return chosen.ok ? [chosen.recipient.address] : [];
  });
  const [suppressed, outOfTopic] = await Promise.all([
    suppressedRecipients(ws, run.channel, addresses, now),
    // And the subscription topic, beside them (one query for the batch).
    topicOptOuts(ws, run.topic, ids),
  ]);

  const settled: TSettledDelivery[] = [];
  const fresh: TNewMessage[] = [];
  /** Skipped messages recorded for a suppressed address: the delivery settles as `suppressed`. */
  const suppressedIds = new Set<string>();
  /** Their contacts: an interrupted attempt's skipped message for one settles as `suppressed` too. */
  const suppressedContactIds = new Set<string>();
  /** Messages skipped because the contact left the topic: the delivery settles as `topic_opt_out`. */
  const topicIds = new Set<string>();
  const topicContactIds = new Set<string>();
  const origin = (treatment: number) => ({
    kind: "campaign",
    campaignId: run.campaignId,
    runId: run.runId,
    treatment,
    // The unsubscribe link of a message about a topic leaves that topic.
    ...(run.topic ? { topicId: run.topic.id } : {}),
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
    const messageId = randomUUID();
    const suppressedReason =
      suppressed.get(chosen.recipient.address) ?? outOfTopic.get(c.contact_id);
    const isTopicSkip = !suppressed.has(chosen.recipient.address) && Boolean(suppressedReason);
    if (!suppressedReason && capped.has(c.contact_id)) {
      settled.push({ contactId: c.contact_id, status: "frequency_cap" });
      continue;
    }
    if (
      !suppressedReason &&
      run.limits.quietHours &&
      inQuietHours(run.limits.quietHours, entry.contact.timezone, run.defaultTimeZone, now)
    ) {
      settled.push({ contactId: c.contact_id, status: "quiet_hours" });
      continue;
    }
    const composed = suppressedReason
      ? null
      : composeMessage({
          messageId,
          workspaceId: ws,
          compiled: treatment.compiled,
          context: {
            contact: entry.contact,
            accounts: entry.accounts,
            workspace: { name: run.workspaceName, timezone: run.defaultTimeZone },
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
    if (!composed) {
      // Recorded like sendMessage records it, so the message log says why the contact got nothing.
      fresh.push({ ...base, status: "skipped", reason: suppressedReason! });
      (isTopicSkip ? topicIds : suppressedIds).add(messageId);
      (isTopicSkip ? topicContactIds : suppressedContactIds).add(c.contact_id);
      continue;
    }
    if (!composed.ok) {
      // Recorded like sendMessage records it: a skipped message that says why.
      fresh.push({
        ...base,
        templateLocale: composed.templateLocale,
        status: "skipped",
        reason: composed.reason,
      });
      continue;
    }
    const content = composed.content;
    fresh.push({
      ...base,
      templateLocale: composed.templateLocale,
      status: "sending",
      sendingSince: now,
      attempts: 1,
      content: content as unknown as Record<string, unknown>,
    });
  }

  const { created, existing } = await insertMessagesOnce(ws, fresh, {}, db());
  const toSend: TToSend[] = [];
  const release: { contactId: string; notBefore?: Date }[] = [];
  for (const m of fresh) {
    if (!created.has(m.id!)) continue;
    if (m.status === "skipped")
      settled.push({
        contactId: m.contactId!,
        status: suppressedIds.has(m.id!)
          ? "suppressed"
          : topicIds.has(m.id!)
            ? "topic_opt_out"
            : "failed",
        messageId: m.id!,
      });
    else toSend.push({ message: m, contactId: m.contactId! });
  }
  // Messages an earlier, interrupted attempt of these deliveries already made: never a second one.
  for (const m of existing) {
    const contactId = m.contactId!;
    if (m.status === "sent" || m.status === "delivered")
      settled.push({ contactId, status: "sent", messageId: m.id });
    else if (m.status === "skipped" && suppressedContactIds.has(contactId))
      settled.push({ contactId, status: "suppressed", messageId: m.id });
    else if (m.status === "skipped" && topicContactIds.has(contactId))
      settled.push({ contactId, status: "topic_opt_out", messageId: m.id });
    else if (m.status === "failed" || m.status === "bounced" || m.status === "skipped")
      settled.push({ contactId, status: "failed", messageId: m.id });
    else {
      const again = await claimMessage(ws, m.id, db());
      if (again) toSend.push({ message: again, contactId });
      else release.push({ contactId });
    }
  }

  // Each answer's message is written as soon as the provider gives it (grouped while a write is
  // in flight), not with the batch: a worker killed mid-batch leaves the mails already accepted
  // recorded as sent, so the worker that takes the batch over settles them instead of sending
  // them again. Deliveries are settled once the whole batch is answered.
  const deadTokens: string[] = [];
  const answers = groupCommit<TAnswered>(async (items) => {
    const settlements = items.map((a) => a.settlement);
    const messageEvents = items.flatMap((a) => a.messageEvents);
    const contactEvents = items.flatMap((a) => a.contactEvents);
    // One statement (data-modifying CTEs), as the transactional lane writes its answers.
    const stored = await recordSendOutcomes(
      ws,
      { settlements, messageEvents, contactEvents },
      db(),
    );
    await offerIngested(toIngestedEvents(ws, stored, { sendOutcome: true }));
  });
  await sendAll(run, toSend, (i, sent) => {
    const answered = answerOf(run, toSend[i]!, sent, new Date());
    if (answered.release)
      release.push({ contactId: answered.contactId, notBefore: answered.retryAt });
    else settled.push(answered.delivery!);
    if (sent.result.invalidTokens?.length) deadTokens.push(...sent.result.invalidTokens);
    answers.add(answered);
  });
  await answers.flushed();

  await db().transaction(async (tx) => {
    await settleDeliveries(run.runId, settled, tx);
    await releaseDeliveries(run.runId, release, tx);
    if (deadTokens.length) await deletePushTokens(ws, deadTokens, tx);
  });

  const counts: TBatchResult = {};
  for (const s of settled) counts[s.status] = (counts[s.status] ?? 0) + 1;
  if (release.length) counts.retry = release.length;
  return counts;
}

type TAnswered = {
  contactId: string;
  settlement: TMessageSettlement;
  messageEvents: TMessageEventRow[];
  contactEvents: TEventRow[];
  /** Back to the queue (handed back on shutdown, or a retryable failure with attempts left). */
  release: boolean;
  /** A retryable failure's next try: not before the provider's Retry-After, or the backoff. */
  retryAt?: Date;
  delivery?: TSettledDelivery;
};

/** What one provider answer writes: the message's settlement, its events, its delivery's fate. */
function answerOf(run: TRunContext, item: TToSend, sent: TSent, at: Date): TAnswered {
  const { result, provider, handedBack } = sent;
  const { message, contactId } = item;
  const id = message.id!;
  const none = { messageEvents: [], contactEvents: [] };
  if (handedBack)
    // Never offered to the provider: back in the queue for whichever process drains next.
    return {
      contactId,
      settlement: { ...emptySettlement(id, "queued", provider), reason: HANDED_BACK },
      release: true,
      ...none,
    };
  const attempts = message.attempts ?? 1;
  const giveUp = !result.ok && (!result.retryable || attempts >= MAX_ATTEMPTS);
  if (!result.ok && !giveUp)
    return {
      contactId,
      settlement: { ...emptySettlement(id, "queued", provider), reason: result.reason },
      release: true,
      retryAt: retryAt(at, attempts, result.retryAfterSeconds),
      ...none,
    };
  // The same records every send path writes for a final answer (lib/messages/send/outcome-rows.ts).
  const rows = outcomeRows(
    {
      id,
      workspaceId: run.workspaceId,
      channel: run.channel,
      contactId,
      isTest: false,
      templateId: message.templateId ?? null,
      templateVersion: message.templateVersion ?? null,
      origin: message.origin,
    },
    { result, provider, at, final: true },
  );
  return {
    contactId,
    settlement: rows.settlement,
    release: false,
    delivery: { contactId, status: result.ok ? "sent" : "failed", messageId: id },
    messageEvents: rows.messageEvents,
    contactEvents: rows.contactEvents,
  };
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
async function sendAll(
  run: TRunContext,
  toSend: TToSend[],
  onAnswer: (i: number, sent: TSent) => void,
): Promise<void> {
  if (!toSend.length) return;
  const provider = await resolveChannelProvider(run.workspaceId, run.channel);
  let next = 0;
  const worker = async () => {
    while (next < toSend.length) {
      const i = next++;
      if (isDraining()) {
        const reason = "not sent: handed back on shutdown";
        onAnswer(i, {
          result: { ok: false, retryable: true, reason },
          provider: null,
          handedBack: true,
        });
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
      onAnswer(i, { result, provider: provider?.kind ?? null });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROVIDER_CONCURRENCY, toSend.length) }, worker));
}
