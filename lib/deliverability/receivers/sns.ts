import { log } from "@/lib/log/logger";
import { ZAwsInboundSms } from "@/lib/messages/engagement/aws-sms-inbound";
import { confirmSnsSubscription, verifySnsMessage, ZSnsEnvelope } from "../sns/verify-sns-message";
import { sesFeedback, ZSesEvent } from "./ses-events";
import { smsEventFeedback, ZSmsEvent } from "./sms-events";
import { parseJsonBody, parsedOk, refuse, type TParsed, type TWebhookRequest } from "./types";

/**
 * One SNS HTTPS endpoint for every AWS stream: SES (notifications and event publishing), End User
 * Messaging SMS/voice events, and End User Messaging two-way SMS (texts contacts send us, handed
 * on as `inboundSms`). The signature is checked before anything is read; a subscription
 * confirmation is confirmed by visiting its SubscribeURL.
 */
export async function receiveSns(workspaceId: string, req: TWebhookRequest): Promise<TParsed> {
  const envelope = ZSnsEnvelope.safeParse(parseJsonBody(req.body));
  if (!envelope.success) return refuse(400, "invalid_body", "not an SNS message");
  const m = envelope.data;
  const verdict = await verifySnsMessage(m);
  if (!verdict.ok) return refuse(403, "invalid_signature", `SNS: ${verdict.why}`);
  if (m.Type === "SubscriptionConfirmation") {
    const confirmed = await confirmSnsSubscription(m);
    log.info("SNS subscription confirmation", { workspaceId, topicArn: m.TopicArn, confirmed });
    return confirmed
      ? parsedOk([], 1)
      : refuse(400, "invalid_subscribe_url", "SubscribeURL was not confirmed");
  }
  if (m.Type === "UnsubscribeConfirmation") return parsedOk([], 1);
  const message = parseJsonBody(m.Message);
  const inbound = ZAwsInboundSms.safeParse(message);
  if (inbound.success) return { ...parsedOk([]), inboundSms: [inbound.data] };
  const ses = ZSesEvent.safeParse(message);
  const parsed = ses.success
    ? sesFeedback(m.MessageId, ses.data)
    : (() => {
        const sms = ZSmsEvent.safeParse(message);
        return sms.success ? smsEventFeedback(m.MessageId, sms.data) : null;
      })();
  if (!parsed)
    return refuse(400, "unknown_type", "neither an SES nor an End User Messaging event or text");
  if (parsed.kind === "unknown")
    return refuse(400, "unknown_type", `unknown event type ${parsed.type}`);
  if (parsed.kind === "ignored") return parsedOk([], 1);
  return parsedOk(parsed.feedback);
}
