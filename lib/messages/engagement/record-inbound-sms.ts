import { db } from "@/db";
import { lockContact } from "@/db/queries/contact-edits";
import { findContactIdByPhone } from "@/db/queries/contacts";
import { insertEvents } from "@/db/queries/ingest";
import { findLatestMessageTo, findMessageByProviderId } from "@/db/queries/messages";
import { changeSubscriptionInTx } from "@/lib/contacts/change-contact-subscription";
import { offerIngested, toIngestedEvents } from "@/lib/ingest/ingested-events";
import { recordEngagement } from "./record-engagement";
import type { TSmsKeyword } from "./sms-keywords";

const REPLY_WINDOW_MS = 7 * 86400_000;

export type TInboundSms = {
  /** The contact's number (E.164). */
  from: string;
  /** Our number they texted, when the provider says. */
  to?: string;
  body: string;
  keyword: TSmsKeyword;
  /** `<provider>-<provider's id>`: the event's message id, so a redelivery records nothing. */
  eventId: string;
  /** The provider's id of the message this answers, when the provider knows it. */
  inReplyToProviderId?: string | null;
};

export type TInboundOutcome = { contactId: string | null; duplicate: boolean };

/**
 * An SMS from a contact, whichever provider carried it: STOP-style keywords opt them out of SMS
 * (START opts back in), anything else is a reply to the SMS it answers (the one the provider
 * names, else our latest to them within a week). Every inbound message is also an `SMS Received`
 * event on the contact's timeline, so journeys can wait for it; its id de-duplicates redeliveries
 * (SNS and Twilio both retry), which then change nothing. Unknown numbers record nothing.
 */
export async function recordInboundSms(
  workspaceId: string,
  sms: TInboundSms,
): Promise<TInboundOutcome> {
  const contactId = await findContactIdByPhone(workspaceId, sms.from);
  if (!contactId) return { contactId, duplicate: false };
  const named = sms.inReplyToProviderId
    ? await findMessageByProviderId(workspaceId, sms.inReplyToProviderId, db())
    : null;
  const answered =
    named && named.contactId === contactId
      ? named
      : await findLatestMessageTo(
          workspaceId,
          contactId,
          "sms",
          new Date(Date.now() - REPLY_WINDOW_MS),
          db(),
        );
  const events = await db().transaction(async (tx) => {
    if (!(await lockContact(workspaceId, contactId, tx))) return "gone" as const;
    const received = await insertEvents(
      workspaceId,
      [
        {
          contactId,
          name: "SMS Received",
          properties: {
            body: sms.body,
            keyword: sms.keyword,
            from: sms.from,
            ...(sms.to ? { to: sms.to } : {}),
            ...(answered ? { inReplyTo: answered.id } : {}),
          },
          occurredAt: new Date(),
          messageId: sms.eventId,
        },
      ],
      tx,
    );
    if (!received.length) return null;
    if (sms.keyword !== "opt_out" && sms.keyword !== "opt_in") return received;
    const change = await changeSubscriptionInTx(tx, {
      workspaceId,
      contactId,
      channel: "sms",
      status: sms.keyword === "opt_out" ? "unsubscribed" : "subscribed",
      source: "sms_keyword",
      detail: { keyword: sms.body.trim().toUpperCase() },
    });
    return [...received, ...change.events];
  });
  if (events === "gone") return { contactId: null, duplicate: false };
  if (!events) return { contactId, duplicate: true };
  await offerIngested(toIngestedEvents(workspaceId, events));
  if (answered)
    await recordEngagement({
      workspaceId,
      messageId: answered.id,
      type: sms.keyword === "opt_out" ? "unsubscribed" : "replied",
      detail: { body: sms.body },
    });
  return { contactId, duplicate: false };
}
