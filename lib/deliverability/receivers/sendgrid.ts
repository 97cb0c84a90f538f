import { createPublicKey, verify } from "node:crypto";
import { z } from "zod";
import type { TFeedback } from "../feedback-types";
import { feedbackTime, waymarkMessageId } from "../feedback-types";
import {
  freshTimestamp,
  parseJsonBody,
  parsedOk,
  refuse,
  type TParsed,
  type TWebhookRequest,
} from "./types";

const ZEvent = z.looseObject({
  email: z.string(),
  event: z.string(),
  timestamp: z.number().optional(),
  sg_event_id: z.string().optional(),
  sg_message_id: z.string().optional(),
  type: z.string().optional(),
  reason: z.string().optional(),
  status: z.string().optional(),
  waymark_message_id: z.string().optional(),
  "smtp-id": z.string().optional(),
});

const IGNORED = new Set([
  "processed",
  "open",
  "click",
  "unsubscribe",
  "group_unsubscribe",
  "group_resubscribe",
]);
export const SENDGRID_WINDOW_MS = 10 * 60_000;

/** SendGrid's verification key: base64 DER (as its UI shows it) or PEM. */
export function sendgridKey(raw: string) {
  const text = raw.trim();
  return text.startsWith("-----")
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text, "base64"), format: "der", type: "spki" });
}

/**
 * SendGrid's Signed Event Webhook: ECDSA (P-256, SHA-256) over timestamp ‖ body, with the public
 * key from its settings, and a timestamp within ten minutes. Then a batch of events.
 */
export function receiveSendgrid(req: TWebhookRequest, publicKey: string | null): TParsed {
  if (!publicKey) return refuse(403, "not_configured", "no SendGrid verification key is set");
  const signature = req.headers.get("x-twilio-email-event-webhook-signature");
  const timestamp = req.headers.get("x-twilio-email-event-webhook-timestamp");
  if (!signature || !timestamp) return refuse(403, "invalid_signature", "unsigned SendGrid event");
  if (!freshTimestamp(timestamp, SENDGRID_WINDOW_MS))
    return refuse(403, "stale", "SendGrid timestamp outside the replay window");
  let good = false;
  try {
    good = verify(
      "sha256",
      Buffer.from(timestamp + req.body),
      sendgridKey(publicKey),
      Buffer.from(signature, "base64"),
    );
  } catch {
    good = false;
  }
  if (!good) return refuse(403, "invalid_signature", "SendGrid signature does not verify");
  const events = z.array(ZEvent).max(5000).safeParse(parseJsonBody(req.body));
  if (!events.success) return refuse(400, "invalid_body", "not a SendGrid event batch");
  const feedback: TFeedback[] = [];
  const unknown: string[] = [];
  let ignored = 0;
  for (const e of events.data) {
    const type: TFeedback["type"] | null =
      e.event === "delivered"
        ? "delivered"
        : e.event === "bounce"
          ? e.type === "blocked"
            ? "soft_bounce"
            : "hard_bounce"
          : e.event === "spamreport"
            ? "complaint"
            : e.event === "dropped"
              ? "rejected"
              : e.event === "deferred"
                ? "delayed"
                : null;
    if (!type) {
      if (IGNORED.has(e.event)) ignored++;
      else unknown.push(e.event);
      continue;
    }
    feedback.push({
      source: "sendgrid",
      eventId: e.sg_event_id ?? `${e.sg_message_id}:${e.event}:${e.email}`,
      type,
      channel: "email",
      address: e.email,
      messageId: waymarkMessageId(e.waymark_message_id) ?? waymarkMessageId(e["smtp-id"]),
      providerMessageId: e.sg_message_id?.split(".")[0] ?? null,
      occurredAt: feedbackTime(e.timestamp),
      detail: { status: e.status, diagnostic: e.reason, bounceType: e.type },
    });
  }
  return parsedOk(feedback, ignored, unknown);
}
