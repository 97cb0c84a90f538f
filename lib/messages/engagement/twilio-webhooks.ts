import { db } from "@/db";
import { findContactById } from "@/db/queries/contacts";
import { findMessageByProviderId, insertMessageEvent, settleMessage } from "@/db/queries/messages";
import { recordEngagement } from "./record-engagement";
import { recordInboundSms } from "./record-inbound-sms";
import { loadProviderConfigs } from "../send/resolve-channel-provider";
import { smsKeyword } from "./sms-keywords";
import { smsHelpReply } from "@/lib/topics/sms-help";

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
 * An SMS from a contact (lib/messages/engagement/record-inbound-sms.ts records it and applies
 * STOP/START). HELP is answered in the webhook's TwiML `<Message>`.
 */
export async function handleTwilioInbound(
  workspaceId: string,
  params: Record<string, string>,
): Promise<{ reply: string } | void> {
  const from = params.From;
  const body = params.Body ?? "";
  if (!from) return;
  const keyword = smsKeyword(body);
  const { contactId } = await recordInboundSms(workspaceId, {
    from,
    body,
    keyword,
    eventId: `twilio-${params.MessageSid ?? `${from}-${Date.now()}`}`,
  });
  // HELP is answered to anyone who texts it, known contact or not (carriers require it); a
  // redelivery Twilio retries still gets its TwiML, as only the reply carries it.
  if (keyword !== "help") return;
  const locale = contactId
    ? ((await findContactById(workspaceId, contactId))?.locale ?? null)
    : null;
  return { reply: await smsHelpReply(workspaceId, locale) };
}
