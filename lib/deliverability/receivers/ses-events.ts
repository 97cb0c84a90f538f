import { z } from "zod";
import type { TFeedback } from "../feedback-types";
import { feedbackTime, waymarkMessageId } from "../feedback-types";

/**
 * Amazon SES feedback, as SES notifications (`notificationType`) or event publishing
 * (`eventType`) deliver it through SNS. One feedback item per recipient the event names.
 */
const ZRecipient = z.looseObject({
  emailAddress: z.string(),
  status: z.string().optional(),
  action: z.string().optional(),
  diagnosticCode: z.string().optional(),
});
const ZMail = z.looseObject({
  messageId: z.string().optional(),
  timestamp: z.string().optional(),
  destination: z.array(z.string()).optional(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  commonHeaders: z.looseObject({ messageId: z.string().optional() }).optional(),
  tags: z.record(z.string(), z.array(z.string())).optional(),
});
export const ZSesEvent = z.looseObject({
  notificationType: z.string().optional(),
  eventType: z.string().optional(),
  mail: ZMail,
  bounce: z
    .looseObject({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(ZRecipient),
      timestamp: z.string().optional(),
      feedbackId: z.string().optional(),
    })
    .optional(),
  complaint: z
    .looseObject({
      complainedRecipients: z.array(ZRecipient),
      timestamp: z.string().optional(),
      feedbackId: z.string().optional(),
      complaintFeedbackType: z.string().optional(),
    })
    .optional(),
  delivery: z
    .looseObject({
      recipients: z.array(z.string()),
      timestamp: z.string().optional(),
      smtpResponse: z.string().optional(),
    })
    .optional(),
  reject: z.looseObject({ reason: z.string().optional() }).optional(),
  deliveryDelay: z
    .looseObject({
      delayType: z.string().optional(),
      delayedRecipients: z.array(ZRecipient),
      timestamp: z.string().optional(),
    })
    .optional(),
});

/** Types SES publishes that say nothing about deliverability: accepted and ignored. */
const IGNORED = new Set([
  "Send",
  "Open",
  "Click",
  "Rendering Failure",
  "Subscription",
  "AmazonSnsSubscriptionSucceeded",
]);

/** The Waymark message an SES event is about: a tag, our Message-ID header, or a header we set. */
function messageOf(mail: z.infer<typeof ZMail>): string | null {
  const tag = mail.tags?.["waymark-message-id"]?.[0];
  const header = mail.headers?.find((h) => /^(message-id|x-waymark-message-id)$/i.test(h.name));
  return (
    waymarkMessageId(tag) ??
    waymarkMessageId(mail.commonHeaders?.messageId) ??
    waymarkMessageId(header?.value)
  );
}

export type TSesParse =
  | { kind: "feedback"; feedback: TFeedback[] }
  | { kind: "ignored" }
  | { kind: "unknown"; type: string };

export function sesFeedback(snsMessageId: string, event: z.infer<typeof ZSesEvent>): TSesParse {
  const type = event.eventType ?? event.notificationType ?? "";
  if (IGNORED.has(type)) return { kind: "ignored" };
  const base = {
    source: "ses" as const,
    channel: "email" as const,
    messageId: messageOf(event.mail),
    providerMessageId: event.mail.messageId ?? null,
  };
  const item = (
    address: string,
    t: TFeedback["type"],
    at: unknown,
    detail: Record<string, unknown>,
  ): TFeedback => ({
    ...base,
    eventId: `${snsMessageId}:${address.toLowerCase()}`,
    type: t,
    address,
    occurredAt: feedbackTime(at),
    detail,
  });
  if (type === "Bounce" && event.bounce) {
    const b = event.bounce;
    const t = b.bounceType === "Permanent" ? "hard_bounce" : "soft_bounce";
    return {
      kind: "feedback",
      feedback: b.bouncedRecipients.map((r) =>
        item(r.emailAddress, t, b.timestamp, {
          bounceType: b.bounceType,
          bounceSubType: b.bounceSubType,
          status: r.status,
          diagnostic: r.diagnosticCode,
        }),
      ),
    };
  }
  if (type === "Complaint" && event.complaint) {
    const c = event.complaint;
    return {
      kind: "feedback",
      feedback: c.complainedRecipients.map((r) =>
        item(r.emailAddress, "complaint", c.timestamp, {
          complaintFeedbackType: c.complaintFeedbackType,
        }),
      ),
    };
  }
  if (type === "Delivery" && event.delivery) {
    const d = event.delivery;
    return {
      kind: "feedback",
      feedback: d.recipients.map((r) =>
        item(r, "delivered", d.timestamp, { smtpResponse: d.smtpResponse }),
      ),
    };
  }
  if (type === "Reject") {
    return {
      kind: "feedback",
      feedback: (event.mail.destination ?? []).map((r) =>
        item(r, "rejected", event.mail.timestamp, { diagnostic: event.reject?.reason }),
      ),
    };
  }
  if (type === "DeliveryDelay" && event.deliveryDelay) {
    const d = event.deliveryDelay;
    return {
      kind: "feedback",
      feedback: d.delayedRecipients.map((r) =>
        item(r.emailAddress, "delayed", d.timestamp, {
          delayType: d.delayType,
          status: r.status,
          diagnostic: r.diagnosticCode,
        }),
      ),
    };
  }
  return { kind: "unknown", type: type || "(none)" };
}
