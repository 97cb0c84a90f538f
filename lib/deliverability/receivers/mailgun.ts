import { createHmac, timingSafeEqual } from "node:crypto";
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

const ZMailgun = z.object({
  signature: z.object({ timestamp: z.string(), token: z.string().min(1), signature: z.string() }),
  "event-data": z.looseObject({
    event: z.string(),
    id: z.string().optional(),
    timestamp: z.number().optional(),
    severity: z.string().optional(),
    recipient: z.string().optional(),
    reason: z.string().optional(),
    message: z.looseObject({ headers: z.record(z.string(), z.unknown()).optional() }).optional(),
    "delivery-status": z
      .looseObject({
        code: z.unknown().optional(),
        message: z.string().optional(),
        description: z.string().optional(),
      })
      .optional(),
    "user-variables": z.record(z.string(), z.unknown()).optional(),
  }),
});

export const MAILGUN_WINDOW_MS = 60 * 60_000;
const IGNORED = new Set([
  "accepted",
  "opened",
  "clicked",
  "unsubscribed",
  "stored",
  "list_member_uploaded",
]);

/** Mailgun's signature: HMAC-SHA256 of timestamp ‖ token under the webhook signing key, in hex. */
export function mailgunSignature(signingKey: string, timestamp: string, token: string) {
  return createHmac("sha256", signingKey)
    .update(timestamp + token)
    .digest("hex");
}

/**
 * Mailgun's webhooks (one event per request): the signature block must verify with the
 * workspace's signing key and be recent; the token makes each delivery unique, so a replay is
 * recognised by its event id.
 */
export function receiveMailgun(req: TWebhookRequest, signingKey: string | null): TParsed {
  if (!signingKey) return refuse(403, "not_configured", "no Mailgun signing key is set");
  const parsed = ZMailgun.safeParse(parseJsonBody(req.body));
  if (!parsed.success) return refuse(400, "invalid_body", "not a Mailgun webhook");
  const { signature: s, "event-data": e } = parsed.data;
  const expected = Buffer.from(mailgunSignature(signingKey, s.timestamp, s.token));
  const given = Buffer.from(s.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return refuse(403, "invalid_signature", "Mailgun signature does not verify");
  if (!freshTimestamp(s.timestamp, MAILGUN_WINDOW_MS))
    return refuse(403, "stale", "Mailgun timestamp outside the replay window");
  if (IGNORED.has(e.event)) return parsedOk([], 1);
  const type: TFeedback["type"] | null =
    e.event === "delivered"
      ? "delivered"
      : e.event === "failed"
        ? e.severity === "temporary"
          ? "soft_bounce"
          : "hard_bounce"
        : e.event === "complained"
          ? "complaint"
          : e.event === "rejected"
            ? "rejected"
            : null;
  if (!type || !e.recipient) return refuse(400, "unknown_type", `unknown Mailgun event ${e.event}`);
  const headers = e.message?.headers ?? {};
  return parsedOk([
    {
      source: "mailgun",
      eventId: e.id ?? s.token,
      type,
      channel: "email",
      address: e.recipient,
      messageId:
        waymarkMessageId(e["user-variables"]?.["waymark-message-id"]) ??
        waymarkMessageId(headers["message-id"]),
      providerMessageId: typeof headers["message-id"] === "string" ? headers["message-id"] : null,
      occurredAt: feedbackTime(e.timestamp),
      detail: {
        severity: e.severity,
        status: e["delivery-status"]?.code,
        diagnostic: e["delivery-status"]?.description || e["delivery-status"]?.message || e.reason,
      },
    },
  ]);
}
