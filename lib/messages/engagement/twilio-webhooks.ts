import { db } from "@/db";
import { lockContact } from "@/db/queries/contact-edits";
import { findContactById, findContactIdByPhone } from "@/db/queries/contacts";
import { insertEvents } from "@/db/queries/ingest";
import {
  findLatestMessageTo,
  findMessageByProviderId,
  insertMessageEvent,
  settleMessage,
} from "@/db/queries/messages";
import { changeSubscriptionInTx } from "@/lib/contacts/change-contact-subscription";
import { offerIngested, toIngestedEvents } from "@/lib/ingest/ingested-events";
import { recordEngagement } from "./record-engagement";
import { loadProviderConfigs } from "../send/resolve-channel-provider";
import { smsKeyword } from "./sms-keywords";
import { smsHelpReply } from "@/lib/topics/sms-help";

const REPLY_WINDOW_MS = 7 * 86400_000;

/** The auth token of the workspace's Twilio-compatible provider: it signs the webhooks. */
export async function twilioAuthToken(workspaceId: string): Promise<string | null> {
  const { configs } = await loadProviderConfigs(workspaceId);
  const twilio = configs.find((c) => c.kind === "twilio");
  return twilio?.kind === "twilio" ? twilio.authToken : null;
}

/** Delivery receipts for SMS (`MessageStatus`) and calls (`CallStatus`). Unknown sids are ignored. */
export async function handleTwilioStatus(workspaceId: string, params: Record<string, string>) {
  const sid = params.MessageSid ?? params.CallSid;
  const status = params.MessageStatus ?? params.CallStatus;
  if (!sid || !status) return;
  const message = await findMessageByProviderId(workspaceId, sid, db());
  if (!message) return;
  if (status === "delivered" || status === "completed") {
    await recordEngagement({
      workspaceId,
      messageId: message.id,
      type: "delivered",
      detail: { providerStatus: status },
    });
    return;
  }
  if (["undelivered", "failed", "busy", "no-answer", "canceled"].includes(status)) {
    const reason = `${status}${params.ErrorCode ? ` (error ${params.ErrorCode})` : ""}`;
    await db().transaction(async (tx) => {
      await settleMessage(workspaceId, message.id, { status: "failed", reason }, tx);
      await insertMessageEvent(
        workspaceId,
        message.id,
        { type: "failed", detail: { providerStatus: status, code: params.ErrorCode } },
        tx,
      );
    });
  }
}

/**
 * An SMS from a contact: STOP-style keywords opt them out of SMS (START opts back in), anything
 * else is a reply to the latest SMS we sent them. Every inbound message is also an event on the
 * contact's timeline, so journeys can wait for it.
 */
export async function handleTwilioInbound(
  workspaceId: string,
  params: Record<string, string>,
): Promise<{ reply: string } | void> {
  const from = params.From;
  const body = params.Body ?? "";
  if (!from) return;
  const keyword = smsKeyword(body);
  const contactId = await findContactIdByPhone(workspaceId, from);
  // HELP is answered (TwiML <Message>) to anyone who texts it, known contact or not.
  const help =
    keyword === "help"
      ? {
          reply: await smsHelpReply(
            workspaceId,
            contactId ? ((await findContactById(workspaceId, contactId))?.locale ?? null) : null,
          ),
        }
      : undefined;
  if (!contactId) return help;
  const latest = await findLatestMessageTo(
    workspaceId,
    contactId,
    "sms",
    new Date(Date.now() - REPLY_WINDOW_MS),
    db(),
  );
  const events = await db().transaction(async (tx) => {
    if (!(await lockContact(workspaceId, contactId, tx))) return [];
    const stored = [];
    if (keyword === "opt_out" || keyword === "opt_in") {
      const change = await changeSubscriptionInTx(tx, {
        workspaceId,
        contactId,
        channel: "sms",
        status: keyword === "opt_out" ? "unsubscribed" : "subscribed",
        source: "sms_keyword",
        detail: { keyword: body.trim().toUpperCase() },
      });
      stored.push(...change.events);
    }
    stored.push(
      ...(await insertEvents(
        workspaceId,
        [
          {
            contactId,
            name: "SMS Received",
            properties: { body, keyword, from, ...(latest ? { inReplyTo: latest.id } : {}) },
            occurredAt: new Date(),
            messageId: `twilio-${params.MessageSid ?? `${from}-${Date.now()}`}`,
          },
        ],
        tx,
      )),
    );
    return stored;
  });
  await offerIngested(toIngestedEvents(workspaceId, events));
  if (latest)
    await recordEngagement({
      workspaceId,
      messageId: latest.id,
      type: keyword === "opt_out" ? "unsubscribed" : "replied",
      detail: { body },
    });
  return help;
}
