import { db, type Executor } from "@/db";
import { lockContact } from "@/db/queries/contact-edits";
import { findTopic, upsertTopicChoice } from "@/db/queries/topics";
import { insertEvents } from "@/db/queries/ingest";
import {
  findMessage,
  insertMessageEvent,
  stampEngagement,
  type TEngagement,
} from "@/db/queries/messages";
import type { TMessage } from "@/db/schema";
import { changeSubscriptionInTx } from "@/lib/contacts/change-contact-subscription";
import { offerIngested, toIngestedEvents, type TIngestedEvent } from "@/lib/ingest/ingested-events";
import { contactEventNameFor } from "./message-event-names";

/** What the message says about itself in every contact event, so a segment can filter on it. */
export function messageEventProperties(
  m: Pick<TMessage, "id" | "channel" | "templateId" | "templateVersion" | "origin">,
): Record<string, unknown> {
  const origin = m.origin;
  const fromOrigin = Object.fromEntries(
    ["journeyId", "nodeId", "campaignId"]
      .filter((k) => origin[k] !== undefined)
      .map((k) => [k, origin[k]]),
  );
  return {
    messageId: m.id,
    channel: m.channel,
    templateId: m.templateId,
    templateVersion: m.templateVersion,
    ...fromOrigin,
  };
}

type TEngagementInput = {
  workspaceId: string;
  messageId: string;
  type: TEngagement;
  detail?: Record<string, unknown>;
  at?: Date;
};

/**
 * Every open, click, reply, unsubscribe, receipt or in-app seen/dismiss is a message event; the
 * first of each kind also stamps the message and becomes a contact event (test sends stay out of
 * the contact's timeline). Null for an unknown message.
 */
async function recordEngagementInTx(tx: Executor, input: TEngagementInput) {
  const at = input.at ?? new Date();
  const stamped = await stampEngagement(input.workspaceId, input.messageId, input.type, at, tx);
  if (!stamped) return null;
  await insertMessageEvent(
    input.workspaceId,
    input.messageId,
    { type: input.type, detail: input.detail, at },
    tx,
  );
  const { message, first } = stamped;
  const name = contactEventNameFor(message.channel, input.type);
  if (!first || !name || !message.contactId || message.isTest)
    return { message, first, events: [] as TIngestedEvent[] };
  const stored = await insertEvents(
    input.workspaceId,
    [
      {
        contactId: message.contactId,
        name,
        properties: { ...messageEventProperties(message), ...(input.detail ?? {}) },
        occurredAt: at,
        messageId: `msg-${message.id}-${input.type}`,
      },
    ],
    tx,
  );
  return { message, first, events: toIngestedEvents(input.workspaceId, stored) };
}

export async function recordEngagement(input: TEngagementInput) {
  const result = await db().transaction((tx) => recordEngagementInTx(tx, input));
  if (result) await offerIngested(result.events);
  return result;
}

/**
 * The unsubscribe link (and its one-click POST): the contact leaves the message's subscription
 * topic when it has one, else is opted out of the message's channel, with source `unsubscribe_link`, and the message records it, in one transaction.
 * Idempotent: a second click changes nothing more.
 */
export async function unsubscribeFromMessage(workspaceId: string, messageId: string) {
  const result = await db().transaction(async (tx) => {
    const message = await findMessage(workspaceId, messageId, tx);
    if (!message) return null;
    const events: TIngestedEvent[] = [];
    // A test send to a teammate never opts a real contact out.
    if (message.contactId && !message.isTest && message.channel !== "webhook") {
      const topicId = typeof message.origin.topicId === "string" ? message.origin.topicId : null;
      const topic = topicId ? await findTopic(workspaceId, topicId, tx) : null;
      if (topic && (await lockContact(workspaceId, message.contactId, tx))) {
        // A message about a topic leaves that topic only; the preference center does the rest.
        await upsertTopicChoice(
          {
            workspaceId,
            contactId: message.contactId,
            topicId: topic.id,
            status: "unsubscribed",
            source: "unsubscribe_link",
          },
          tx,
        );
      } else if (await lockContact(workspaceId, message.contactId, tx)) {
        const change = await changeSubscriptionInTx(tx, {
          workspaceId,
          contactId: message.contactId,
          channel: message.channel,
          status: "unsubscribed",
          source: "unsubscribe_link",
          detail: { messageId },
        });
        events.push(...toIngestedEvents(workspaceId, change.events));
      }
    }
    const recorded = await recordEngagementInTx(tx, {
      workspaceId,
      messageId,
      type: "unsubscribed",
    });
    events.push(...(recorded?.events ?? []));
    return { message, events };
  });
  if (result) await offerIngested(result.events);
  return result?.message ?? null;
}
