import { db, type Executor } from "@/db";
import { lockContact } from "@/db/queries/contact-edits";
import { insertEvents } from "@/db/queries/ingest";
import {
  findMessage,
  findMessageByProviderId,
  insertMessageEvent,
  settleMessage,
} from "@/db/queries/messages";
import {
  countFeedbackSince,
  findContactIdsByAddress,
  insertFeedbackOnce,
  upsertSuppression,
} from "@/db/queries/suppressions";
import type { TMessage } from "@/db/schema";
import { changeSubscriptionInTx } from "@/lib/contacts/change-contact-subscription";
import { offerIngested, toIngestedEvents, type TIngestedEvent } from "@/lib/ingest/ingested-events";
import { log } from "@/lib/log/logger";
import { contactEventNameFor } from "@/lib/messages/engagement/message-event-names";
import {
  messageEventProperties,
  recordEngagement,
} from "@/lib/messages/engagement/record-engagement";
import { loadDeliverabilitySettings } from "./deliverability-settings";
import type { TFeedback } from "./feedback-types";
import { normaliseAddress } from "./normalise-address";

export type TApplyResult = { applied: number; duplicates: number; ignored: number };

const DAY = 86_400_000;
const PERMANENT = new Set(["hard_bounce", "complaint", "blocked"]);

/**
 * Applies delivery feedback that a receiver has already authenticated. Each item is recorded once
 * (its provider's event id de-duplicates replays); a hard bounce, complaint or carrier block
 * suppresses the address at once, a complaint also opts the contact out of the channel, soft
 * bounces suppress (for a while) after the workspace's limit within its window, and the message
 * the feedback names gets its bounce, delivery or failure.
 */
export async function applyFeedback(
  workspaceId: string,
  items: TFeedback[],
): Promise<TApplyResult> {
  const result: TApplyResult = { applied: 0, duplicates: 0, ignored: 0 };
  if (!items.length) return result;
  const settings = await loadDeliverabilitySettings(workspaceId);
  for (const item of items) {
    const address = normaliseAddress(item.channel, item.address);
    if (!address) {
      log.warn("delivery feedback without a usable address: ignored", {
        workspaceId,
        source: item.source,
        eventId: item.eventId,
        type: item.type,
      });
      result.ignored++;
      continue;
    }
    const message = await findNamedMessage(workspaceId, item);
    const outcome = await db().transaction(async (tx) => {
      const recorded = await insertFeedbackOnce(
        {
          workspaceId,
          source: item.source,
          eventId: item.eventId.slice(0, 300),
          type: item.type,
          channel: item.channel,
          address,
          messageId: message?.id ?? null,
          provider: message?.provider ?? item.source,
          occurredAt: item.occurredAt,
          detail: item.detail ?? {},
        },
        tx,
      );
      if (!recorded) return null;
      await suppressIfDue(tx, workspaceId, item, address, message, settings);
      const events: TIngestedEvent[] = [];
      if (item.type === "complaint") events.push(...(await optOut(tx, workspaceId, item, address)));
      if (message) events.push(...(await markMessage(tx, message, item)));
      return events;
    });
    if (!outcome) {
      result.duplicates++;
      continue;
    }
    result.applied++;
    await offerIngested(outcome);
    if (message && item.type === "delivered")
      await recordEngagement({
        workspaceId,
        messageId: message.id,
        type: "delivered",
        detail: { source: item.source },
        at: item.occurredAt,
      });
    if (message && item.type === "complaint")
      await recordEngagement({
        workspaceId,
        messageId: message.id,
        type: "unsubscribed",
        detail: { source: item.source, complaint: true },
        at: item.occurredAt,
      });
  }
  return result;
}

async function findNamedMessage(workspaceId: string, item: TFeedback): Promise<TMessage | null> {
  if (item.messageId) {
    const m = await findMessage(workspaceId, item.messageId, db());
    if (m) return m;
  }
  if (item.providerMessageId)
    return findMessageByProviderId(workspaceId, item.providerMessageId, db());
  return null;
}

async function suppressIfDue(
  tx: Executor,
  workspaceId: string,
  item: TFeedback,
  address: string,
  message: TMessage | null,
  settings: Awaited<ReturnType<typeof loadDeliverabilitySettings>>,
) {
  const base = {
    channel: item.channel,
    address,
    source: item.source,
    detail: item.detail ?? {},
    messageId: message?.id ?? null,
    createdAt: item.occurredAt,
  };
  if (PERMANENT.has(item.type)) {
    await upsertSuppression(workspaceId, { ...base, reason: item.type }, tx);
    return;
  }
  if (item.type !== "soft_bounce") return;
  const since = new Date(item.occurredAt.getTime() - settings.softBounceWindowDays * DAY);
  const n = await countFeedbackSince(workspaceId, item.channel, address, "soft_bounce", since, tx);
  if (n < settings.softBounceLimit) return;
  await upsertSuppression(
    workspaceId,
    {
      ...base,
      reason: "soft_bounce",
      detail: { ...base.detail, softBounces: n, windowDays: settings.softBounceWindowDays },
      expiresAt: new Date(item.occurredAt.getTime() + settings.softBounceSuppressDays * DAY),
    },
    tx,
  );
}

/** A complaint opts every contact with the address out of the channel's messages. */
async function optOut(tx: Executor, workspaceId: string, item: TFeedback, address: string) {
  const events: TIngestedEvent[] = [];
  for (const contactId of await findContactIdsByAddress(workspaceId, item.channel, address, tx)) {
    if (!(await lockContact(workspaceId, contactId, tx))) continue;
    const change = await changeSubscriptionInTx(tx, {
      workspaceId,
      contactId,
      channel: item.channel,
      status: "unsubscribed",
      source: "complaint",
      detail: { provider: item.source },
    });
    events.push(...toIngestedEvents(workspaceId, change.events));
  }
  return events;
}

/** A bounce marks the message bounced (a rejection, failed) and tells the contact's timeline. */
async function markMessage(tx: Executor, message: TMessage, item: TFeedback) {
  const bounce = item.type === "hard_bounce" || item.type === "soft_bounce";
  const failure = item.type === "rejected" || item.type === "blocked";
  if (!bounce && !failure) return [];
  const type = bounce ? "bounced" : "failed";
  const reason =
    `${bounce ? (item.type === "hard_bounce" ? "hard bounce" : "soft bounce") : item.type}${
      typeof item.detail?.diagnostic === "string" ? `: ${item.detail.diagnostic}` : ""
    }`.slice(0, 500);
  await settleMessage(message.workspaceId, message.id, { status: type, reason }, tx);
  await insertMessageEvent(
    message.workspaceId,
    message.id,
    { type, detail: { source: item.source, ...(item.detail ?? {}) }, at: item.occurredAt },
    tx,
  );
  const name = contactEventNameFor(message.channel, type);
  if (!name || !message.contactId || message.isTest) return [];
  const stored = await insertEvents(
    message.workspaceId,
    [
      {
        contactId: message.contactId,
        name,
        properties: { ...messageEventProperties(message), reason },
        occurredAt: item.occurredAt,
        messageId: `msg-${message.id}-${type}`,
      },
    ],
    tx,
  );
  return toIngestedEvents(message.workspaceId, stored);
}
